using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// C(D_S, D_B) = the least t with W^t = lim W^t (MODEL.md), when the computed rounds prove it:
/// either the functions stabilized, or (bilateral trade) welfare reached first best.
/// </summary>
public sealed record MessageComplexity(int? Rounds, string Reason)
{
    public bool IsDetermined => Rounds.HasValue;

    public override string ToString() => Rounds is { } t ? $"{t} ({Reason})" : $"undetermined ({Reason})";

    /// <summary>
    /// The one rule behind every solver's answer. <paramref name="welfare"/>[t] is W^t at the state
    /// for the computed rounds; <paramref name="context"/> prefixes each reason (e.g. "grid model, …");
    /// <paramref name="what"/> names what stopped changing ("functions", "values at every grid state").
    /// </summary>
    public static MessageComplexity From(IReadOnlyList<Rational> welfare, Rational? firstBest, int? stabilizedFrom,
        string context = "", string what = "the functions")
    {
        int last = welfare.Count - 1;
        if (firstBest is { } best)
        {
            for (int t = 0; t <= last; t++)
            {
                if (welfare[t] == best) return new(t, $"{context}welfare reaches first best {best} at round {t}");
            }
        }
        if (stabilizedFrom is { } s)
        {
            var limit = welfare[last];
            int first = 0;
            while (welfare[first] != limit) first++;
            return new(first, $"{context}{what} stop changing from round {s}");
        }
        int lastChange = Enumerable.Range(1, Math.Max(0, last)).LastOrDefault(t => welfare[t] != welfare[t - 1]);
        return new(null, lastChange > 0
            ? $"{context}welfare still changes at round {lastChange} of {last}; compute more rounds"
            : $"{context}welfare is constant for rounds 0..{last} but {what} have not provably stopped changing");
    }
}
