using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// The answer of <see cref="GridSolver"/>: π^t for t = 0..LastRound at every state of the belief
/// grids, and each round's messages. It is an APPROXIMATION of MODEL.md's model — every message
/// is restricted to posteriors on the grid — exact on that grid: <see cref="IsApproximation"/>
/// is always true and <see cref="Label"/> names the grid.
/// </summary>
public sealed class GridSolution
{
    private readonly IReadOnlyList<GridRound> _rounds;

    internal GridSolution(GameDefinition game, GridSpec grid, SimplexGrid sallyGrid, SimplexGrid bobGrid, int sallyPrior, int bobPrior,
        IReadOnlyList<GridRound> rounds, int requestedRounds, StopReason stopReason, int? stabilizedFrom)
    {
        Game = game; Grid = grid; SallyGrid = sallyGrid; BobGrid = bobGrid;
        SallyPriorIndex = sallyPrior; BobPriorIndex = bobPrior;
        _rounds = rounds; RequestedRounds = requestedRounds; StopReason = stopReason; StabilizedFrom = stabilizedFrom;
    }

    public GameDefinition Game { get; }

    /// <summary>Always true: beliefs are restricted to the grid.</summary>
    public bool IsApproximation => true;

    public GridSpec Grid { get; }

    /// <summary>N when both simplices use step 1/N; otherwise the larger of the two.</summary>
    public int GridDenominator => Math.Max(Grid.SallyDenominator, Grid.BobDenominator);

    /// <summary>e.g. "approximation: beliefs restricted to the grid of step 1/12".</summary>
    public string Label => Grid.Label;

    /// <summary>Bob's beliefs about Sally: distributions over Sally's types.</summary>
    public SimplexGrid SallyGrid { get; }

    /// <summary>Sally's beliefs about Bob: distributions over Bob's types.</summary>
    public SimplexGrid BobGrid { get; }

    public int SallyPriorIndex { get; }
    public int BobPriorIndex { get; }

    public int LastRound => _rounds.Count - 1;
    public int RequestedRounds { get; }
    public StopReason StopReason { get; }

    /// <summary>
    /// The round s from which π^t = π^s at every grid state for every t ≥ s, when the computed
    /// rounds prove it (within the grid model); null otherwise.
    /// </summary>
    public int? StabilizedFrom { get; }

    public int StateCount => SallyGrid.Count * BobGrid.Count;

    /// <summary>π^t at the state (Sally grid index, Bob grid index); past a proven stabilization, the stable values.</summary>
    public PayoffPair Value(int round, int sallyIndex, int bobIndex)
    {
        var r = RoundAt(round);
        int state = sallyIndex * BobGrid.Count + bobIndex;
        return new PayoffPair(r.Sally[state], r.Bob[state]);
    }

    /// <summary>π^t at a state given as two distributions (Bob's belief about Sally, Sally's about Bob), which must be on the grids.</summary>
    public PayoffPair Value(int round, IReadOnlyList<Rational> sallyBelief, IReadOnlyList<Rational> bobBelief)
    {
        var (s, b) = Indices(sallyBelief, bobBelief);
        return Value(round, s, b);
    }

    /// <summary>π^0..π^LastRound at a grid state.</summary>
    public IReadOnlyList<RoundValues> ValuesAt(int sallyIndex, int bobIndex) =>
        Enumerable.Range(0, _rounds.Count).Select(t => { var v = Value(t, sallyIndex, bobIndex); return new RoundValues(t, v.Sally, v.Bob); }).ToList();

    /// <summary>π^0..π^LastRound at the game's prior.</summary>
    public IReadOnlyList<RoundValues> ValuesAtPrior() => ValuesAt(SallyPriorIndex, BobPriorIndex);

    /// <summary>How many grid states of round t had the receiver's voluntary-communication constraint bind.</summary>
    public int VoluntaryBindingCount(int round) => round >= 1 && round <= LastRound ? _rounds[round].VoluntaryBindingCount : 0;

    /// <summary>W* at a grid state (bilateral trade only).</summary>
    public Rational? FirstBestAt(int sallyIndex, int bobIndex) =>
        Game.BilateralTrade?.FirstBestWelfare(SallyGrid.Distribution(sallyIndex), BobGrid.Distribution(bobIndex));

    public Rational? FirstBestAtPrior => FirstBestAt(SallyPriorIndex, BobPriorIndex);

    /// <summary>The first computed round whose welfare at the state equals W* (bilateral trade only).</summary>
    public int? FirstRoundReachingFirstBest(int sallyIndex, int bobIndex)
    {
        if (FirstBestAt(sallyIndex, bobIndex) is null) return null;
        // MessageComplexity.From answers with the first round reaching first best whenever there is one.
        var complexity = ComplexityAt(sallyIndex, bobIndex);
        return complexity.Rounds is { } t && Value(t, sallyIndex, bobIndex).Welfare == FirstBestAt(sallyIndex, bobIndex) ? t : null;
    }

    /// <summary>
    /// Message complexity of the GRID model at a state: the least t with W^t = lim W^t, when the
    /// computed rounds prove it (welfare reached W*, or every grid state stopped changing), by the
    /// one rule of <see cref="MessageComplexity.From"/>. The reason says it is grid-based.
    /// </summary>
    public MessageComplexity ComplexityAt(int sallyIndex, int bobIndex)
    {
        var welfare = Enumerable.Range(0, _rounds.Count).Select(t => Value(t, sallyIndex, bobIndex).Welfare).ToList();
        return MessageComplexity.From(welfare, FirstBestAt(sallyIndex, bobIndex), StabilizedFrom,
            $"grid model, {Grid.Describe()}: ", "the values at every grid state");
    }

    public MessageComplexity ComplexityAtPrior() => ComplexityAt(SallyPriorIndex, BobPriorIndex);

    /// <summary>The mover's message at round t and a grid state; null for silence (and at round 0).</summary>
    public GridSplitting? SplittingAt(int round, int sallyIndex, int bobIndex)
    {
        if (round < 1 || round > LastRound) return null;
        var r = _rounds[round];
        var move = r.Moves![sallyIndex * BobGrid.Count + bobIndex];
        if (move.IsSilent) return null;
        var mover = r.Mover!.Value;
        var grid = mover == Player.Bob ? BobGrid : SallyGrid;
        var from = grid.Distribution(mover == Player.Bob ? bobIndex : sallyIndex);
        var posteriors = move.Posteriors.Select((g, i) => new GridPosterior(grid.Distribution(g), move.Weights[i])).ToArray();
        return new GridSplitting(mover, from, posteriors, move.VoluntaryBinds);
    }

    /// <summary>
    /// The protocol tree from a grid state at round <paramref name="round"/> (default: the last)
    /// down to round 0; its expected leaf payoffs equal π^round at the root.
    /// </summary>
    public GridProtocolNode ProtocolFrom(int sallyIndex, int bobIndex, int? round = null)
    {
        int t = round ?? LastRound;
        if (t < 0 || t > LastRound) throw new ArgumentOutOfRangeException(nameof(round), round, $"Only rounds 0..{LastRound} were computed.");
        return Node(t, sallyIndex, bobIndex, Rational.One);
    }

    public GridProtocolNode ProtocolFromPrior(int? round = null) => ProtocolFrom(SallyPriorIndex, BobPriorIndex, round);

    private GridProtocolNode Node(int t, int s, int b, Rational probability)
    {
        var payoffs = Value(t, s, b);
        var sallyBelief = SallyGrid.Distribution(s);
        var bobBelief = BobGrid.Distribution(b);
        if (t == 0)
            return new GridProtocolNode(0, sallyBelief, bobBelief, probability, payoffs, null, [], _rounds[0].Actions![b]);
        var r = _rounds[t];
        var move = r.Moves![s * BobGrid.Count + b];
        if (move.IsSilent)
            return new GridProtocolNode(t, sallyBelief, bobBelief, probability, payoffs, null, [Node(t - 1, s, b, probability)], null);
        var children = move.Posteriors.Select((g, i) => r.Mover == Player.Bob
            ? Node(t - 1, s, g, probability * move.Weights[i])
            : Node(t - 1, g, b, probability * move.Weights[i])).ToArray();
        return new GridProtocolNode(t, sallyBelief, bobBelief, probability, payoffs, SplittingAt(t, s, b), children, null);
    }

    /// <summary>The indices of a state given as distributions; throws when either is off the grid.</summary>
    public (int Sally, int Bob) Indices(IReadOnlyList<Rational> sallyBelief, IReadOnlyList<Rational> bobBelief)
    {
        int s = SallyGrid.IndexOf(sallyBelief), b = BobGrid.IndexOf(bobBelief);
        if (s < 0) throw new ArgumentException($"({string.Join(", ", sallyBelief)}) is not on Sally's grid of step 1/{SallyGrid.Denominator}.", nameof(sallyBelief));
        if (b < 0) throw new ArgumentException($"({string.Join(", ", bobBelief)}) is not on Bob's grid of step 1/{BobGrid.Denominator}.", nameof(bobBelief));
        return (s, b);
    }

    /// <summary>Round t's stored data (tests).</summary>
    internal GridRound RoundData(int round) => _rounds[round];

    private GridRound RoundAt(int round)
    {
        if (round < 0) throw new ArgumentOutOfRangeException(nameof(round), round, "Rounds start at 0.");
        if (round <= LastRound) return _rounds[round];
        if (StabilizedFrom is not null) return _rounds[LastRound];
        throw new ArgumentOutOfRangeException(nameof(round), round, $"Only rounds 0..{LastRound} were computed.");
    }
}
