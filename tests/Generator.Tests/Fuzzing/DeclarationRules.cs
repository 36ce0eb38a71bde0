using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Generator.Tests.Fuzzing;

/// <summary>
/// The rules of docs/dsl.md written out again, independently of the generator, as the fuzzer's
/// oracle: null when the declaration is a valid game, else the first broken rule.
/// (Only <see cref="Rational.TryParse(string?, out Rational, out string)"/> is shared: it defines the number syntax.)
/// </summary>
internal static class DeclarationRules
{
    /// <summary>Names the generator adds to the class; a class (or containing type) named like one cannot hold them.</summary>
    public static readonly string[] GeneratedMembers = ["GameName", "Definition", "Solve", "BaseGame"];

    public static string? Problem(GameDeclaration d)
    {
        if (!d.Partial) return "not partial";
        if (d.Generic) return "generic";
        if (d.Outer is not null && !d.OuterPartial) return "nested in a non-partial class";
        if (string.IsNullOrWhiteSpace(d.GameName)) return "empty game name";
        var symbolName = SymbolName(d.ClassName);
        if (GeneratedMembers.Contains(symbolName)) return "class named like a generated member";

        var attrs = d.Attributes;
        if (attrs.Any(a => a.Kind is "Types" or "Prior" or "Payoffs" && a.PlayerIndex is null)) return "not a player";
        var trade = attrs.Where(a => a.Kind == "BilateralTrade").ToList();
        if (trade.Count > 1) return "[BilateralTrade] twice";
        if (attrs.Count(a => a.Kind == "Actions") > 1) return "[Actions] twice";

        int[] typeCounts = new int[2];
        if (trade.Count == 1)
        {
            if (attrs.Any(a => a.Kind is "Types" or "Actions" or "Payoffs")) return "trade mixed with explicit declarations";
            var t = trade[0];
            var costs = Increasing(t.Values2 ?? []);
            var values = t.Text is "no-values" or "null-values" ? null : Increasing(t.Values);
            if (costs is null) return "bad costs";
            if (values is null) return "bad values";
            typeCounts = [costs.Value, values.Value];
        }
        else
        {
            for (int player = 0; player < 2; player++)
            {
                var types = attrs.Where(a => a.Kind == "Types" && a.PlayerIndex == player).ToList();
                if (types.Count != 1) return $"{types.Count} [Types] for player {player}";
                if (Names(types[0].Values) is { } problem) return "types: " + problem;
                typeCounts[player] = types[0].Values.Count;
            }
            var actions = attrs.Where(a => a.Kind == "Actions").ToList();
            if (actions.Count == 0) return "no [Actions]";
            if (Names(actions[0].Values) is { } actionProblem) return "actions: " + actionProblem;
            var names = actions[0].Values.Select(v => v ?? "").ToList();
            var seen = new HashSet<(string, int)>();
            foreach (var p in attrs.Where(a => a.Kind == "Payoffs"))
            {
                var action = p.Text ?? "";
                if (!names.Contains(action)) return $"payoffs of unknown action \"{action}\"";
                if (!seen.Add((action, p.PlayerIndex!.Value))) return "payoffs given twice";
                if (p.Values.Count != typeCounts[0]) return "wrong number of payoff rows";
                foreach (var row in p.Values)
                {
                    var entries = (row ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (entries.Length != typeCounts[1]) return "wrong number of payoff entries";
                    if (entries.Any(e => !Rational.TryParse(e, out _))) return "payoff not an exact number";
                }
            }
            foreach (var action in names)
                for (int player = 0; player < 2; player++)
                    if (!seen.Contains((action, player))) return $"no payoffs for \"{action}\", player {player}";
        }

        for (int player = 0; player < 2; player++)
        {
            var priors = attrs.Where(a => a.Kind == "Prior" && a.PlayerIndex == player).ToList();
            if (priors.Count != 1) return $"{priors.Count} [Prior] for player {player}";
            var values = priors[0].Values;
            if (values.Count != typeCounts[player]) return "prior length";
            var sum = Rational.Zero;
            foreach (var v in values)
            {
                if (!Rational.TryParse(v, out var r)) return "prior not a number";
                if (r.Sign < 0) return "negative prior";
                sum += r;
            }
            if (sum != Rational.One) return "prior does not sum to 1";
        }
        return null;
    }

    /// <summary>The number of entries when all are exact numbers, strictly increasing and at least one; else null.</summary>
    private static int? Increasing(List<string?> texts)
    {
        if (texts.Count == 0) return null;
        Rational? last = null;
        foreach (var text in texts)
        {
            if (!Rational.TryParse(text, out var r)) return null;
            if (last is { } l && r <= l) return null;
            last = r;
        }
        return texts.Count;
    }

    private static string? Names(List<string?> names)
    {
        if (names.Count == 0) return "none";
        if (names.Any(string.IsNullOrWhiteSpace)) return "an empty name";
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) return "a duplicate name";
        return null;
    }

    /// <summary>The identifier's name as the compiler sees it: without '@', with \uXXXX escapes decoded.</summary>
    public static string SymbolName(string written)
    {
        var s = written.StartsWith('@') ? written[1..] : written;
        return System.Text.RegularExpressions.Regex.Replace(s, @"\\u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }
}
