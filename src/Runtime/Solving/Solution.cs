using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// The exact answer for a game with at most two types per player: π^t for t = 0..LastRound
/// as whole functions of the state (p, q), where p = P(Bob's second type) and
/// q = P(Sally's second type).
/// </summary>
public sealed partial class Solution
{
    public GameDefinition Game { get; }

    /// <summary>π^0, π^1, …: index t is round t.</summary>
    public IReadOnlyList<RoundFunction> Rounds { get; }

    public int LastRound => Rounds.Count - 1;

    /// <summary>The number of rounds asked for; more than <see cref="LastRound"/> when the solve was stopped.</summary>
    public int RequestedRounds { get; }

    public StopReason StopReason { get; }

    public IReadOnlyList<SolverWarning> Warnings { get; }

    /// <summary>
    /// The round s from which π^t = π^s for every t ≥ s, when the computed rounds prove it
    /// (both players moved and nothing changed anywhere); null otherwise.
    /// </summary>
    public int? StabilizedFrom { get; }

    /// <summary>The game's prior as a state: p = bob.prior[1], q = sally.prior[1] (0 for a single type).</summary>
    public Rational PriorP => Game.BobPrior.Length > 1 ? Game.BobPrior[1] : Rational.Zero;
    public Rational PriorQ => Game.SallyPrior.Length > 1 ? Game.SallyPrior[1] : Rational.Zero;

    private readonly TwoTypeGame _square;

    internal Solution(GameDefinition game, TwoTypeGame square, IReadOnlyList<RoundFunction> rounds, int requestedRounds,
        StopReason stopReason, IReadOnlyList<SolverWarning> warnings, int? stabilizedFrom)
    {
        Game = game; _square = square; Rounds = rounds; RequestedRounds = requestedRounds;
        StopReason = stopReason; Warnings = warnings; StabilizedFrom = stabilizedFrom;
    }

    /// <summary>π^t(p, q), exactly. Rounds past a proven stabilization answer with the stable function.</summary>
    public PayoffPair Value(int round, Rational p, Rational q) => FunctionAt(round).Evaluate(p, q);

    /// <summary>π^0..π^LastRound at (p, q).</summary>
    public IReadOnlyList<RoundValues> ValuesAt(Rational p, Rational q) =>
        Rounds.Select(f => { var v = f.Evaluate(p, q); return new RoundValues(f.Round, v.Sally, v.Bob); }).ToList();

    /// <summary>π^0..π^LastRound at the game's prior.</summary>
    public IReadOnlyList<RoundValues> ValuesAtPrior() => ValuesAt(PriorP, PriorQ);

    /// <summary>The function of round t; past a proven stabilization, the stable one.</summary>
    public RoundFunction FunctionAt(int round)
    {
        if (round < 0) throw new ArgumentOutOfRangeException(nameof(round), round, "Rounds start at 0.");
        if (round <= LastRound) return Rounds[round];
        if (StabilizedFrom is not null) return Rounds[LastRound]; // every later round has the same values
        throw new ArgumentOutOfRangeException(nameof(round), round, $"Only rounds 0..{LastRound} were computed.");
    }
}
