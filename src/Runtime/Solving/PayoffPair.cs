using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>Both players' expected payoffs at a state.</summary>
public readonly record struct PayoffPair(Rational Sally, Rational Bob)
{
    public Rational Welfare => Sally + Bob;

    public Rational Of(Player player) => player == Player.Sally ? Sally : Bob;
}
