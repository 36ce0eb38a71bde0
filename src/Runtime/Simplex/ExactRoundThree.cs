using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>One posterior of Bob's round-3 message: its probability, Sally's belief D_B there, and the exact π^2 there.</summary>
public sealed record ExactRoundThreePosterior(Rational Weight, IReadOnlyList<Rational> BobBelief, PayoffPair Continuation);

/// <summary>
/// The result of <see cref="ExactRoundThree.AtPrior"/>: <see cref="Values"/> is π^3 at the prior, exactly,
/// with Bob's optimal message; or null with <see cref="Reason"/> when the computation does not apply
/// or exceeds its budget.
/// </summary>
public sealed record ExactRoundThreeResult(PayoffPair? Values, IReadOnlyList<ExactRoundThreePosterior> Message, string? Reason)
{
    internal static ExactRoundThreeResult Skipped(string reason) => new(null, [], reason);
}

/// <summary>
/// EXACT π^3 at the prior (no grid) when Sally has two types and Bob three, by an upper bound that is attained:
/// <list type="number">
/// <item>Sally's useful round-2 posteriors q are breakpoints of π^1(·, D): the zeros in (0, 1) of the
/// reduced costs of every basis of the round-1 program (over the arrangement's vertices, objectives
/// affine in q) where the set of optimal bases changes, plus 0 and 1. They do not depend on D.</item>
/// <item>The lines through pairs of the round-1 vertices cut Bob's simplex into an arrangement on each
/// face of which (cell, edge or vertex) π^1(r, ·) is affine at every breakpoint r (one optimal basis);
/// so for each pair of breakpoints around Sally's prior q0, her split gives affine payoffs per face.</item>
/// <item>Clipping each face to where a pair is Sally's best gives finitely many points carrying (S, B)
/// (limit values on face boundaries). A lexicographic LP over those columns (maximise Bob, then Sally),
/// averaging to Bob's prior with Sally at least π_S^2 at the prior (voluntary communication), bounds
/// Bob's round-3 optimum from above.</item>
/// <item>When every column used by the LP's optimum equals the exact π^2 at its point
/// (<see cref="ExactEarlyRounds"/>), the bound is attained and is π^3; otherwise this throws.</item>
/// </list>
/// </summary>
public static class ExactRoundThree
{
    /// <summary>The most lines (pairs of round-1 vertices) the arrangement may have by default.</summary>
    public const int DefaultLineBudget = 400;

    /// <summary>The most faces (cells, edges and vertices) the arrangement may have by default.</summary>
    public const int DefaultFaceBudget = 40_000;

    /// <summary>
    /// π^3 at the game's prior, exactly, with Bob's optimal round-3 message. Returns a result with null
    /// values and a reason when the game is not two Sally types × three Bob types, when the exact early
    /// rounds' vertex budget is exceeded, or when the arrangement exceeds <paramref name="lineBudget"/> lines or
    /// <paramref name="faceBudget"/> faces. Throws <see cref="InvalidOperationException"/> when the relaxed
    /// optimum is not attained (the method does not decide the value) and <see cref="OperationCanceledException"/>
    /// on cancellation.
    /// </summary>
    public static ExactRoundThreeResult AtPrior(GameDefinition game, CancellationToken cancellation = default,
        int lineBudget = DefaultLineBudget, int faceBudget = DefaultFaceBudget)
    {
        ArgumentNullException.ThrowIfNull(game);
        game.EnsureValid();
        if (game.SallyTypes.Length != 2 || game.BobTypes.Length != 3)
            return ExactRoundThreeResult.Skipped($"exact round 3 needs 2 Sally types and 3 Bob types, not {game.SallyTypes.Length} and {game.BobTypes.Length}");
        long candidates = ExactEarlyRounds.CandidateVertexCount(game);
        if (candidates > ExactEarlyRounds.DefaultCandidateBudget)
            return ExactRoundThreeResult.Skipped($"{candidates} candidate vertices exceed the budget ({ExactEarlyRounds.DefaultCandidateBudget})");

        var vertices = ExactEarlyRounds.Vertices(game, cancellation);
        int n = vertices.Count;
        Rational[] e0 = [Rational.One, Rational.Zero], e1 = [Rational.Zero, Rational.One];
        var bobA = vertices.Select(v => ExactEarlyRounds.BaseValue(game, e0, v).Bob).ToArray();
        var bobB = vertices.Select(v => ExactEarlyRounds.BaseValue(game, e1, v).Bob).ToArray();
        var sallyA = vertices.Select(v => ExactEarlyRounds.BaseValue(game, e0, v).Sally).ToArray();
        var sallyB = vertices.Select(v => ExactEarlyRounds.BaseValue(game, e1, v).Sally).ToArray();
        Rational q0 = game.SallyPrior[1];
        var prior = game.BobPrior.ToArray();

        // Lines first: their count bounds the work, so the budget is checked before anything expensive.
        var lines = new List<Rational[]>();
        var seenLines = new HashSet<string>();
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++)
            {
                var line = Normalize(Cross(vertices[a], vertices[b]));
                if (seenLines.Add(Key(line))) lines.Add(line);
            }
        if (lines.Count > lineBudget)
            return ExactRoundThreeResult.Skipped($"{lines.Count} lines exceed the budget ({lineBudget})");

        var breakpoints = Breakpoints(vertices, bobA, bobB, sallyA, sallyB, cancellation);

        // Sally's splits of q0 between two breakpoints (or staying at q0 when it is one).
        var pairs = new List<(int I, int J, Rational WeightI)>();
        for (int i = 0; i < breakpoints.Count; i++)
            for (int j = i; j < breakpoints.Count; j++)
            {
                if (i == j) { if (breakpoints[i] == q0) pairs.Add((i, i, Rational.One)); continue; }
                if (breakpoints[i] < q0 && q0 < breakpoints[j]) pairs.Add((i, j, (breakpoints[j] - q0) / (breakpoints[j] - breakpoints[i])));
            }

        // The arrangement's faces: cells by successive splitting, then edges and vertices along each line.
        Rational[][] triangle = [[Rational.One, Rational.Zero, Rational.Zero], [Rational.Zero, Rational.One, Rational.Zero], [Rational.Zero, Rational.Zero, Rational.One]];
        var cells = new List<List<Rational[]>> { triangle.ToList() };
        foreach (var line in lines)
        {
            cancellation.ThrowIfCancellationRequested();
            var next = new List<List<Rational[]>>();
            foreach (var polygon in cells)
            {
                var (positive, negative) = Split(polygon, line);
                if (positive.Count >= 3) next.Add(positive);
                if (negative.Count >= 3) next.Add(negative);
            }
            cells = next;
            if (cells.Count > faceBudget) return ExactRoundThreeResult.Skipped($"more than {faceBudget} faces (cells alone exceed the budget)");
        }
        var faces = new List<List<Rational[]>>(cells);
        var points = new Dictionary<string, Rational[]>();
        foreach (var line in lines)
        {
            cancellation.ThrowIfCancellationRequested();
            var onLine = Dedupe(Split(triangle.ToList(), line).Positive.Where(p => Dot(line, p).IsZero).ToList());
            if (onLine.Count < 2) { foreach (var p in onLine) points[Key(p)] = p; continue; }
            var a = onLine[0];
            var b = onLine[1];
            var ts = new SortedSet<Rational> { Rational.Zero, Rational.One };
            foreach (var other in lines)
            {
                var da = Dot(other, a);
                var db = Dot(other, b);
                if (da == db) continue;
                var t = da / (da - db);
                if (t.Sign >= 0 && t <= Rational.One) ts.Add(t);
            }
            var tl = ts.ToList();
            foreach (var t in tl) { var p = Lerp(a, b, t); points[Key(p)] = p; }
            for (int i = 0; i + 1 < tl.Count; i++) faces.Add([Lerp(a, b, tl[i]), Lerp(a, b, tl[i + 1])]);
            if (faces.Count + points.Count > faceBudget) return ExactRoundThreeResult.Skipped($"more than {faceBudget} faces");
        }
        faces.AddRange(points.Values.Select(p => new List<Rational[]> { p }));

        // Relaxed columns: per face and per Sally split, the points where that split is her best, with affine (S, B).
        var columns = new Dictionary<string, (Rational[] D, Rational S, Rational B)>();
        foreach (var face in faces)
        {
            cancellation.ThrowIfCancellationRequested();
            var middle = Enumerable.Range(0, 3).Select(c => face.Aggregate(Rational.Zero, (s, p) => s + p[c]) / face.Count).ToArray();
            var affine = breakpoints.Select(r => RoundOneAffine(vertices, bobA, bobB, sallyA, sallyB, r, middle)).ToArray();
            var pairSally = pairs.Select(p => Lerp(affine[p.J].Sally, affine[p.I].Sally, p.WeightI)).ToArray();
            var pairBob = pairs.Select(p => Lerp(affine[p.J].Bob, affine[p.I].Bob, p.WeightI)).ToArray();
            for (int k = 0; k < pairs.Count; k++)
            {
                var polygon = face.ToList();
                for (int m = 0; m < pairs.Count && polygon.Count > 0; m++)
                    if (m != k) polygon = Clip(polygon, pairSally[k].Select((x, c) => x - pairSally[m][c]).ToArray());
                foreach (var w in polygon)
                {
                    var s = Dot(pairSally[k], w);
                    var b = Dot(pairBob[k], w);
                    columns[Key(w) + "|" + s + "|" + b] = (w, s, b);
                }
            }
        }
        var columnList = columns.Values.ToList();

        var silence = ExactEarlyRounds.RoundTwo(game, vertices, q0, prior, cancellation);
        var rows = new List<Rational[]>();
        for (int c = 0; c < 3; c++) rows.Add(columnList.Select(x => x.D[c]).Append(Rational.Zero).ToArray());
        rows.Add(columnList.Select(x => x.S).Append(-Rational.One).ToArray()); // Σ w S − slack = π_S^2: voluntary for Sally
        var rhs = prior.Append(silence.Sally).ToArray();
        var objectives = new[] { columnList.Select(x => x.B).Append(Rational.Zero).ToArray(), columnList.Select(x => x.S).Append(Rational.Zero).ToArray() };
        cancellation.ThrowIfCancellationRequested();
        var lp = new ExactLinearProgram(columnList.Count + 1, rows, rhs, objectives) { Rule = PivotRule.LargestCoefficient }.Solve();
        if (!lp.IsOptimal) throw new InvalidOperationException($"Internal error: the relaxed round-3 program is {lp.Status}.");

        var message = new List<ExactRoundThreePosterior>();
        for (int j = 0; j < columnList.Count; j++)
        {
            if (lp.Solution[j].Sign <= 0) continue;
            cancellation.ThrowIfCancellationRequested();
            var column = columnList[j];
            var attained = ExactEarlyRounds.RoundTwo(game, vertices, q0, column.D, cancellation);
            if (attained.Sally != column.S || attained.Bob != column.B)
                throw new InvalidOperationException($"The relaxed round-3 optimum ({lp.ObjectiveValues[1]}, {lp.ObjectiveValues[0]}) is not attained: at D_B = ({string.Join(", ", column.D)}) the column is ({column.S}, {column.B}) but π^2 is ({attained.Sally}, {attained.Bob}); π^3 is not decided.");
            message.Add(new ExactRoundThreePosterior(lp.Solution[j], column.D, attained));
        }
        var values = new PayoffPair(lp.ObjectiveValues[1], lp.ObjectiveValues[0]);
        var sally = message.Aggregate(Rational.Zero, (s, p) => s + p.Weight * p.Continuation.Sally);
        var bob = message.Aggregate(Rational.Zero, (s, p) => s + p.Weight * p.Continuation.Bob);
        if (sally != values.Sally || bob != values.Bob) throw new InvalidOperationException("Internal error: the round-3 message does not reproduce the relaxed optimum.");
        return new ExactRoundThreeResult(values, message, null);
    }

    /// <summary>Breakpoints in q of the round-1 program (objectives a + q (b − a)) over all D: where the set of optimal bases changes, plus 0 and 1.</summary>
    private static List<Rational> Breakpoints(IReadOnlyList<Rational[]> vertices, Rational[] bobA, Rational[] bobB, Rational[] sallyA, Rational[] sallyB, CancellationToken cancellation)
    {
        int n = vertices.Count;
        var bases = new List<int[]>();
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++)
                for (int c = b + 1; c < n; c++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (ExactEarlyRounds.SolveUnique([vertices[a], vertices[b], vertices[c]], [Rational.One, Rational.One, Rational.One]) is not null) bases.Add([a, b, c]);
                }
        (Rational C, Rational S)[][] ReducedCosts(Rational[] constant, Rational[] other)
        {
            var slope = other.Select((x, i) => x - constant[i]).ToArray();
            return bases.Select(basis =>
            {
                var rows = basis.Select(i => vertices[i]).ToArray();
                var y0 = ExactEarlyRounds.SolveUnique(rows, basis.Select(i => constant[i]).ToArray())!;
                var y1 = ExactEarlyRounds.SolveUnique(rows, basis.Select(i => slope[i]).ToArray())!;
                return Enumerable.Range(0, n).Select(j => (constant[j] - Dot(y0, vertices[j]), slope[j] - Dot(y1, vertices[j]))).ToArray();
            }).ToArray();
        }
        var bob = ReducedCosts(bobA, bobB);
        var sally = ReducedCosts(sallyA, sallyB);
        var candidates = new SortedSet<Rational> { Rational.Zero, Rational.One };
        foreach (var costs in new[] { bob, sally })
            foreach (var row in costs)
                foreach (var (c, s) in row)
                    if (!s.IsZero)
                    {
                        var z = -c / s;
                        if (z.Sign > 0 && z < Rational.One) candidates.Add(z);
                    }
        string Signature(Rational q)
        {
            var chars = new char[bases.Count];
            for (int i = 0; i < bases.Count; i++)
            {
                bool optimal = true;
                for (int j = 0; j < n && optimal; j++)
                {
                    var rb = bob[i][j].C + q * bob[i][j].S;
                    if (rb.Sign > 0) optimal = false;
                    else if (rb.IsZero && (sally[i][j].C + q * sally[i][j].S).Sign > 0) optimal = false;
                }
                chars[i] = optimal ? '1' : '0';
            }
            return new string(chars);
        }
        var list = candidates.ToList();
        var result = new List<Rational> { Rational.Zero };
        for (int i = 1; i < list.Count - 1; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var here = Signature(list[i]);
            if (here != Signature((list[i - 1] + list[i]) / 2) || here != Signature((list[i] + list[i + 1]) / 2)) result.Add(list[i]);
        }
        result.Add(Rational.One);
        return result;
    }

    /// <summary>π^1 at (q = r, D) with its affine formulas in D, valid on D's face of the arrangement (one optimal basis).</summary>
    private static (Rational[] Sally, Rational[] Bob) RoundOneAffine(IReadOnlyList<Rational[]> vertices, Rational[] bobA, Rational[] bobB, Rational[] sallyA, Rational[] sallyB, Rational r, Rational[] d)
    {
        var bobObjective = bobA.Select((x, i) => x + r * (bobB[i] - x)).ToArray();
        var sallyObjective = sallyA.Select((x, i) => x + r * (sallyB[i] - x)).ToArray();
        var result = ExactEarlyRounds.Lex(vertices, d, [bobObjective, sallyObjective]);
        var basis = result.Basis.ToArray();
        var rows = basis.Select(i => vertices[i]).ToArray();
        var bob = ExactEarlyRounds.SolveUnique(rows, basis.Select(i => bobObjective[i]).ToArray())
            ?? throw new InvalidOperationException("Internal error: a singular round-1 basis.");
        var sally = ExactEarlyRounds.SolveUnique(rows, basis.Select(i => sallyObjective[i]).ToArray())
            ?? throw new InvalidOperationException("Internal error: a singular round-1 basis.");
        if (Dot(bob, d) != result.ObjectiveValues[0] || Dot(sally, d) != result.ObjectiveValues[1])
            throw new InvalidOperationException("Internal error: the round-1 affine formulas do not reproduce the program's value.");
        return (sally, bob);
    }

    private static Rational Dot(IReadOnlyList<Rational> a, IReadOnlyList<Rational> b)
    {
        var s = Rational.Zero;
        for (int i = 0; i < a.Count; i++) s += a[i] * b[i];
        return s;
    }

    private static Rational[] Cross(Rational[] a, Rational[] b) =>
        [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

    private static string Key(Rational[] v) => string.Join(",", v);

    private static Rational[] Normalize(Rational[] v)
    {
        var first = v.First(x => !x.IsZero);
        return v.Select(x => x / first).ToArray();
    }

    private static Rational[] Lerp(Rational[] a, Rational[] b, Rational t) => a.Select((x, i) => x + t * (b[i] - x)).ToArray();

    private static (List<Rational[]> Positive, List<Rational[]> Negative) Split(List<Rational[]> polygon, Rational[] line)
    {
        var positive = new List<Rational[]>();
        var negative = new List<Rational[]>();
        for (int i = 0; i < polygon.Count; i++)
        {
            var p = polygon[i];
            var q = polygon[(i + 1) % polygon.Count];
            var sp = Dot(line, p);
            var sq = Dot(line, q);
            if (sp.Sign >= 0) positive.Add(p);
            if (sp.Sign <= 0) negative.Add(p);
            if (sp.Sign * sq.Sign < 0)
            {
                var x = Lerp(p, q, sp / (sp - sq));
                positive.Add(x);
                negative.Add(x);
            }
        }
        return (positive, negative);
    }

    /// <summary>The part of a face (point, segment or polygon) where h · D ≥ 0.</summary>
    private static List<Rational[]> Clip(List<Rational[]> polygon, Rational[] h)
    {
        if (polygon.Count == 1) return Dot(h, polygon[0]).Sign >= 0 ? polygon : [];
        if (polygon.Count == 2)
        {
            var a = polygon[0];
            var b = polygon[1];
            var sa = Dot(h, a);
            var sb = Dot(h, b);
            if (sa.Sign >= 0 && sb.Sign >= 0) return polygon;
            if (sa.Sign < 0 && sb.Sign < 0) return [];
            var x = Lerp(a, b, sa / (sa - sb));
            return sa.Sign >= 0 ? (sa.IsZero ? [a] : [a, x]) : (sb.IsZero ? [b] : [x, b]);
        }
        return Dedupe(Split(polygon, h).Positive);
    }

    private static List<Rational[]> Dedupe(List<Rational[]> points)
    {
        var seen = new HashSet<string>();
        return points.Where(p => seen.Add(Key(p))).ToList();
    }
}
