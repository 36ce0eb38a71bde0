using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Both players' payoffs along the mover's axis on one strip of the other axis: values at the
/// grid vertices, and each open interval's one-sided limits at its two ends (which differ from
/// the vertex values where the function jumps). Every value is affine in the other player's belief.
/// </summary>
internal sealed class LineData
{
    /// <param name="moverForms">
    /// Optional: each open interval's form (index k for (x_k, x_{k+1})), to find the vertices the
    /// function passes straight through. Limits equal to their vertex's value become that very
    /// object, so a sign once decided for the vertex serves the limit too.
    /// </param>
    public LineData(Rational[] xs, double[] xApprox, LineValue[] moverAt, LineValue[] otherAt,
        LineValue[] moverRightOf, LineValue[] moverLeftOf, LineValue[] otherRightOf, LineValue[] otherLeftOf,
        Bilinear[]? moverForms = null, Bilinear[]? otherForms = null, LineData? continuityFrom = null)
    {
        Xs = xs; XApprox = xApprox; MoverAt = moverAt; OtherAt = otherAt;
        MoverRightOf = moverRightOf; MoverLeftOf = moverLeftOf; OtherRightOf = otherRightOf; OtherLeftOf = otherLeftOf;
        if (continuityFrom is { } strip)
        {
            Strip = strip;
            // A grid line inside a strip: values equal as functions of y on the strip are equal on the line.
            Inherit(strip.MoverAt, strip.MoverRightOf, strip.MoverLeftOf, moverAt, moverRightOf, moverLeftOf);
            Inherit(strip.OtherAt, strip.OtherRightOf, strip.OtherLeftOf, otherAt, otherRightOf, otherLeftOf);
            MoverSmooth = strip.MoverSmooth;
            OtherSmooth = strip.OtherSmooth;
            return;
        }
        MoverSmooth = Smooth(moverAt, moverRightOf, moverLeftOf, moverForms);
        OtherSmooth = Smooth(otherAt, otherRightOf, otherLeftOf, otherForms);
    }

    private static void Inherit(LineValue[] fromAt, LineValue[] fromRightOf, LineValue[] fromLeftOf,
        LineValue[] at, LineValue[] rightOf, LineValue[] leftOf)
    {
        for (int k = 0; k + 1 < at.Length; k++)
        {
            if (ReferenceEquals(fromRightOf[k], fromAt[k])) rightOf[k] = at[k];
            if (ReferenceEquals(fromLeftOf[k], fromAt[k + 1])) leftOf[k] = at[k + 1];
        }
    }

    /// <summary>For a grid line inside a strip: the strip's line, whose exact combinations serve this one.</summary>
    public LineData? Strip { get; }

    /// <summary>[k]: the mover's function is one line through x_k (same form on both sides, no jump).</summary>
    public bool[] MoverSmooth { get; }

    public bool[] OtherSmooth { get; }

    private static bool[] Smooth(LineValue[] at, LineValue[] rightOf, LineValue[] leftOf, Bilinear[]? forms)
    {
        int m = at.Length;
        var smooth = new bool[m];
        for (int k = 0; k < m; k++)
        {
            if (k + 1 < m && LineValue.Same(at[k], rightOf[k])) rightOf[k] = at[k];
            if (k > 0 && LineValue.Same(at[k], leftOf[k - 1])) leftOf[k - 1] = at[k];
        }
        if (forms is null) return smooth;
        for (int k = 1; k + 1 < m; k++)
        {
            smooth[k] = ReferenceEquals(rightOf[k], at[k]) && ReferenceEquals(leftOf[k - 1], at[k]) && forms[k - 1] == forms[k];
        }
        return smooth;
    }

    public Rational[] Xs { get; }
    public double[] XApprox { get; }
    public LineValue[] MoverAt { get; }
    public LineValue[] OtherAt { get; }

    /// <summary>[k]: the limit at x_k from the right, on the open interval (x_k, x_{k+1}).</summary>
    public LineValue[] MoverRightOf { get; }

    /// <summary>[k]: the limit at x_{k+1} from the left, on the open interval (x_k, x_{k+1}).</summary>
    public LineValue[] MoverLeftOf { get; }

    public LineValue[] OtherRightOf { get; }
    public LineValue[] OtherLeftOf { get; }

    // A strip's line is concavified once per sample while its strip is swept; the exact
    // combinations do not depend on the sample, so each is computed once. The pieces of a strip
    // may be swept and assembled on several threads: the caches are locked (a value computed
    // twice by a race is the same value).
    private readonly Dictionary<(int, int), Rational> _gaps = new();
    private readonly Dictionary<(LineValue, LineValue, LineValue, int, int, int), Affine> _turns = new();
    private readonly Dictionary<(LineValue, LineValue), Affine> _differences = new();

    /// <summary>x_to − x_from, exactly.</summary>
    public Rational Gap(int from, int to)
    {
        if (from == to) return Rational.Zero;
        lock (_gaps)
        {
            if (!_gaps.TryGetValue((from, to), out var gap)) _gaps[(from, to)] = gap = Xs[to] - Xs[from];
            return gap;
        }
    }

    /// <summary>(x2 − x1)(y3 − y1) − (x3 − x1)(y2 − y1) as an exact affine function of y.</summary>
    public Affine ExactTurn(int i1, LineValue y1, int i2, LineValue y2, int i3, LineValue y3)
    {
        var key = (y1, y2, y3, i1, i2, i3);
        lock (_turns)
        {
            if (_turns.TryGetValue(key, out var known)) return known;
        }
        var turn = Strip is { } strip && y1.StripValue is { } s1 && y2.StripValue is { } s2 && y3.StripValue is { } s3
            ? Affine.Of(strip.ExactTurn(i1, s1, i2, s2, i3, s3).At(StripY))
            : Gap(i2, i3) * y1.Exact + Gap(i3, i1) * y2.Exact + Gap(i1, i2) * y3.Exact;
        lock (_turns) _turns[key] = turn;
        return turn;
    }

    public Affine ExactDifference(LineValue a, LineValue b)
    {
        lock (_differences)
        {
            if (_differences.TryGetValue((a, b), out var known)) return known;
        }
        var difference = Strip is { } strip && a.StripValue is { } sa && b.StripValue is { } sb
            ? Affine.Of(strip.ExactDifference(sa, sb).At(StripY))
            : a.Exact - b.Exact;
        lock (_differences) _differences[(a, b)] = difference;
        return difference;
    }

    private readonly Dictionary<(int, int), (Bilinear, Bilinear)> _splitForms = new();

    /// <summary>
    /// Both players' forms on the open intervals inside a split from x_low to x_high: the same
    /// for every interval of the split and every piece of the strip, so built once.
    /// </summary>
    public (Bilinear Mover, Bilinear Other) SplitForms(int low, int high)
    {
        // Pieces of a strip are assembled in parallel; a split computed twice is harmless but wasted.
        lock (_splitForms)
        {
            if (_splitForms.TryGetValue((low, high), out var known)) return known;
        }
        var forms = (Bilinear.Interpolate(Xs[low], MoverAt[low].Exact, Xs[high], MoverAt[high].Exact),
                     Bilinear.Interpolate(Xs[low], OtherAt[low].Exact, Xs[high], OtherAt[high].Exact));
        lock (_splitForms) _splitForms[(low, high)] = forms;
        return forms;
    }

    /// <summary>For a grid line inside a strip: where the line lies.</summary>
    public Rational StripY { get; init; }
}
