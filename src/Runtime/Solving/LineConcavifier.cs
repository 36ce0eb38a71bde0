using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// One round along one line: the mover's concave hull with MODEL.md's tie-break. Among the
/// mover's optimal splittings (distributions on the contact set of one hull face) it takes
/// the one best for the other player (the other's concave hull over that contact set), and
/// among those the least informative one (silence where possible, else the nearest points).
/// All signs go through the <see cref="StripOracle"/>, so on an open strip the result is
/// valid for every y the oracle's strip allows.
/// </summary>
internal static class LineConcavifier
{
    public static Move[] Run(LineData line, StripOracle oracle, List<string>? warnings, Func<string> place)
    {
        var xs = line.Xs;
        int m = xs.Length;
        var moves = new Move[2 * m - 1];
        var hull = UpperHull(xs, line.MoverAt, oracle, Enumerable.Range(0, m));

        // Contact set of the mover's hull, and the hull's value at every vertex.
        var contact = new bool[m];
        var hullAt = new Affine[m];
        var contactInterval = new bool[m - 1];
        for (int f = 0; f + 1 < hull.Count; f++)
        {
            int a = hull[f], b = hull[f + 1];
            contact[a] = contact[b] = true;
            hullAt[a] = line.MoverAt[a];
            hullAt[b] = line.MoverAt[b];
            for (int k = a + 1; k < b; k++)
            {
                hullAt[k] = Affine.Interpolate(xs[a], line.MoverAt[a], xs[b], line.MoverAt[b], xs[k]);
                contact[k] = oracle.Sign(line.MoverAt[k] - hullAt[k]) == 0;
            }
        }
        for (int k = 0; k + 1 < m; k++)
        {
            int left = oracle.Sign(line.MoverRightOf[k] - hullAt[k]);
            int right = oracle.Sign(line.MoverLeftOf[k] - hullAt[k + 1]);
            if ((left > 0 || right > 0) && warnings is not null)
            {
                warnings.Add($"{place()}, {Describe(xs, k)}: the mover's supremum is a one-sided limit that the function does not attain; the attained values are used");
            }
            contactInterval[k] = left == 0 && right == 0;
        }

        for (int f = 0; f + 1 < hull.Count; f++)
        {
            TieBreakFace(line, oracle, hull[f], hull[f + 1], contact, contactInterval, moves, warnings, place);
        }
        return moves;
    }

    /// <summary>Within the mover's hull face [a, b]: the other player's best splitting over the contact set.</summary>
    private static void TieBreakFace(LineData line, StripOracle oracle, int a, int b,
        bool[] contact, bool[] contactInterval, Move[] moves, List<string>? warnings, Func<string> place)
    {
        var xs = line.Xs;
        // The other's candidate value at each vertex of the face: the best of the attained value
        // (if a contact point) and the limits of adjacent contact intervals (suprema only).
        int count = b - a + 1;
        var best = new Affine[count];
        var present = new bool[count];
        var attained = new bool[count];
        for (int k = a; k <= b; k++)
        {
            int i = k - a;
            if (contact[k]) { best[i] = line.OtherAt[k]; present[i] = true; attained[i] = true; }
            if (k > a && contactInterval[k - 1]) Offer(i, line.OtherLeftOf[k - 1]);
            if (k < b && contactInterval[k]) Offer(i, line.OtherRightOf[k]);
        }

        void Offer(int i, Affine limit)
        {
            if (!present[i]) { best[i] = limit; present[i] = true; attained[i] = false; return; }
            int s = oracle.Sign(limit - best[i]);
            if (s > 0) { best[i] = limit; attained[i] = false; }
        }

        var candidates = Enumerable.Range(0, count).Where(i => present[i]);
        var otherHull = UpperHull(xs, best, oracle, candidates, offset: a);

        // The other's hull value at each candidate vertex decides silence.
        var silent = new bool[count];
        var hullValue = new Affine[count];
        for (int h = 0; h + 1 < otherHull.Count; h++)
        {
            int l = otherHull[h], r = otherHull[h + 1];
            for (int i = l; i <= r; i++)
            {
                hullValue[i] = i == l ? best[l] : i == r ? best[r]
                    : Affine.Interpolate(xs[a + l], best[l], xs[a + r], best[r], xs[a + i]);
            }
        }
        foreach (var h in otherHull)
        {
            if (!attained[h] && warnings is not null)
            {
                warnings.Add($"{place()}, at {xs[a + h]}: the other player's best splitting needs a one-sided limit that is not attained; the attained values are used");
            }
        }
        for (int i = 0; i < count; i++)
        {
            int k = a + i;
            silent[i] = contact[k] && oracle.Sign(line.OtherAt[k] - hullValue[i]) == 0;
        }
        // The mover's own hull vertices admit no other optimal splitting.
        silent[0] = silent[count - 1] = true;

        var silentInterval = new bool[count - 1];
        for (int i = 0; i + 1 < count; i++)
        {
            int k = a + i;
            silentInterval[i] = contactInterval[k]
                && oracle.Sign(line.OtherRightOf[k] - hullValue[i]) == 0
                && oracle.Sign(line.OtherLeftOf[k] - hullValue[i + 1]) == 0;
        }

        // Split the rest to the nearest silent vertices on either side.
        int lastSilent = 0;
        var nextSilent = new int[count];
        nextSilent[count - 1] = count - 1;
        for (int i = count - 2; i >= 0; i--) nextSilent[i] = silent[i] ? i : nextSilent[i + 1];
        for (int i = 0; i < count; i++)
        {
            int k = a + i;
            if (silent[i]) { lastSilent = i; moves[2 * k] = Move.Silent; }
            else moves[2 * k] = new Move(a + lastSilent, a + nextSilent[i]);
            if (i + 1 < count)
            {
                moves[2 * k + 1] = silentInterval[i] ? Move.Silent : new Move(a + lastSilent, a + nextSilent[i + 1]);
            }
        }
    }

    /// <summary>Vertices of the strict upper hull (collinear points dropped) of the given indices, increasing in x.</summary>
    private static List<int> UpperHull(Rational[] xs, Affine[] ys, StripOracle oracle, IEnumerable<int> indices, int offset = 0)
    {
        var hull = new List<int>();
        foreach (var c in indices)
        {
            while (hull.Count >= 2)
            {
                int h1 = hull[^2], h2 = hull[^1];
                Rational x1 = xs[offset + h1], x2 = xs[offset + h2], xc = xs[offset + c];
                // h2 is dropped when it lies on or below the segment from h1 to c.
                var turn = (x2 - x1) * (ys[c] - ys[h1]) - (xc - x1) * (ys[h2] - ys[h1]);
                if (oracle.Sign(turn) >= 0) hull.RemoveAt(hull.Count - 1);
                else break;
            }
            hull.Add(c);
        }
        return hull;
    }

    private static string Describe(Rational[] xs, int interval) => $"on ({xs[interval]}, {xs[interval + 1]})";
}
