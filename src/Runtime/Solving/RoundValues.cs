using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>π_S^t, π_B^t and welfare at one state after t rounds.</summary>
public sealed record RoundValues(int Round, Rational Sally, Rational Bob)
{
    public Rational Welfare => Sally + Bob;
}
