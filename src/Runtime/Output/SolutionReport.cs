using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// What the writers print about a solved game at one state (p, q): π^t for every computed t, and
/// what is known beyond (first best, message complexity, stabilization, why the solve stopped).
/// Built from a <see cref="Solution"/> with <see cref="From(Solution)"/>; plain data otherwise, so
/// every writer is testable without running the solver.
/// </summary>
public sealed record SolutionReport(
    GameDefinition Game,
    Rational P,
    Rational Q,
    IReadOnlyList<RoundValues> Rounds,
    int RequestedRounds,
    StopReason StopReason,
    Rational? FirstBest,
    MessageComplexity? Complexity,
    int? StabilizedFrom,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The report at the game's prior.</summary>
    public static SolutionReport From(Solution solution) => At(solution, solution.PriorP, solution.PriorQ);

    /// <summary>The report at the state (p, q).</summary>
    public static SolutionReport At(Solution solution, Rational p, Rational q) => new(
        solution.Game, p, q,
        solution.ValuesAt(p, q),
        solution.RequestedRounds,
        solution.StopReason,
        solution.FirstBestAt(p, q),
        solution.ComplexityAt(p, q),
        solution.StabilizedFrom,
        solution.Warnings.Select(w => w.ToString()).ToList());

    public int LastRound => Rounds.Count - 1;

    /// <summary>W^t / W* when first-best welfare is defined and positive.</summary>
    public Rational? Efficiency(RoundValues round) =>
        FirstBest is { } best && best.Sign > 0 ? round.Welfare / best : null;

    /// <summary>"Sally" for even t ≥ 2, "Bob" for odd t, null at t = 0.</summary>
    public static Player? MoverAt(int round) => round == 0 ? null : round % 2 == 1 ? Player.Bob : Player.Sally;

    /// <summary>"(p, q) = (1/3, 1/2)".</summary>
    public string StateText => $"(p, q) = ({P}, {Q})";

    /// <summary>One line on why the solve ended before the requested round, or null when it completed.</summary>
    public string? StopText => StopReason switch
    {
        StopReason.Completed => null,
        StopReason.Cancelled => $"stopped (cancelled or timed out) after round {LastRound} of {RequestedRounds}",
        StopReason.DigitBudgetExceeded => $"stopped (digit budget exceeded) after round {LastRound} of {RequestedRounds}",
        _ => $"stopped ({StopReason}) after round {LastRound} of {RequestedRounds}",
    };
}
