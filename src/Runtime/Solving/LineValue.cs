using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// One payoff on a line of fixed x as an affine function of y, with a double approximation and
/// a bound on its error. Most signs the hull needs are decided from the approximation alone;
/// the exact value, whose big-number arithmetic dominates the solver, is computed only when
/// a sign is too close to call or the result is built from it.
/// </summary>
internal sealed class LineValue
{
    private Affine _exact;
    private Func<Affine>? _compute;

    private LineValue(Affine exact, Func<Affine>? compute, double constant, double slope, double constantError, double slopeError)
    {
        _exact = exact; _compute = compute;
        Constant = constant; Slope = slope; ConstantError = constantError; SlopeError = slopeError;
    }

    public double Constant { get; }
    public double Slope { get; }

    /// <summary>Bounds on |approximation − exact| for the constant and the slope.</summary>
    public double ConstantError { get; }
    public double SlopeError { get; }

    /// <summary>True when the slope is exactly zero (a constant on a grid line).</summary>
    public bool IsExactlyConstant => Slope == 0 && SlopeError == 0;

    /// <summary>The exact value; computed once, safely when pieces of a strip are assembled in parallel.</summary>
    public Affine Exact
    {
        get
        {
            if (Volatile.Read(ref _compute) is null) return _exact;
            lock (this)
            {
                if (_compute is { } compute)
                {
                    _exact = compute();
                    Volatile.Write(ref _compute, null);
                }
                return _exact;
            }
        }
    }

    /// <summary>Whether two values are exactly the same function of y; decided from the approximations when they differ clearly.</summary>
    public static bool Same(LineValue a, LineValue b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (Math.Abs(a.Constant - b.Constant) > a.ConstantError + b.ConstantError + 1e-300) return false;
        if (Math.Abs(a.Slope - b.Slope) > a.SlopeError + b.SlopeError + 1e-300) return false;
        return a.Exact == b.Exact;
    }

    // Relative error of a Rational's double (2^-62) and of a few double operations, with a wide margin.
    private const double Relative = 1e-14;

    public static LineValue Known(Affine exact)
    {
        double c = exact.Constant.ToDouble(), s = exact.Slope.IsZero ? 0 : exact.Slope.ToDouble();
        return new LineValue(exact, null, c, s, Math.Abs(c) * Relative, Math.Abs(s) * Relative);
    }

    /// <summary>
    /// The value at the grid line y of a value on the strip around it. Its exact value, and any
    /// exact combination of such values, come from the strip's (often already computed) affine
    /// functions evaluated at y, which is much cheaper than evaluating the forms afresh.
    /// </summary>
    public static LineValue OnLine(LineValue stripValue, Rational y, double yApprox)
    {
        double value = stripValue.Constant + stripValue.Slope * yApprox;
        double error = stripValue.ConstantError + stripValue.SlopeError * Math.Abs(yApprox) + Math.Abs(value) * Relative;
        return new LineValue(default, () => Affine.Of(stripValue.Exact.At(y)), value, 0, error, 0) { StripValue = stripValue };
    }

    /// <summary>For a value on a grid line inside a strip: the strip's value it restricts.</summary>
    public LineValue? StripValue { get; private init; }

    /// <summary>The form restricted to x, as a function of y; exact only on demand.</summary>
    public static LineValue AtX(Bilinear form, Rational x, double xApprox)
    {
        if (form.B.IsZero && form.D.IsZero) return Known(new Affine(form.A, form.C));
        double a = form.A.ToDouble(), b = form.B.ToDouble(), c = form.C.ToDouble(), d = form.D.ToDouble();
        double ax = Math.Abs(xApprox);
        return new LineValue(default, () => form.AtX(x), a + b * xApprox, c + d * xApprox,
            (Math.Abs(a) + Math.Abs(b) * ax) * Relative, (Math.Abs(c) + Math.Abs(d) * ax) * Relative);
    }

    /// <summary>The form's value at the point (x, y), a constant; exact only on demand.</summary>
    public static LineValue AtPoint(Bilinear form, Rational x, double xApprox, Rational y, double yApprox)
    {
        if (form.B.IsZero && form.C.IsZero && form.D.IsZero) return Known(Affine.Of(form.A));
        double a = form.A.ToDouble(), b = form.B.ToDouble(), c = form.C.ToDouble(), d = form.D.ToDouble();
        double ax = Math.Abs(xApprox), ay = Math.Abs(yApprox);
        double value = a + b * xApprox + (c + d * xApprox) * yApprox;
        double error = (Math.Abs(a) + Math.Abs(b) * ax + (Math.Abs(c) + Math.Abs(d) * ax) * ay) * Relative;
        return new LineValue(default, () => Affine.Of(form.Evaluate(x, y)), value, 0, error, 0);
    }
}
