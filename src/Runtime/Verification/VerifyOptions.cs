namespace BilateralTrade.Dsl.Verification;

/// <summary>How much <see cref="SolutionVerifier"/> checks.</summary>
public sealed class VerifyOptions
{
    /// <summary>
    /// Besides the states the protocol tree visits, every round is checked at the grid points
    /// (i/G, j/G) for i, j = 0..G. 0 checks the visited states only.
    /// </summary>
    public int GridSize { get; init; } = 4;

    /// <summary>Stop listing violations after this many (the count of checks goes on).</summary>
    public int MaxViolations { get; init; } = 20;

    public CancellationToken Cancellation { get; init; }
}
