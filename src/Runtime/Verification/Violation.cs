using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Verification;

/// <summary>What kind of check failed.</summary>
public enum ViolationKind
{
    /// <summary>A splitting whose posteriors do not average to the belief, or lie outside [0, 1], or are on one side of it.</summary>
    BayesPlausibility,

    /// <summary>π^t differs from the brute-force best two-point splitting of π^(t-1) (mover's maximum, then the other's).</summary>
    Optimality,

    /// <summary>The reported splitting (or silence) does not give the values π^t has at the state.</summary>
    SplittingValue,

    /// <summary>A player's payoff drops from round t-1 to round t.</summary>
    Monotonicity,

    /// <summary>The protocol tree disagrees with the value functions (payoffs, probabilities or expected leaf payoffs).</summary>
    Protocol,
}

/// <summary>One failed check: where (round t, state (p, q)) and what was found.</summary>
public sealed record Violation(ViolationKind Kind, int Round, Rational P, Rational Q, string Message)
{
    public override string ToString() => $"round {Round} at (p, q) = ({P}, {Q}): {Message}";
}
