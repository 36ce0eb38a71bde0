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
    public static Move[] Run(LineData line, StripOracle oracle, List<LineWarning>? warnings)
    {
        var xs = line.Xs;
        int m = xs.Length;
        var moves = new Move[2 * m - 1];
        // Where the mover's function is linear through a vertex, that vertex can be neither a hull
        // vertex nor a contact point on its own: only the kinks need signs.
        var kinks = Enumerable.Range(0, m).Where(k => k == 0 || k == m - 1 || !line.MoverSmooth[k]).ToList();
        var hull = UpperHull(line, line.MoverAt, oracle, kinks, offset: 0);

        // Contact set of the mover's hull: vertices on it, and open intervals lying along it. Between
        // two consecutive kinks the function is one line (a run): it touches the hull everywhere or
        // nowhere, decided by its limits at the two kinks.
        var contact = new bool[m];
        var contactInterval = new bool[m - 1];
        int next = 0;
        for (int f = 0; f + 1 < hull.Count; f++)
        {
            int a = hull[f], b = hull[f + 1];
            contact[a] = contact[b] = true;
            int previous = a;
            while (kinks[next] < a) next++;
            for (int n = next + 1; n < kinks.Count && kinks[n] <= b; n++)
            {
                int kink = kinks[n];
                if (kink < b) contact[kink] = AboveChord(line, oracle, a, b, kink, line.MoverAt[kink]) == 0;
                int left = ReferenceEquals(line.MoverRightOf[previous], line.MoverAt[previous])
                    ? (contact[previous] ? 0 : -1)
                    : AboveChord(line, oracle, a, b, previous, line.MoverRightOf[previous]);
                int right = ReferenceEquals(line.MoverLeftOf[kink - 1], line.MoverAt[kink])
                    ? (contact[kink] ? 0 : -1)
                    : AboveChord(line, oracle, a, b, kink, line.MoverLeftOf[kink - 1]);
                if ((left > 0 || right > 0) && warnings is not null)
                {
                    warnings.Add(new LineWarning($"in ({xs[previous]}, {xs[kink]})", "the mover's supremum is a one-sided limit that the function does not attain there; the attained values are used"));
                }
                bool onHull = left == 0 && right == 0;
                for (int k = previous; k < kink; k++) contactInterval[k] = onHull;
                for (int k = previous + 1; k < kink; k++) contact[k] = onHull;
                previous = kink;
            }
        }

        for (int f = 0; f + 1 < hull.Count; f++)
        {
            TieBreakFace(line, oracle, hull[f], hull[f + 1], contact, contactInterval, moves, warnings);
        }
        return moves;
    }

    /// <summary>sign(value at x_k − the chord from vertex a to vertex b at x_k), for a ≤ k ≤ b.</summary>
    private static int AboveChord(LineData line, StripOracle oracle, int a, int b, int k, LineValue value, LineValue[]? ys = null, int offset = 0)
    {
        ys ??= line.MoverAt;
        return -oracle.Turn(line, offset + a, ys[a], offset + k, value, offset + b, ys[b]);
    }

    /// <summary>Within the mover's hull face [a, b]: the other player's best splitting over the contact set.</summary>
    private static void TieBreakFace(LineData line, StripOracle oracle, int a, int b,
        bool[] contact, bool[] contactInterval, Move[] moves, List<LineWarning>? warnings)
    {
        var xs = line.Xs;
        // The other's candidate value at each vertex of the face: the best of the attained value
        // (if a contact point) and the limits of adjacent contact intervals (suprema only).
        int count = b - a + 1;
        var best = new LineValue[count];
        var present = new bool[count];
        var attained = new bool[count];
        for (int k = a; k <= b; k++)
        {
            int i = k - a;
            if (contact[k]) { best[i] = line.OtherAt[k]; present[i] = true; attained[i] = true; }
            if (k > a && contactInterval[k - 1]) Offer(i, line.OtherLeftOf[k - 1]);
            if (k < b && contactInterval[k]) Offer(i, line.OtherRightOf[k]);
        }

        void Offer(int i, LineValue limit)
        {
            if (!present[i]) { best[i] = limit; present[i] = true; attained[i] = false; return; }
            if (ReferenceEquals(limit, best[i])) return;
            if (oracle.Difference(line, limit, best[i]) > 0) { best[i] = limit; attained[i] = false; }
        }

        // A contact vertex where the other's function is linear through it, with contact on both
        // sides, lies on the segment between its neighbours: never a vertex of the other's hull.
        bool Interior(int i) => i > 0 && i + 1 < count && line.OtherSmooth[a + i] && contact[a + i]
            && contactInterval[a + i - 1] && contactInterval[a + i] && ReferenceEquals(best[i], line.OtherAt[a + i]);
        var otherHull = UpperHull(line, best, oracle, Enumerable.Range(0, count).Where(i => present[i] && !Interior(i)), offset: a);
        foreach (var h in otherHull)
        {
            if (!attained[h] && warnings is not null)
            {
                warnings.Add(new LineWarning($"= {xs[a + h]}", "the other player's best splitting needs a one-sided limit that the function does not attain there; the attained values are used"));
            }
        }

        // The other's hull face around each local vertex decides silence: on the hull means silent.
        var faceLeft = new int[count];
        var faceRight = new int[count];
        for (int h = 0; h + 1 < otherHull.Count; h++)
        {
            for (int i = otherHull[h]; i <= otherHull[h + 1]; i++) { faceLeft[i] = otherHull[h]; faceRight[i] = otherHull[h + 1]; }
        }
        int OnOtherHull(int i, LineValue value) => AboveChord(line, oracle, faceLeft[i], faceRight[i], i, value, best, a);

        var silent = new bool[count];
        var vertexOnHull = new int?[count];
        int VertexOnHull(int i) => vertexOnHull[i] ??= OnOtherHull(i, line.OtherAt[a + i]);
        int LimitOnHull(int i, LineValue limit) => ReferenceEquals(limit, line.OtherAt[a + i]) ? VertexOnHull(i) : OnOtherHull(i, limit);
        for (int i = 1; i + 1 < count; i++) silent[i] = contact[a + i] && VertexOnHull(i) == 0;
        // The mover's own hull vertices admit no other optimal splitting.
        silent[0] = silent[count - 1] = true;

        var silentInterval = new bool[count - 1];
        for (int i = 0; i + 1 < count; i++)
        {
            int k = a + i;
            silentInterval[i] = contactInterval[k]
                && LimitOnHull(i, line.OtherRightOf[k]) == 0
                && LimitOnHull(i + 1, line.OtherLeftOf[k]) == 0;
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

    /// <summary>Vertices of the strict upper hull (collinear points dropped) of the given local indices, increasing in x.</summary>
    private static List<int> UpperHull(LineData line, LineValue[] ys, StripOracle oracle, IEnumerable<int> indices, int offset)
    {
        var hull = new List<int>();
        foreach (var c in indices)
        {
            while (hull.Count >= 2)
            {
                int h1 = hull[^2], h2 = hull[^1];
                // h2 is dropped when it is not strictly above the segment from h1 to c.
                int turn = oracle.Turn(line, offset + h1, ys[h1], offset + h2, ys[h2], offset + c, ys[c]);
                if (turn >= 0) hull.RemoveAt(hull.Count - 1);
                else break;
            }
            hull.Add(c);
        }
        return hull;
    }
}
