using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>What <see cref="MultiTypeSolver.Solve"/> computes.</summary>
public sealed record MultiTypeOptions
{
    /// <summary>π^0 … π^Rounds.</summary>
    public int Rounds { get; init; } = 6;

    /// <summary>The belief grids; null picks <see cref="MultiTypeSolver.DefaultGrid"/> (1/60 × 1/60 for Section 3.4).</summary>
    public GridSpec? Grid { get; init; }

    /// <summary>Also compute the exact (grid-free) values of the first rounds at the prior (<see cref="ExactEarlyRounds"/>).</summary>
    public bool ExactEarlyRounds { get; init; } = true;

    /// <summary>
    /// Also compute π^3 at the prior exactly (<see cref="Simplex.ExactRoundThree"/>, two Sally types and three
    /// Bob types only, a few seconds on Section 3.4) when <see cref="ExactEarlyRounds"/> is on and
    /// <see cref="Rounds"/> ≥ 3.
    /// </summary>
    public bool ExactRoundThree { get; init; } = true;

    public SolveOptions? Solve { get; init; }
}

/// <summary>One round at the prior: the grid value, and the exact value when it is known.</summary>
/// <param name="Exact">The grid-free value (<see cref="ExactEarlyRounds"/> for t ≤ 2, <see cref="ExactRoundThree"/> for t = 3), for the rounds they cover; null otherwise.</param>
public sealed record MultiTypeRound(int Round, Rational Sally, Rational Bob, PayoffPair? Exact)
{
    public Rational Welfare => Sally + Bob;

    /// <summary>True when the grid value is known to be the model's exact value.</summary>
    public bool GridValueIsExact => Exact is { } e && e.Sally == Sally && e.Bob == Bob;
}

/// <summary>
/// The answer for a game with any number of types, ready to print: values per round at the prior
/// (GRID values, each marked exact where the exact early rounds confirm it), first best, message
/// complexity of the grid model, and the protocol tree from the prior with full distributions.
/// </summary>
public sealed record MultiTypeReport(
    GameDefinition Game,
    GridSolution Solution,
    IReadOnlyList<MultiTypeRound> Rounds,
    Rational? FirstBest,
    MessageComplexity Complexity,
    GridProtocolNode Protocol,
    IReadOnlyList<string> Notes)
{
    /// <summary>Always true: the values come from the grid solver.</summary>
    public bool IsApproximation => true;

    /// <summary>"approximation: beliefs restricted to the grid of step 1/…".</summary>
    public string Label => Solution.Label;

    public GridSpec Grid => Solution.Grid;

    /// <summary>
    /// One JSON object: GAME-FILES.md's required fields plus the grid, the exact flags, complexity and
    /// the protocol — what <c>solve --format json</c> prints (one writer for both).
    /// </summary>
    public string ToJson() => Output.MultiTypeWriter.Write(this, Output.OutputFormat.Json);
}

/// <summary>
/// The entry point for games with more than two types for either player (works for any game):
/// the grid solver, labelled as an approximation, with the exact early rounds beside it.
/// </summary>
public static class MultiTypeSolver
{
    /// <summary>
    /// Solves <paramref name="game"/> at its prior. Throws <see cref="GridInputException"/> (an
    /// <see cref="ArgumentException"/>), before any work, when a prior is off the requested grid or the grid is too large.
    /// </summary>
    public static MultiTypeReport Solve(GameDefinition game, MultiTypeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        options ??= new MultiTypeOptions();
        var grid = options.Grid ?? DefaultGrid(game);
        GridSolver.Validate(game, grid);
        var solution = GridSolver.Solve(game, options.Rounds, grid, options.Solve);
        var notes = new List<string> { solution.Label + "; values are exact on that grid, not in the model, unless marked exact" };
        IReadOnlyList<RoundValues>? exact = null;
        if (options.ExactEarlyRounds)
        {
            int exactRounds = Math.Min(options.Rounds, 2);
            long candidates = exactRounds >= 1 ? ExactEarlyRounds.CandidateVertexCount(game) : 0;
            var cancellation = options.Solve?.Cancellation ?? default;
            if (candidates > ExactEarlyRounds.DefaultCandidateBudget)
            {
                notes.Add($"exact early rounds skipped: {candidates} candidate vertices exceed the budget ({ExactEarlyRounds.DefaultCandidateBudget}); only t = 0 is exact");
                exactRounds = 0;
            }
            try { exact = ExactEarlyRounds.AtPrior(game, exactRounds, cancellation); }
            catch (OperationCanceledException) { notes.Add("exact early rounds skipped: cancelled"); }
            catch (InvalidOperationException e) { notes.Add("exact early rounds unavailable: " + e.Message); }
            if (options.ExactRoundThree && options.Rounds >= 3 && exact is { Count: 3 } && game.SallyTypes.Length == 2 && game.BobTypes.Length == 3)
            {
                try
                {
                    var three = ExactRoundThree.AtPrior(game, cancellation);
                    if (three.Values is { } v) exact = [.. exact, new RoundValues(3, v.Sally, v.Bob)];
                    else notes.Add("exact round 3 skipped: " + three.Reason);
                }
                catch (OperationCanceledException) { notes.Add("exact round 3 skipped: cancelled"); }
                catch (InvalidOperationException e) { notes.Add("exact round 3 unavailable: " + e.Message); }
            }
        }
        var rounds = solution.ValuesAtPrior().Select(v =>
        {
            PayoffPair? e = exact is not null && v.Round < exact.Count ? new PayoffPair(exact[v.Round].Sally, exact[v.Round].Bob) : null;
            return new MultiTypeRound(v.Round, v.Sally, v.Bob, e);
        }).ToList();
        foreach (var r in rounds.Where(r => r.Exact is not null && !r.GridValueIsExact))
            notes.Add($"round {r.Round}: the grid value ({r.Sally}, {r.Bob}) differs from the exact value ({r.Exact!.Value.Sally}, {r.Exact.Value.Bob}); refine the grid");
        for (int t = 1; t <= solution.LastRound; t++)
            if (solution.VoluntaryBindingCount(t) > 0)
                notes.Add($"round {t}: voluntary communication binds at {solution.VoluntaryBindingCount(t)} of {solution.StateCount} grid states");
        if (solution.StopReason != StopReason.Completed) notes.Add($"stopped after round {solution.LastRound}: {solution.StopReason}");
        return new MultiTypeReport(game, solution, rounds, solution.FirstBestAtPrior, solution.ComplexityAtPrior(), solution.ProtocolFromPrior(), notes);
    }

    /// <summary>The largest grid denominator <see cref="DefaultGrid"/> picks (and the command line accepts).</summary>
    public const int MaxDefaultDenominator = 10_000;

    /// <summary>The most grid states <see cref="DefaultGrid"/> allows by default (about 5 s for 6 rounds on two cores).</summary>
    public const long DefaultGridStates = 120_000;

    /// <summary>
    /// The default grid policy (docs/multi-type.md, used by <see cref="Solve"/> and the command line):
    /// step 1/lcm(d, m) on each simplex, where d is the denominator that player's prior needs
    /// (<see cref="GridSolver.GridFor"/>) and m the first of 60, 30, 24, 12, 6, 1 for which the grid has at
    /// most <paramref name="maxStates"/> states (denominators above <see cref="MaxDefaultDenominator"/> are
    /// skipped). When none fits, the coarsest candidate (m = 1: the least grid holding the priors, if its
    /// denominators are allowed). Section 3.4 gets 1/60 × 1/60, which reproduces the paper.
    /// </summary>
    public static GridSpec DefaultGrid(GameDefinition game, long maxStates = DefaultGridStates)
    {
        ArgumentNullException.ThrowIfNull(game);
        var least = GridSolver.GridFor(game);
        GridSpec? fallback = null;
        foreach (var m in new[] { 60, 30, 24, 12, 6, 1 })
        {
            long s = Lcm(least.SallyDenominator, m), b = Lcm(least.BobDenominator, m);
            if (s > MaxDefaultDenominator || b > MaxDefaultDenominator) continue;
            var grid = new GridSpec((int)s, (int)b);
            fallback = grid;
            if (StateCount(game, grid) <= maxStates) return grid;
        }
        return fallback ?? least;
    }

    /// <summary>How many states a grid solve of <paramref name="game"/> on <paramref name="grid"/> has, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long StateCount(GameDefinition game, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(grid);
        long s = SimplexGrid.CountPoints(game.SallyTypes.Length, grid.SallyDenominator);
        long b = SimplexGrid.CountPoints(game.BobTypes.Length, grid.BobDenominator);
        return s != 0 && b > long.MaxValue / s ? long.MaxValue : s * b;
    }

    /// <summary>The least common multiple of two positive integers (checked: throws <see cref="OverflowException"/> past <see cref="long.MaxValue"/>).</summary>
    public static long Lcm(long a, long b)
    {
        if (a <= 0 || b <= 0) throw new ArgumentOutOfRangeException(a <= 0 ? nameof(a) : nameof(b), "Lcm takes positive integers.");
        long x = a, y = b;
        while (y != 0) (x, y) = (y, x % y);
        return checked(a / x * b);
    }
}
