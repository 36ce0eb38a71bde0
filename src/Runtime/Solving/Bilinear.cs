using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// a + b·x + c·y + d·x·y on one stratum of a grid. Stored canonically: on a stratum where x is
/// a fixed grid value, b = d = 0 (likewise c = d = 0 where y is fixed), so equal functions have
/// equal forms and a whole surface can be compared structurally.
/// </summary>
internal readonly record struct Bilinear(Rational A, Rational B, Rational C, Rational D)
{
    public static Bilinear Constant(Rational a) => new(a, Rational.Zero, Rational.Zero, Rational.Zero);

    public Rational Evaluate(Rational x, Rational y)
    {
        var v = A;
        if (!B.IsZero) v += B * x;
        if (!C.IsZero || !D.IsZero) v += (C + D * x) * y;
        return v;
    }

    /// <summary>The restriction to a fixed x: a function of y only.</summary>
    public Affine AtX(Rational x) => new(B.IsZero ? A : A + B * x, D.IsZero ? C : C + D * x);

    /// <summary>The restriction to a fixed y, stored canonically as a function of x.</summary>
    public Bilinear FixY(Rational y) => new(C.IsZero ? A : A + C * y, D.IsZero ? B : B + D * y, Rational.Zero, Rational.Zero);

    /// <summary>The restriction to a fixed x, stored canonically as a function of y.</summary>
    public Bilinear FixX(Rational x)
    {
        var line = AtX(x);
        return new(line.Constant, Rational.Zero, line.Slope, Rational.Zero);
    }

    /// <summary>Swaps the roles of x and y.</summary>
    public Bilinear Transposed() => new(A, C, B, D);

    /// <summary>The form on an open x-interval that interpolates linearly between two lines in y given at x0 and x1.</summary>
    public static Bilinear Interpolate(Rational x0, Affine at0, Rational x1, Affine at1)
    {
        var width = x1 - x0;
        var inv = width.Reciprocal();
        return new(
            (at0.Constant * x1 - at1.Constant * x0) * inv,
            (at1.Constant - at0.Constant) * inv,
            (at0.Slope * x1 - at1.Slope * x0) * inv,
            (at1.Slope - at0.Slope) * inv);
    }

    public static Bilinear FromAffineInY(Affine line) => new(line.Constant, Rational.Zero, line.Slope, Rational.Zero);
}
