using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Protocol;

/// <summary>
/// One rectangle of a round's partition of the square (p, q) ∈ [0,1]²: inside it the mover
/// either stays silent or splits the state to the two sides of the rectangle along their axis
/// (<see cref="SplitLow"/> and <see cref="SplitHigh"/>, which for Bob are p values, for Sally q values).
/// </summary>
public sealed record PartitionCell(BeliefInterval P, BeliefInterval Q, Player Mover, Rational? SplitLow, Rational? SplitHigh)
{
    public bool IsSilent => SplitLow is null;
}
