using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Decides the signs the concavification asks about, for every y of an open strip at once.
/// Each question is the sign of an affine function of y; the oracle answers it at a sample y
/// and narrows the strip to where every answer given so far stays the same (the nearest root
/// on each side). Since the concavification's decisions depend only on these signs, its result
/// at the sample holds on the whole narrowed strip: the paper's parametric concave hull.
/// </summary>
internal sealed class StripOracle
{
    private StripOracle(Rational sample, Rational left, Rational right, bool parametric)
    {
        Sample = sample; Left = left; Right = right; IsParametric = parametric;
    }

    /// <summary>For a grid line: every value is a constant.</summary>
    public static StripOracle ForLine(Rational y) => new(y, y, y, parametric: false);

    /// <summary>For the open strip (lo, hi), sampled at <paramref name="sample"/>.</summary>
    public static StripOracle ForStrip(Rational lo, Rational hi, Rational sample) => new(sample, lo, hi, parametric: true);

    public Rational Sample { get; }
    public bool IsParametric { get; }

    /// <summary>The strip on which all answers hold: (Left, Right) ∋ Sample.</summary>
    public Rational Left { get; private set; }
    public Rational Right { get; private set; }

    /// <summary>Some question's answer changes exactly at the sample: the sample must become a grid line.</summary>
    public bool SampleIsRoot { get; private set; }

    public int Sign(Affine value)
    {
        if (value.Slope.IsZero) return value.Constant.Sign;
        var atSample = value.Constant + value.Slope * Sample;
        int sign = atSample.Sign;
        if (sign == 0)
        {
            SampleIsRoot = true;
            return 0;
        }
        // The root -c/s lies left of the sample iff the value rises through it (sign == slope sign).
        var root = -value.Constant / value.Slope;
        if (sign == value.Slope.Sign)
        {
            if (root > Left) Left = root;
        }
        else if (root < Right)
        {
            Right = root;
        }
        return sign;
    }
}
