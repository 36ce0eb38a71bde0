using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// One round's protocol in the mover's orientation: for each strip of the other player's belief,
/// the mover's move on every stratum of their own axis (grid <see cref="Xs"/>).
/// </summary>
internal sealed class MoverPlan
{
    public MoverPlan(Rational[] xs, IReadOnlyList<PlanStrip> strips)
    {
        Xs = xs; Strips = strips;
    }

    public Rational[] Xs { get; }

    /// <summary>A round where the mover says nothing anywhere.</summary>
    public static MoverPlan Silent(Rational[] xs) => new(xs, new[]
    {
        new PlanStrip(new BeliefInterval(Rational.Zero, Rational.One, true, true), Enumerable.Repeat(Move.Silent, 2 * xs.Length - 1).ToArray()),
    });
    public IReadOnlyList<PlanStrip> Strips { get; }

    public Move MoveAt(Rational x, Rational y) => StripAt(y).Moves[PayoffSurface.Locate(Xs, x)];

    private PlanStrip StripAt(Rational y)
    {
        int lo = 0, hi = Strips.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            var strip = Strips[mid];
            if (strip.Y.Contains(y)) return strip;
            if (y < strip.Y.From || (y == strip.Y.From && !strip.Y.IncludesFrom)) hi = mid - 1; else lo = mid + 1;
        }
        return Strips[lo];
    }
}

/// <summary>A strip (a grid line or an open interval) of the other player's belief and the mover's moves on it.</summary>
internal sealed record PlanStrip(BeliefInterval Y, Move[] Moves);
