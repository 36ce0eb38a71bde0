using System.Collections.Generic;
using System.Linq;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>
/// Round 0 of MODEL.md: Sally's best action per type and belief, ties broken in favour of
/// Bob, then by declaration order. The generator runs this at compile time and the run
/// time runs it for game files: one implementation (this file is linked into both).
/// </summary>
public static class BaseGameAnalyzer
{
    /// <summary>
    /// Sally's choice for type <paramref name="sallyType"/> at a belief over Bob's types:
    /// the action maximizing her expected utility, then Bob's, then the first declared.
    /// </summary>
    /// <param name="sally">u_S indexed [action][sallyType][bobType].</param>
    /// <param name="bob">u_B indexed likewise.</param>
    public static int ChooseAction(Rational[][][] sally, Rational[][][] bob, int sallyType, IReadOnlyList<Rational> belief)
    {
        int best = -1;
        Rational bestSally = default, bestBob = default;
        for (int a = 0; a < sally.Length; a++)
        {
            var us = Expect(sally[a][sallyType], belief);
            var ub = Expect(bob[a][sallyType], belief);
            if (best < 0 || us > bestSally || (us == bestSally && ub > bestBob))
            {
                best = a; bestSally = us; bestBob = ub;
            }
        }
        return best;
    }

    private static Rational Expect(Rational[] row, IReadOnlyList<Rational> belief)
    {
        Rational sum = Rational.Zero;
        for (int j = 0; j < row.Length; j++) sum += row[j] * belief[j];
        return sum;
    }

    /// <summary>
    /// For games where Bob has one or two types: each Sally type's breakpoints and regions in
    /// p = P(Bob's second type). With one Bob type the belief is irrelevant and the single
    /// region is [0, 1].
    /// </summary>
    public static IReadOnlyList<SallyBestResponse> AnalyzeTwoBobTypes(Rational[][][] sally, Rational[][][] bob)
    {
        int sallyTypes = sally[0].Length;
        var result = new List<SallyBestResponse>(sallyTypes);
        for (int i = 0; i < sallyTypes; i++) result.Add(AnalyzeType(sally, bob, i));
        return result;
    }

    private static SallyBestResponse AnalyzeType(Rational[][][] sally, Rational[][][] bob, int sallyType)
    {
        int actions = sally.Length;
        // Each action's expected utilities are lines in p: value(0) and value(1).
        var s0 = new Rational[actions]; var s1 = new Rational[actions];
        var b0 = new Rational[actions]; var b1 = new Rational[actions];
        for (int a = 0; a < actions; a++)
        {
            var sr = sally[a][sallyType]; var br = bob[a][sallyType];
            s0[a] = sr[0]; s1[a] = sr.Length > 1 ? sr[1] : sr[0];
            b0[a] = br[0]; b1[a] = br.Length > 1 ? br[1] : br[0];
        }

        // The lexicographic order (Sally's value, Bob's value, -index) between two actions can
        // only change where their Sally lines cross, or where their Bob lines cross while the
        // Sally lines coincide; between such candidates the winner is constant.
        var candidates = new SortedSet<Rational>();
        for (int a = 0; a < actions; a++)
        {
            for (int b = a + 1; b < actions; b++)
            {
                bool sameSally = s0[a] == s0[b] && s1[a] == s1[b];
                var crossing = sameSally ? Crossing(b0[a], b1[a], b0[b], b1[b]) : Crossing(s0[a], s1[a], s0[b], s1[b]);
                if (crossing is { } c && c.Sign > 0 && c < Rational.One) candidates.Add(c);
            }
        }

        int Winner(Rational p)
        {
            var q = Rational.One - p;
            int best = 0;
            Rational bs = s0[0] * q + s1[0] * p, bb = b0[0] * q + b1[0] * p;
            for (int a = 1; a < actions; a++)
            {
                var vs = s0[a] * q + s1[a] * p;
                if (vs < bs) continue;
                var vb = b0[a] * q + b1[a] * p;
                if (vs > bs || vb > bb) { best = a; bs = vs; bb = vb; }
            }
            return best;
        }

        // Points 0, c1, ..., ck, 1 and the open intervals between them.
        var points = new List<Rational> { Rational.Zero };
        points.AddRange(candidates);
        points.Add(Rational.One);
        var atPoint = points.Select(Winner).ToArray();
        var onInterval = new int[points.Count - 1];
        for (int k = 0; k < onInterval.Length; k++) onInterval[k] = Winner((points[k] + points[k + 1]) * Rational.Half);

        var breakpoints = new List<Rational>();
        for (int k = 1; k < points.Count - 1; k++)
        {
            if (atPoint[k] != onInterval[k - 1] || atPoint[k] != onInterval[k]) breakpoints.Add(points[k]);
        }

        // Merge the strata (point, open interval, point, ...) into maximal regions.
        var regions = new List<ActionRegion>();
        Rational from = points[0]; bool includesFrom = true; int current = atPoint[0];
        void Extend(int action, Rational at, bool isPoint)
        {
            if (action == current) return;
            // Close the current region just before this stratum.
            regions.Add(new ActionRegion(from, at, includesFrom, !isPoint, current));
            from = at; includesFrom = isPoint; current = action;
        }
        for (int k = 0; k < onInterval.Length; k++)
        {
            Extend(onInterval[k], points[k], isPoint: false);
            Extend(atPoint[k + 1], points[k + 1], isPoint: true);
        }
        regions.Add(new ActionRegion(from, points[points.Count - 1], includesFrom, true, current));
        return new SallyBestResponse(sallyType, breakpoints, regions);
    }

    /// <summary>Where the line through (0, y0) and (1, y1) meets the line through (0, z0) and (1, z1); null when parallel.</summary>
    private static Rational? Crossing(Rational y0, Rational y1, Rational z0, Rational z1)
    {
        var slope = (y1 - y0) - (z1 - z0);
        if (slope.IsZero) return null;
        return (z0 - y0) / slope;
    }
}
