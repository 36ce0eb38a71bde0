using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// Alternating concavification (MODEL.md) for any finite type spaces, with both players' beliefs
/// restricted to rational grids: an APPROXIMATION of the model, labelled as such on every output.
/// On the grid everything is exact: π^t at every grid state is a <see cref="Rational"/>, each
/// round's refinements are optimal among refinements whose posteriors lie on the grid (exact LP),
/// with ties to the other player, voluntary communication enforced, and silence preferred when it
/// attains both optima. Round 0 is exact (Sally's best response, ties to Bob).
/// </summary>
public static class GridSolver
{
    /// <summary>Solves on the grid of step 1/<paramref name="gridDenominator"/> on both simplices.</summary>
    public static GridSolution Solve(GameDefinition game, int rounds, int gridDenominator, SolveOptions? options = null) =>
        Solve(game, rounds, new GridSpec(gridDenominator), options);

    /// <summary>
    /// Computes π^0 … π^rounds at every grid state. The game's priors must lie on the grids and the
    /// grids have at most <see cref="MaxStates"/> states (<see cref="GridInputException"/> otherwise, before
    /// any work; <see cref="GridFor"/> and <see cref="MultiTypeSolver.DefaultGrid"/> pick one that fits).
    /// Stops early, keeping finished rounds, when cancelled.
    /// </summary>
    public static GridSolution Solve(GameDefinition game, int rounds, GridSpec grid, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(grid);
        if (rounds < 0) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "The number of rounds cannot be negative.");
        game.EnsureValid();
        options ??= new SolveOptions();
        long states = Validate(game, grid);
        var sallyGrid = new SimplexGrid(game.SallyTypes.Length, grid.SallyDenominator);
        var bobGrid = new SimplexGrid(game.BobTypes.Length, grid.BobDenominator);
        int sallyPrior = sallyGrid.IndexOf(game.SallyPrior);
        int bobPrior = bobGrid.IndexOf(game.BobPrior);

        var parallel = new ParallelOptions
        {
            CancellationToken = options.Cancellation,
            MaxDegreeOfParallelism = options.Parallel ? -1 : 1,
        };
        var list = new List<GridRound> { BaseRound(game, sallyGrid, bobGrid, parallel) };
        var stop = StopReason.Completed;
        int? stabilizedFrom = null;
        for (int t = 1; t <= rounds; t++)
        {
            if (options.Cancellation.IsCancellationRequested) { stop = StopReason.Cancelled; break; }
            var mover = t % 2 == 1 ? Player.Bob : Player.Sally;
            GridRound round;
            if (stabilizedFrom is not null)
            {
                // π^{t−1} = π^{t−3} everywhere, and a round is a function of the round before it, so
                // round t repeats round t − 2 (same mover) exactly: share its arrays, compute nothing.
                round = list[t - 2].Renumbered(t);
                list.Add(round);
                options.Progress?.Report(new RoundProgress(t, rounds, (int)Math.Min(int.MaxValue, states), round.Digits()));
                continue;
            }
            try
            {
                round = Round(t, mover, list[t - 1], sallyGrid, bobGrid, parallel);
            }
            catch (OperationCanceledException)
            {
                stop = StopReason.Cancelled;
                break;
            }
            list.Add(round);
            options.Progress?.Report(new RoundProgress(t, rounds, (int)Math.Min(int.MaxValue, states), round.Digits()));
            stabilizedFrom ??= Stabilization(list);
        }
        return new GridSolution(game, grid, sallyGrid, bobGrid, sallyPrior, bobPrior, list, rounds, stop, stabilizedFrom);
    }

    /// <summary>The most states a grid solve accepts.</summary>
    public const long MaxStates = 20_000_000;

    /// <summary>
    /// Checks a grid request before any work: both priors on their grids, at most <see cref="MaxStates"/>
    /// states. Returns the state count; throws <see cref="GridInputException"/> naming a grid that fits.
    /// </summary>
    public static long Validate(GameDefinition game, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.SallyDenominator < 1 || grid.BobDenominator < 1)
            throw new GridInputException($"Grid denominators must be positive, got {grid.SallyDenominator} and {grid.BobDenominator}.", MultiTypeSolver.DefaultGrid(game), nameof(grid));
        int needSally = SimplexGrid.DenominatorFor(game.SallyPrior), needBob = SimplexGrid.DenominatorFor(game.BobPrior);
        if (grid.SallyDenominator % needSally != 0 || grid.BobDenominator % needBob != 0)
        {
            var fits = Refined(game, grid, needSally, needBob);
            if (grid.SallyDenominator % needSally != 0)
                throw new GridInputException($"Sally's prior ({string.Join(", ", game.SallyPrior)}) is not on the grid of step 1/{grid.SallyDenominator}; use a multiple of {needSally}.", fits, nameof(grid));
            throw new GridInputException($"Bob's prior ({string.Join(", ", game.BobPrior)}) is not on the grid of step 1/{grid.BobDenominator}; use a multiple of {needBob}.", fits, nameof(grid));
        }
        long states = MultiTypeSolver.StateCount(game, grid);
        if (states > MaxStates
            || SimplexGrid.CountPoints(game.SallyTypes.Length, grid.SallyDenominator) > SimplexGrid.MaxPoints
            || SimplexGrid.CountPoints(game.BobTypes.Length, grid.BobDenominator) > SimplexGrid.MaxPoints)
        {
            var fits = MultiTypeSolver.DefaultGrid(game);
            var hint = MultiTypeSolver.StateCount(game, fits) <= MaxStates
                ? $"; use smaller denominators, e.g. {fits.SallyDenominator},{fits.BobDenominator} ({MultiTypeSolver.StateCount(game, fits)} states)"
                : "; even the least grid holding the priors is too large";
            throw new GridInputException($"{states} grid states are too many (at most {MaxStates}){hint}.", fits, nameof(grid));
        }
        return states;
    }

    /// <summary>The requested grid refined to hold the priors when that is affordable, else the default grid.</summary>
    private static GridSpec Refined(GameDefinition game, GridSpec grid, int needSally, int needBob)
    {
        try
        {
            var refined = new GridSpec(Lcm(grid.SallyDenominator, needSally), Lcm(grid.BobDenominator, needBob));
            if (MultiTypeSolver.StateCount(game, refined) <= MaxStates) return refined;
        }
        catch (OverflowException)
        {
        }
        return MultiTypeSolver.DefaultGrid(game);
    }

    /// <summary>
    /// The least grid (per player) that holds the prior, refined to a multiple of
    /// the given minimums: N = lcm(prior denominators, minimum).
    /// </summary>
    public static GridSpec GridFor(GameDefinition game, int atLeastSally = 1, int atLeastBob = 1) =>
        new(Lcm(SimplexGrid.DenominatorFor(game.SallyPrior), atLeastSally), Lcm(SimplexGrid.DenominatorFor(game.BobPrior), atLeastBob));

    internal static int Lcm(int a, int b) => checked((int)MultiTypeSolver.Lcm(a, b));

    private static GridRound BaseRound(GameDefinition game, SimplexGrid sallyGrid, SimplexGrid bobGrid, ParallelOptions parallel)
    {
        int ns = sallyGrid.Count, nb = bobGrid.Count, types = game.SallyTypes.Length;
        var sally = new Rational[ns * nb];
        var bob = new Rational[ns * nb];
        var actions = new int[nb][];
        Parallel.For(0, nb, parallel, b =>
        {
            var belief = bobGrid.Distribution(b);
            var es = new Rational[types];
            var eb = new Rational[types];
            actions[b] = new int[types];
            for (int i = 0; i < types; i++)
            {
                int a = BaseGameAnalyzer.ChooseAction(game.SallyTable, game.BobTable, i, belief);
                actions[b][i] = a;
                for (int j = 0; j < belief.Length; j++)
                {
                    if (belief[j].IsZero) continue;
                    es[i] += belief[j] * game.SallyTable[a][i][j];
                    eb[i] += belief[j] * game.BobTable[a][i][j];
                }
            }
            for (int s = 0; s < ns; s++)
            {
                var d = sallyGrid.Distribution(s);
                Rational vs = Rational.Zero, vb = Rational.Zero;
                for (int i = 0; i < types; i++)
                {
                    if (d[i].IsZero) continue;
                    vs += d[i] * es[i];
                    vb += d[i] * eb[i];
                }
                sally[s * nb + b] = vs;
                bob[s * nb + b] = vb;
            }
        });
        return new GridRound(0, null, sally, bob, null, actions);
    }

    internal static GridRound Round(int t, Player mover, GridRound previous, SimplexGrid sallyGrid, SimplexGrid bobGrid, ParallelOptions parallel)
    {
        int ns = sallyGrid.Count, nb = bobGrid.Count;
        var sally = new Rational[ns * nb];
        var bob = new Rational[ns * nb];
        var moves = new GridMove[ns * nb];
        // One line per belief of the other player, along the mover's own simplex; states are stored s * nb + b.
        bool bobMoves = mover == Player.Bob;
        var grid = bobMoves ? bobGrid : sallyGrid;
        int lines = bobMoves ? ns : nb, points = grid.Count;
        var (moverBefore, otherBefore) = bobMoves ? (previous.Bob, previous.Sally) : (previous.Sally, previous.Bob);
        var (moverAfter, otherAfter) = bobMoves ? (bob, sally) : (sally, bob);
        Parallel.For(0, lines, parallel, l =>
        {
            int State(int k) => bobMoves ? l * nb + k : k * nb + l;
            var fm = new Rational[points];
            var fo = new Rational[points];
            for (int k = 0; k < points; k++) { fm[k] = moverBefore[State(k)]; fo[k] = otherBefore[State(k)]; }
            var line = GridLineSolver.Solve(grid, fm, fo);
            for (int k = 0; k < points; k++)
            {
                moves[State(k)] = line[k];
                moverAfter[State(k)] = line[k].Mover;
                otherAfter[State(k)] = line[k].Other;
            }
        });
        return new GridRound(t, mover, sally, bob, moves, null);
    }

    /// <summary>When the last two rounds (one by each player) changed nothing at any grid state, no later round does.</summary>
    private static int? Stabilization(List<GridRound> rounds) =>
        Solving.StabilizationProof.FirstStableRound(rounds, (a, b) => a.SameValues(b));
}

/// <summary>π^t at every grid state (index s·|Bob grid| + b) and the mover's messages.</summary>
internal sealed class GridRound(int round, Player? mover, Rational[] sally, Rational[] bob, GridMove[]? moves, int[][]? actions)
{
    public int Number { get; } = round;
    public Player? Mover { get; } = mover;
    public Rational[] Sally { get; } = sally;
    public Rational[] Bob { get; } = bob;
    public GridMove[]? Moves { get; } = moves;

    /// <summary>Round 0 only: Sally's action per type at each point of Bob's grid.</summary>
    public int[][]? Actions { get; } = actions;

    public bool SameValues(GridRound other) => Sally.AsSpan().SequenceEqual(other.Sally) && Bob.AsSpan().SequenceEqual(other.Bob);

    public int VoluntaryBindingCount => Moves?.Count(m => m.VoluntaryBinds) ?? 0;

    private int _digits = -1;

    /// <summary>The same values and messages as round <paramref name="t"/> (arrays shared, nothing copied).</summary>
    public GridRound Renumbered(int t) => new(t, Mover, Sally, Bob, Moves, Actions) { _digits = _digits };

    /// <summary>Decimal digits of the largest numerator or denominator (the exact solver's rule, <see cref="DecimalDigits"/>).</summary>
    public int Digits()
    {
        if (_digits >= 0) return _digits;
        long bits = 0;
        foreach (var v in Sally) bits = Math.Max(bits, DecimalDigits.Bits(v));
        foreach (var v in Bob) bits = Math.Max(bits, DecimalDigits.Bits(v));
        return _digits = DecimalDigits.FromBits(bits);
    }
}
