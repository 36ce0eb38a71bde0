namespace BilateralTrade.Dsl.Verification;

/// <summary>The outcome of <see cref="SolutionVerifier.Verify(IRoundFunctions, Numerics.Rational, Numerics.Rational, VerifyOptions?)"/>.</summary>
public sealed record VerificationReport(int Splittings, int States, int ViolationCount, IReadOnlyList<Violation> Violations)
{
    /// <summary>No check failed. <see cref="Violations"/> lists the first few (VerifyOptions.MaxViolations) of <see cref="ViolationCount"/>.</summary>
    public bool Passed => ViolationCount == 0;

    /// <summary>"verified: N splittings, M states, no violations", or the number of violations.</summary>
    public string Summary => Passed
        ? $"verified: {Splittings} splittings, {States} states, no violations"
        : $"verification failed: {ViolationCount} violation{(ViolationCount == 1 ? "" : "s")} in {Splittings} splittings, {States} states";
}
