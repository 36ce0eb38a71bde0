using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Decides the signs the concavification asks about, for every y of an open strip at once.
/// Each question is the sign of an affine function of y (a combination of line values); the
/// oracle answers it at a sample y and narrows the strip to where every answer given so far
/// stays the same (the nearest root on each side). Since the concavification's decisions depend
/// only on these signs, its result at the sample holds on the whole narrowed strip: the paper's
/// parametric concave hull. Answers come from double approximations with error bounds when
/// those suffice, and from exact arithmetic otherwise, so they are always exact.
/// </summary>
internal sealed class StripOracle
{
    private readonly double _sampleApprox;
    private double _leftApprox, _rightApprox;

    private StripOracle(Rational sample, Rational left, Rational right, bool parametric)
    {
        Sample = sample; Left = left; Right = right; IsParametric = parametric;
        _sampleApprox = sample.ToDouble();
        _leftApprox = left.ToDouble();
        _rightApprox = right.ToDouble();
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

    /// <summary>Exact answers that the approximations could not give (for measurements).</summary>
    public int ExactFallbacks { get; private set; }

    /// <summary>sign(a − b).</summary>
    public int Difference(LineData line, LineValue a, LineValue b) =>
        Sign(new Term(1, a), new Term(-1, b), default, () => line.ExactDifference(a, b));

    /// <summary>
    /// sign((x2 − x1)(y3 − y1) − (x3 − x1)(y2 − y1)) for the grid points x_i1 ≤ x_i2 ≤ x_i3 of the
    /// line: negative when (x2, y2) lies strictly above the segment from (x1, y1) to (x3, y3).
    /// </summary>
    public int Turn(LineData line, int i1, LineValue y1, int i2, LineValue y2, int i3, LineValue y3)
    {
        var xa = line.XApprox;
        return Sign(new Term(xa[i3] - xa[i2], y1), new Term(xa[i1] - xa[i3], y2), new Term(xa[i2] - xa[i1], y3),
            () => line.ExactTurn(i1, y1, i2, y2, i3, y3));
    }

    /// <summary>An approximate weight times a line value.</summary>
    private readonly record struct Term(double Approx, LineValue? Value);

    private int Sign(Term t1, Term t2, Term t3, Func<Affine> exact)
    {
        double c = 0, s = 0, ce = 0, se = 0;
        Accumulate(t1, ref c, ref s, ref ce, ref se);
        Accumulate(t2, ref c, ref s, ref ce, ref se);
        Accumulate(t3, ref c, ref s, ref ce, ref se);
        bool constant = se == 0 && s == 0;
        double y = IsParametric ? _sampleApprox : 0;
        double value = c + s * y;
        double error = ce + se * Math.Abs(y);
        if (!double.IsFinite(value) || !double.IsFinite(error) || !double.IsFinite(s) || !double.IsFinite(se)) return Exact(exact);
        if (constant && !IsParametric) return Decided(value, error, exact);
        if (!IsParametric) return Exact(exact);
        if (Math.Abs(value) <= error) return Exact(exact);
        int sign = Math.Sign(value);
        if (constant) return sign;
        // The answer holds on the side of its root; only a root that may fall inside the current
        // strip needs the exact computation.
        if (Math.Abs(s) <= se) return RootNearby(c, ce, s, se) ? Exact(exact) : sign;
        double root = -c / s;
        double rootError = (ce + Math.Abs(root) * se) / (Math.Abs(s) - se) + 1e-300;
        bool rootIsLeft = sign == Math.Sign(s);
        bool outside = rootIsLeft ? root + rootError < _leftApprox - Math.Abs(_leftApprox) * 1e-15 - 1e-300
                                  : root - rootError > _rightApprox + Math.Abs(_rightApprox) * 1e-15 + 1e-300;
        return outside ? sign : Exact(exact);
    }

    // A nearly constant answer can only change inside [0, 1] when its constant part is small too.
    private static bool RootNearby(double c, double ce, double s, double se) =>
        Math.Abs(c) - ce <= Math.Abs(s) + se;

    private int Decided(double value, double error, Func<Affine> exact) =>
        Math.Abs(value) > error ? Math.Sign(value) : Exact(exact);

    private static void Accumulate(Term t, ref double c, ref double s, ref double ce, ref double se)
    {
        if (t.Value is not { } v) return;
        double w = t.Approx, aw = Math.Abs(w);
        c += w * v.Constant;
        s += w * v.Slope;
        // The weight's own error (a difference of two doubles in [0, 1]) is at most 1e-15 absolute.
        ce += aw * v.ConstantError + (aw * 1e-14 + 1e-15) * Math.Abs(v.Constant) + 1e-300;
        if (!v.IsExactlyConstant) se += aw * v.SlopeError + (aw * 1e-14 + 1e-15) * Math.Abs(v.Slope) + 1e-300;
    }

    private int Exact(Func<Affine> exact)
    {
        ExactFallbacks++;
        return SignOf(exact());
    }

    private int SignOf(Affine value)
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
            if (root > Left) { Left = root; _leftApprox = root.ToDouble(); }
        }
        else if (root < Right)
        {
            Right = root; _rightApprox = root.ToDouble();
        }
        return sign;
    }
}
