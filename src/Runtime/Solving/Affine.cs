using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// constant + slope·y: a payoff on a line of fixed x, as a function of the other player's belief y.
/// Inside one open strip of y the concavification works on these, so that its decisions hold
/// for the whole strip, not just one sampled y.
/// </summary>
internal readonly record struct Affine(Rational Constant, Rational Slope)
{
    public static Affine Of(Rational constant) => new(constant, Rational.Zero);

    public bool IsConstant => Slope.IsZero;

    public Rational At(Rational y) => Slope.IsZero ? Constant : Constant + Slope * y;

    public static Affine operator +(Affine a, Affine b) => new(a.Constant + b.Constant, a.Slope + b.Slope);
    public static Affine operator -(Affine a, Affine b) => new(a.Constant - b.Constant, a.Slope - b.Slope);
    public static Affine operator *(Rational k, Affine a) => new(k * a.Constant, k * a.Slope);

    /// <summary>(x1 − x0)-weighted interpolation at x between the values at x0 and x1, i.e. λ·v0 + (1 − λ)·v1.</summary>
    public static Affine Interpolate(Rational x0, Affine v0, Rational x1, Affine v1, Rational x)
    {
        var lambda = (x1 - x) / (x1 - x0);
        return lambda * v0 + (Rational.One - lambda) * v1;
    }
}
