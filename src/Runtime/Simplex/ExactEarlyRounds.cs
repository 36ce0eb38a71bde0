using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// EXACT values (no grid) of the first rounds at one state, for any number of Bob's types:
/// <list type="bullet">
/// <item>t = 1 (any number of Sally types): at a fixed belief about Sally, Bob's π^0 is linear on
/// the cells of the arrangement of Sally's indifference hyperplanes and upper-semicontinuous
/// (ties go to Bob), and Sally's is convex; so Bob's lexicographic concavification only needs the
/// arrangement's vertices, with their attained values, and voluntary communication cannot bind.</item>
/// <item>t = 2 (Sally has two types): along q the round-1 program has a fixed feasible set and
/// objectives affine in q, so its optimal basis is piecewise constant; walking the bases (a
/// parametric LP, with q + ε steps) gives π^1(·, D_B) exactly as linear pieces plus attained values
/// at the breakpoints, and Sally's concavification only needs the breakpoints (π_S^1 is upper
/// semicontinuous at them by Bob's tie-break, π_B^1 is convex, so voluntary communication cannot bind).</item>
/// </list>
/// </summary>
public static class ExactEarlyRounds
{
    /// <summary>
    /// The most candidate vertices (subsets of k − 1 hyperplanes, one exact solve each: see
    /// <see cref="CandidateVertexCount"/>) that <see cref="AtPrior"/> enumerates by default; beyond it
    /// rounds t ≥ 1 are refused (<see cref="MultiTypeSolver"/> skips them with a note). About a second here.
    /// </summary>
    public const long DefaultCandidateBudget = 100_000;

    /// <summary>
    /// π^0, π^1 (and π^2 when Sally has two types) at the game's prior, exactly, for rounds up to
    /// <paramref name="maxRound"/>. Rounds t ≥ 1 enumerate the arrangement's candidate vertices,
    /// exponential in Bob's type count: more than <paramref name="candidateBudget"/> of them throws
    /// <see cref="InvalidOperationException"/>; <paramref name="cancellation"/> is checked in the loops
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static IReadOnlyList<RoundValues> AtPrior(GameDefinition game, int maxRound = 2, CancellationToken cancellation = default,
        long candidateBudget = DefaultCandidateBudget)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (maxRound < 0) throw new ArgumentOutOfRangeException(nameof(maxRound), maxRound, "The number of rounds cannot be negative.");
        game.EnsureValid();
        var dS = game.SallyPrior.ToArray();
        var dB = game.BobPrior.ToArray();
        var v0 = BaseValue(game, dS, dB);
        var result = new List<RoundValues> { new(0, v0.Sally, v0.Bob) };
        if (maxRound == 0) return result;
        long candidates = CandidateVertexCount(game);
        if (candidates > candidateBudget)
            throw new InvalidOperationException($"{candidates} candidate vertices exceed the budget of {candidateBudget}");
        var vertices = Vertices(game, cancellation);
        var v1 = RoundOne(game, vertices, dS, dB).Values;
        result.Add(new RoundValues(1, v1.Sally, v1.Bob));
        if (maxRound >= 2 && game.SallyTypes.Length == 2)
        {
            var v2 = RoundTwo(game, vertices, dS[1], dB, cancellation);
            result.Add(new RoundValues(2, v2.Sally, v2.Bob));
        }
        return result;
    }

    /// <summary>The breakpoints q of π^1(·, D_B) at Bob's prior (two Sally types), with π^1 there: Sally's candidate posteriors at t = 2.</summary>
    public static IReadOnlyList<(Rational Q, PayoffPair Values)> RoundOneBreakpoints(GameDefinition game, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.SallyTypes.Length != 2) throw new ArgumentException("Round 2 needs Sally to have two types.", nameof(game));
        return Breakpoints(game, Vertices(game, cancellation), game.BobPrior.ToArray(), cancellation);
    }

    /// <summary>
    /// How many subsets of k − 1 hyperplanes <see cref="Vertices"/> tries (k = Bob's type count): C(planes, k − 1),
    /// saturating at <see cref="long.MaxValue"/>.
    /// </summary>
    public static long CandidateVertexCount(GameDefinition game)
    {
        ArgumentNullException.ThrowIfNull(game);
        return Binomial(Planes(game).Count, game.BobTypes.Length - 1);
    }

    /// <summary>Vertices of the arrangement of Sally's indifference hyperplanes (and the simplex's facets) in Bob's simplex.</summary>
    public static IReadOnlyList<Rational[]> Vertices(GameDefinition game, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(game);
        int k = game.BobTypes.Length;
        var planes = Planes(game);
        var result = new List<Rational[]>();
        var seen = new HashSet<string>();
        var rhs = Enumerable.Repeat(Rational.Zero, k - 1).Append(Rational.One).ToArray();
        var ones = Enumerable.Repeat(Rational.One, k).ToArray();
        foreach (var subset in Subsets(planes.Count, k - 1))
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = subset.Select(s => planes[s]).Append(ones).ToArray();
            var x = SolveUnique(rows, rhs);
            if (x is null || x.Any(v => v.Sign < 0)) continue;
            if (seen.Add(string.Join(",", x))) result.Add(x);
        }
        return result;
    }

    /// <summary>The simplex's facets and Sally's indifference hyperplanes (through the origin), each once (scaled so its first nonzero coefficient is 1).</summary>
    private static List<Rational[]> Planes(GameDefinition game)
    {
        int k = game.BobTypes.Length, actions = game.Actions.Length;
        var planes = new List<Rational[]>();
        var seen = new HashSet<string>();
        void Add(Rational[] plane)
        {
            var first = plane.First(x => !x.IsZero);
            var normalized = plane.Select(x => x / first).ToArray();
            if (seen.Add(string.Join(",", normalized))) planes.Add(normalized);
        }
        for (int j = 0; j < k; j++)
        {
            var facet = new Rational[k];
            facet[j] = Rational.One;
            Add(facet);
        }
        for (int i = 0; i < game.SallyTypes.Length; i++)
        {
            for (int a = 0; a < actions; a++)
            {
                for (int b = a + 1; b < actions; b++)
                {
                    var plane = Enumerable.Range(0, k).Select(j => game.Utility(Player.Sally, a, i, j) - game.Utility(Player.Sally, b, i, j)).ToArray();
                    if (plane.All(x => x.IsZero)) // Sally indifferent everywhere: Bob's preference decides
                        plane = Enumerable.Range(0, k).Select(j => game.Utility(Player.Bob, a, i, j) - game.Utility(Player.Bob, b, i, j)).ToArray();
                    if (plane.Any(x => !x.IsZero)) Add(plane);
                }
            }
        }
        return planes;
    }

    /// <summary>C(n, r), saturating at <see cref="long.MaxValue"/>.</summary>
    internal static long Binomial(int n, int r)
    {
        if (r < 0 || r > n) return 0;
        r = Math.Min(r, n - r);
        System.Numerics.BigInteger c = System.Numerics.BigInteger.One;
        for (int i = 1; i <= r; i++) c = c * (n - r + i) / i;
        return c > long.MaxValue ? long.MaxValue : (long)c;
    }

    internal static PayoffPair BaseValue(GameDefinition game, IReadOnlyList<Rational> dS, IReadOnlyList<Rational> dB)
    {
        Rational s = Rational.Zero, b = Rational.Zero;
        for (int i = 0; i < dS.Count; i++)
        {
            if (dS[i].IsZero) continue;
            int a = game.SallyAction(i, dB);
            for (int j = 0; j < dB.Count; j++)
            {
                var w = dS[i] * dB[j];
                if (w.IsZero) continue;
                s += w * game.Utility(Player.Sally, a, i, j);
                b += w * game.Utility(Player.Bob, a, i, j);
            }
        }
        return new PayoffPair(s, b);
    }

    private sealed record RoundOneResult(PayoffPair Values, int[] Basis, Rational[] Weights);

    private static RoundOneResult RoundOne(GameDefinition game, IReadOnlyList<Rational[]> vertices, Rational[] dS, Rational[] dB)
    {
        var bob = vertices.Select(v => BaseValue(game, dS, v).Bob).ToArray();
        var sally = vertices.Select(v => BaseValue(game, dS, v).Sally).ToArray();
        var solution = Lex(vertices, dB, [bob, sally]);
        var silence = BaseValue(game, dS, dB);
        var values = new PayoffPair(solution.ObjectiveValues[1], solution.ObjectiveValues[0]);
        if (values.Sally < silence.Sally) throw new InvalidOperationException("Voluntary communication would bind at t = 1, against the convexity argument.");
        return new RoundOneResult(values, solution.Basis.ToArray(), solution.Solution.ToArray());
    }

    internal static PayoffPair RoundTwo(GameDefinition game, IReadOnlyList<Rational[]> vertices, Rational q, Rational[] dB, CancellationToken cancellation)
    {
        var points = Breakpoints(game, vertices, dB, cancellation);
        var columns = points.Select(p => new[] { Rational.One - p.Q, p.Q }).ToArray();
        var solution = Lex(columns, [Rational.One - q, q], [points.Select(p => p.Values.Sally).ToArray(), points.Select(p => p.Values.Bob).ToArray()]);
        var values = new PayoffPair(solution.ObjectiveValues[0], solution.ObjectiveValues[1]);
        var silence = RoundOne(game, vertices, [Rational.One - q, q], dB).Values;
        if (values.Bob < silence.Bob) throw new InvalidOperationException("Voluntary communication would bind at t = 2, against the convexity argument.");
        return values;
    }

    /// <summary>The parametric walk along q ∈ [0, 1]: every q where Bob's lexicographically optimal basis changes, with π^1 attained there.</summary>
    private static List<(Rational Q, PayoffPair Values)> Breakpoints(GameDefinition game, IReadOnlyList<Rational[]> vertices, Rational[] dB, CancellationToken cancellation)
    {
        // π^0 at Sally type 0 (a) and type 1 (b) for each vertex: at q the objective is a + q (b − a).
        var bob0 = vertices.Select(v => BaseValue(game, [Rational.One, Rational.Zero], v).Bob).ToArray();
        var bob1 = vertices.Select(v => BaseValue(game, [Rational.Zero, Rational.One], v).Bob).ToArray();
        var sally0 = vertices.Select(v => BaseValue(game, [Rational.One, Rational.Zero], v).Sally).ToArray();
        var sally1 = vertices.Select(v => BaseValue(game, [Rational.Zero, Rational.One], v).Sally).ToArray();
        var bobSlope = bob1.Select((x, i) => x - bob0[i]).ToArray();
        var sallySlope = sally1.Select((x, i) => x - sally0[i]).ToArray();
        Rational[] At(Rational[] constant, Rational[] slope, Rational q) => constant.Select((c, i) => c + q * slope[i]).ToArray();

        var points = new List<(Rational, PayoffPair)>();
        Rational current = Rational.Zero;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            points.Add((current, RoundOne(game, vertices, [Rational.One - current, current], dB).Values));
            if (current == Rational.One) break;
            // Just right of current: q = current + ε.
            var right = Lex(vertices, dB, [At(bob0, bobSlope, current), bobSlope, At(sally0, sallySlope, current), sallySlope]);
            var basis = right.Basis.ToArray();
            var next = Rational.One;
            var rb = ReducedCosts(vertices, basis, At(bob0, bobSlope, current), bobSlope);
            var rs = ReducedCosts(vertices, basis, At(sally0, sallySlope, current), sallySlope);
            for (int j = 0; j < vertices.Count; j++)
            {
                // rc(current + h) = constant + h · slope; the basis stays optimal while Bob's are ≤ 0,
                // and, where Bob's vanish identically, Sally's are ≤ 0.
                if (rb[j].Slope.Sign > 0 && rb[j].Constant.Sign <= 0)
                    next = Rational.Min(next, current - rb[j].Constant / rb[j].Slope);
                else if (rb[j].Slope.IsZero && rb[j].Constant.IsZero && rs[j].Slope.Sign > 0 && rs[j].Constant.Sign <= 0)
                    next = Rational.Min(next, current - rs[j].Constant / rs[j].Slope);
            }
            if (next <= current) throw new InvalidOperationException("Internal error: the parametric walk does not advance.");
            current = next;
        }
        return points;
    }

    /// <summary>Reduced costs c_j − y·v_j of a basis for an objective constant + h·slope, as (constant, slope) in h.</summary>
    private static (Rational Constant, Rational Slope)[] ReducedCosts(IReadOnlyList<Rational[]> vertices, int[] basis, Rational[] constant, Rational[] slope)
    {
        int k = vertices[0].Length;
        // y solves Σ_r y_r v_b[r] = c_b for every basic b.
        var rows = basis.Select(b => vertices[b]).ToArray();
        var y0 = SolveUnique(rows, basis.Select(b => constant[b]).ToArray())!;
        var y1 = SolveUnique(rows, basis.Select(b => slope[b]).ToArray())!;
        var result = new (Rational, Rational)[vertices.Count];
        for (int j = 0; j < vertices.Count; j++)
        {
            Rational d0 = constant[j], d1 = slope[j];
            for (int r = 0; r < k; r++) { d0 -= y0[r] * vertices[j][r]; d1 -= y1[r] * vertices[j][r]; }
            result[j] = (d0, d1);
        }
        return result;
    }

    internal static LinearProgramResult Lex(IReadOnlyList<Rational[]> points, Rational[] target, IReadOnlyList<Rational[]> objectives)
    {
        int k = target.Length, n = points.Count;
        var rows = Enumerable.Range(0, k).Select(r => points.Select(p => p[r]).ToArray()).ToArray();
        var result = new ExactLinearProgram(n, rows, target, objectives) { Rule = PivotRule.Bland }.Solve();
        if (!result.IsOptimal) throw new InvalidOperationException($"Internal error: an exact round program is {result.Status}.");
        if (result.Basis.Count != k) throw new InvalidOperationException("Internal error: the vertices do not span the simplex.");
        return result;
    }

    /// <summary>The unique solution of a square system, or null when singular.</summary>
    internal static Rational[]? SolveUnique(Rational[][] rows, Rational[] rhs)
    {
        int n = rhs.Length;
        var a = rows.Select((r, i) => r.Append(rhs[i]).ToArray()).ToArray();
        for (int col = 0; col < n; col++)
        {
            int p = -1;
            for (int i = col; i < n; i++) if (!a[i][col].IsZero) { p = i; break; }
            if (p < 0) return null;
            (a[col], a[p]) = (a[p], a[col]);
            var inv = a[col][col].Reciprocal();
            for (int j = col; j <= n; j++) a[col][j] *= inv;
            for (int i = 0; i < n; i++)
            {
                if (i == col || a[i][col].IsZero) continue;
                var f = a[i][col];
                for (int j = col; j <= n; j++) a[i][j] -= f * a[col][j];
            }
        }
        return a.Select(r => r[n]).ToArray();
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var current = new int[size];
        IEnumerable<int[]> Go(int position, int start)
        {
            if (position == size) { yield return (int[])current.Clone(); yield break; }
            for (int j = start; j < n; j++)
            {
                current[position] = j;
                foreach (var s in Go(position + 1, j + 1)) yield return s;
            }
        }
        return Go(0, 0);
    }
}
