using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Both players' payoffs along the mover's axis on one strip of the other axis: values at the
/// grid vertices, and each open interval's one-sided limits at its two ends (which differ from
/// the vertex values where the function jumps). Every value is affine in the other player's belief.
/// </summary>
internal sealed class LineData
{
    public LineData(Rational[] xs, Affine[] moverAt, Affine[] otherAt,
        Affine[] moverRightOf, Affine[] moverLeftOf, Affine[] otherRightOf, Affine[] otherLeftOf)
    {
        Xs = xs; MoverAt = moverAt; OtherAt = otherAt;
        MoverRightOf = moverRightOf; MoverLeftOf = moverLeftOf; OtherRightOf = otherRightOf; OtherLeftOf = otherLeftOf;
    }

    public Rational[] Xs { get; }
    public Affine[] MoverAt { get; }
    public Affine[] OtherAt { get; }

    /// <summary>[k]: the limit at x_k from the right, on the open interval (x_k, x_{k+1}).</summary>
    public Affine[] MoverRightOf { get; }

    /// <summary>[k]: the limit at x_{k+1} from the left, on the open interval (x_k, x_{k+1}).</summary>
    public Affine[] MoverLeftOf { get; }

    public Affine[] OtherRightOf { get; }
    public Affine[] OtherLeftOf { get; }
}
