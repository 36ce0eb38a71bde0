namespace BilateralTrade.Dsl.Solving;

/// <summary>How a solve may be stopped early and observed.</summary>
public sealed class SolveOptions
{
    /// <summary>Cancelling stops after the round in progress is abandoned; the rounds already computed are kept.</summary>
    public CancellationToken Cancellation { get; init; }

    public IProgress<RoundProgress>? Progress { get; init; }

    /// <summary>Stop (keeping finished rounds) once a round's largest number has more decimal digits than this.</summary>
    public int? DigitBudget { get; init; }

    /// <summary>Use both cores where a round's independent lines allow it.</summary>
    public bool Parallel { get; init; } = true;
}
