namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// MODEL.md's exact proof that talking has stopped helping: when the last two rounds (one by each
/// player) left everything unchanged, every later round is the same. Shared by the exact and the
/// grid solvers, which differ only in what "unchanged" compares.
/// </summary>
internal static class StabilizationProof
{
    /// <summary>The first round of the final run of equal rounds, once the proof applies; else null.</summary>
    public static int? FirstStableRound<T>(IReadOnlyList<T> rounds, Func<T, T, bool> same)
    {
        int t = rounds.Count - 1;
        if (t < 2) return null;
        if (!same(rounds[t], rounds[t - 1]) || !same(rounds[t - 1], rounds[t - 2])) return null;
        int s = t - 2;
        while (s > 0 && same(rounds[s - 1], rounds[s])) s--;
        return s;
    }
}
