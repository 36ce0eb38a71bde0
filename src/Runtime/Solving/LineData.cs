using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Both players' payoffs along the mover's axis on one strip of the other axis: values at the
/// grid vertices, and each open interval's one-sided limits at its two ends (which differ from
/// the vertex values where the function jumps). Every value is affine in the other player's belief.
/// </summary>
internal sealed class LineData
{
    public LineData(Rational[] xs, double[] xApprox, LineValue[] moverAt, LineValue[] otherAt,
        LineValue[] moverRightOf, LineValue[] moverLeftOf, LineValue[] otherRightOf, LineValue[] otherLeftOf)
    {
        Xs = xs; XApprox = xApprox; MoverAt = moverAt; OtherAt = otherAt;
        MoverRightOf = moverRightOf; MoverLeftOf = moverLeftOf; OtherRightOf = otherRightOf; OtherLeftOf = otherLeftOf;
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
    // combinations do not depend on the sample, so each is computed once.
    private readonly Dictionary<(int, int), Rational> _gaps = new();
    private readonly Dictionary<(LineValue, LineValue, LineValue, int, int, int), Affine> _turns = new();
    private readonly Dictionary<(LineValue, LineValue), Affine> _differences = new();

    /// <summary>x_to − x_from, exactly.</summary>
    public Rational Gap(int from, int to)
    {
        if (from == to) return Rational.Zero;
        if (!_gaps.TryGetValue((from, to), out var gap)) _gaps[(from, to)] = gap = Xs[to] - Xs[from];
        return gap;
    }

    /// <summary>(x2 − x1)(y3 − y1) − (x3 − x1)(y2 − y1) as an exact affine function of y.</summary>
    public Affine ExactTurn(int i1, LineValue y1, int i2, LineValue y2, int i3, LineValue y3)
    {
        var key = (y1, y2, y3, i1, i2, i3);
        if (!_turns.TryGetValue(key, out var turn))
        {
            turn = Gap(i2, i3) * y1.Exact + Gap(i3, i1) * y2.Exact + Gap(i1, i2) * y3.Exact;
            _turns[key] = turn;
        }
        return turn;
    }

    public Affine ExactDifference(LineValue a, LineValue b)
    {
        if (!_differences.TryGetValue((a, b), out var difference)) _differences[(a, b)] = difference = a.Exact - b.Exact;
        return difference;
    }
}
