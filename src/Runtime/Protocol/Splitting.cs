using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Protocol;

/// <summary>
/// A mover's message along their own axis: the belief x splits into <see cref="Low"/> with
/// probability <see cref="WeightLow"/> and <see cref="High"/> with the rest (Bayes-plausible).
/// </summary>
public sealed record Splitting(Player Mover, Rational From, Rational Low, Rational High)
{
    public Rational WeightLow => (High - From) / (High - Low);
    public Rational WeightHigh => (From - Low) / (High - Low);
}
