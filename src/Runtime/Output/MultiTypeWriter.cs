using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// <c>solve</c> for games with more than two types for a player: the grid solver's
/// <see cref="MultiTypeReport"/> in every format. Every format carries the approximation label
/// (the grid) and says which rounds are exact (grid value = the grid-free value) and which are grid values.
/// </summary>
public static class MultiTypeWriter
{
    public static string Write(MultiTypeReport report, OutputFormat format) => format switch
    {
        OutputFormat.Table => Table(report),
        OutputFormat.Json => Json(report),
        OutputFormat.Csv => Csv(report),
        OutputFormat.Latex => Latex(report),
        OutputFormat.Markdown => Markdown(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };

    /// <summary>The rounds whose grid value equals the exact (grid-free) value.</summary>
    public static IReadOnlyList<int> ExactRounds(MultiTypeReport report) =>
        report.Rounds.Where(r => r.GridValueIsExact).Select(r => r.Round).ToList();

    /// <summary>
    /// The label line: "APPROXIMATION: beliefs restricted to the grid of step 1/60; rounds 0..2 exact
    /// (equal to the grid-free values); rounds 3..6 are grid values (exact on that grid only)".
    /// </summary>
    public static string LabelLine(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var exact = ExactRounds(report);
        var grid = report.Rounds.Select(r => r.Round).Where(t => !exact.Contains(t)).ToList();
        var text = new StringBuilder("APPROXIMATION: beliefs restricted to ").Append(report.Grid.Describe());
        if (exact.Count > 0) text.Append("; ").Append(RoundsText(exact)).Append(exact.Count == 1 ? " is" : " are").Append(" exact (equal to the grid-free values)");
        if (grid.Count > 0) text.Append("; ").Append(RoundsText(grid)).Append(grid.Count == 1 ? " is a grid value" : " are grid values").Append(" (exact on that grid only)");
        return text.ToString();
    }

    /// <summary>"round 3", "rounds 0, 1", "rounds 0..2, 5".</summary>
    public static string RoundsText(IReadOnlyList<int> rounds)
    {
        var parts = new List<string>();
        for (int i = 0; i < rounds.Count;)
        {
            int j = i;
            while (j + 1 < rounds.Count && rounds[j + 1] == rounds[j] + 1) j++;
            parts.Add(j - i >= 2 ? $"{rounds[i]}..{rounds[j]}" : string.Join(", ", rounds.Skip(i).Take(j - i + 1)));
            i = j + 1;
        }
        return (rounds.Count == 1 ? "round " : "rounds ") + string.Join(", ", parts);
    }

    /// <summary>"exact", "grid", or "grid (exact: 58/15, 12/5)" when the exact value is known and differs.</summary>
    private static string ValueKind(MultiTypeRound round) =>
        round.GridValueIsExact ? "exact" : round.Exact is { } e ? $"grid (exact: {e.Sally}, {e.Bob})" : "grid";

    private static Rational? Efficiency(MultiTypeReport report, MultiTypeRound round) =>
        report.FirstBest is { Sign: > 0 } best ? round.Welfare / best : null;

    /// <summary>The lines below a table: W*, the grid-based message complexity, stabilization, and the report's notes.</summary>
    public static IEnumerable<string> Notes(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FirstBest is { } best) yield return $"first-best welfare W* = {NumberText.ExactWithDecimal(best)}";
        yield return $"message complexity (grid-based): {report.Complexity}";
        if (report.Solution.StabilizedFrom is { } s) yield return $"stabilized (grid model): π^t = π^{s} at every grid state for every t ≥ {s}";
        foreach (var note in report.Notes)
            if (!note.StartsWith(report.Label, StringComparison.Ordinal)) yield return note;
    }

    private static string PriorsLine(GameDefinition game) =>
        "prior: " + SolutionWriter.PriorText(game, Player.Sally) + "; " + SolutionWriter.PriorText(game, Player.Bob);

    private static string Table(MultiTypeReport report)
    {
        var game = report.Game;
        var text = new StringBuilder();
        text.Append(game.Name).Append(game.Title is { } title ? ": " + title : "").Append('\n');
        text.Append(PriorsLine(game)).Append('\n');
        text.Append(LabelLine(report)).Append('\n').Append('\n');
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var header = new List<string> { "t", "mover", "Sally", "Bob", "welfare" };
        if (efficiency) header.Add("efficiency");
        header.Add("value");
        var rows = new List<List<string>> { header };
        foreach (var round in report.Rounds)
        {
            var row = new List<string>
            {
                round.Round.ToString(CultureInfo.InvariantCulture),
                SolutionWriter.MoverName(round.Round),
                NumberText.ExactWithDecimal(round.Sally),
                NumberText.ExactWithDecimal(round.Bob),
                NumberText.ExactWithDecimal(round.Welfare),
            };
            if (efficiency) row.Add(NumberText.ExactWithDecimal(Efficiency(report, round)!.Value));
            row.Add(ValueKind(round));
            rows.Add(row);
        }
        TableWriter.AppendAligned(text, rows, rightAlignFirst: true);
        text.Append('\n');
        foreach (var note in Notes(report)) text.Append(note).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// <see cref="MultiTypeReport.ToJson"/> (the contract's <c>game</c> and <c>rounds[].t/sally/bob/welfare</c>,
    /// <c>approximation</c>, <c>label</c>, <c>grid</c>, <c>rounds[].exact</c>, complexity, protocol, notes) plus the
    /// two-type writer's extras: title, priors with type names, requestedRounds, stopReason, rounds[].mover,
    /// rounds[].efficiency, stabilizedFrom, exactRounds and the label line.
    /// </summary>
    private static string Json(MultiTypeReport report)
    {
        var root = JsonNode.Parse(report.ToJson())!.AsObject();
        var game = report.Game;
        var result = new JsonObject();
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            result[key] = value;
            if (key == "game" && game.Title is { } title) result["title"] = title;
            if (key == "label")
            {
                result["labelLine"] = LabelLine(report);
                result["exactRounds"] = new JsonArray(ExactRounds(report).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
            }
            if (key == "priorBob")
            {
                result["priors"] = new JsonObject
                {
                    ["sally"] = PlayerObject(game.SallyTypes, game.SallyPrior),
                    ["bob"] = PlayerObject(game.BobTypes, game.BobPrior),
                };
                result["requestedRounds"] = report.Solution.RequestedRounds;
                result["stopReason"] = JsonWriter.StopReasonName(report.Solution.StopReason);
            }
            if (key == "rounds")
            {
                foreach (var node in value!.AsArray())
                {
                    var round = node!.AsObject();
                    int t = round["t"]!.GetValue<int>();
                    round["mover"] = SolutionReport.MoverAt(t) is { } mover ? (mover == Player.Bob ? "bob" : "sally") : null;
                    if (Efficiency(report, report.Rounds[t]) is { } e) round["efficiency"] = e.ToString();
                }
            }
            if (key == "messageComplexity")
                result["stabilizedFrom"] = report.Solution.StabilizedFrom is { } s ? JsonValue.Create(s) : null;
        }
        if (!result.ContainsKey("firstBest")) result["firstBest"] = null;
        return ToText(result);
    }

    private static JsonObject PlayerObject(IReadOnlyList<string> types, IReadOnlyList<Rational> prior) => new()
    {
        ["types"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["prior"] = new JsonArray(prior.Select(p => (JsonNode)JsonValue.Create(p.ToString())!).ToArray()),
    };

    internal static string ToText(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWriter.Options)) node.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Csv(MultiTypeReport report)
    {
        var text = new StringBuilder();
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var header = new List<string> { "game", "approximation", "grid_sally", "grid_bob", "prior_sally", "prior_bob", "t", "mover", "sally", "bob", "welfare",
            "sally_decimal", "bob_decimal", "welfare_decimal", "exact", "exact_sally", "exact_bob" };
        if (report.FirstBest is not null) header.Add("first_best");
        if (efficiency) header.Add("efficiency");
        AppendCsvRow(text, header);
        foreach (var round in report.Rounds)
        {
            var row = new List<string>
            {
                report.Game.Name, report.Label,
                "1/" + report.Grid.SallyDenominator.ToString(CultureInfo.InvariantCulture),
                "1/" + report.Grid.BobDenominator.ToString(CultureInfo.InvariantCulture),
                string.Join(";", report.Game.SallyPrior), string.Join(";", report.Game.BobPrior),
                round.Round.ToString(CultureInfo.InvariantCulture),
                SolutionReport.MoverAt(round.Round) is { } mover ? (mover == Player.Bob ? "bob" : "sally") : "",
                round.Sally.ToString(), round.Bob.ToString(), round.Welfare.ToString(),
                NumberText.Decimal(round.Sally, 6), NumberText.Decimal(round.Bob, 6), NumberText.Decimal(round.Welfare, 6),
                round.GridValueIsExact ? "true" : "false",
                round.Exact?.Sally.ToString() ?? "", round.Exact?.Bob.ToString() ?? "",
            };
            if (report.FirstBest is { } best) row.Add(best.ToString());
            if (efficiency) row.Add(Efficiency(report, round)!.Value.ToString());
            AppendCsvRow(text, row);
        }
        return text.ToString();
    }

    internal static void AppendCsvRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) text.Append(',');
            var cell = cells[i];
            if (cell.IndexOfAny([',', '"', '\n', '\r']) >= 0) text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(cell);
        }
        text.Append('\n');
    }

    private static string Latex(MultiTypeReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("% ").Append(LatexWriter.Escape(game.Name)).Append(game.Title is { } t ? ": " + t : "").Append(", from the prior\n");
        text.Append("% ").Append(LabelLine(report)).Append('\n');
        text.Append("\\begin{table}[ht]\n\\centering\n");
        text.Append("\\begin{tabular}{r").Append(efficiency ? "lllll" : "llll").Append("}\n\\toprule\n");
        text.Append("$t$ & $\\pi_S^t$ & $\\pi_B^t$ & $W^t$").Append(efficiency ? " & $W^t/W^*$" : "").Append(" & value \\\\\n\\midrule\n");
        foreach (var round in report.Rounds)
        {
            text.Append(round.Round.ToString(CultureInfo.InvariantCulture))
                .Append(" & ").Append(LatexNumber(round.Sally))
                .Append(" & ").Append(LatexNumber(round.Bob))
                .Append(" & ").Append(LatexNumber(round.Welfare));
            if (efficiency) text.Append(" & ").Append(LatexNumber(Efficiency(report, round)!.Value));
            text.Append(" & ").Append(round.GridValueIsExact ? "exact" : "grid").Append(" \\\\\n");
        }
        text.Append("\\bottomrule\n\\end{tabular}\n");
        var caption = new StringBuilder();
        caption.Append("Payoffs after $t$ rounds in ").Append(LatexWriter.Escape(game.Title ?? game.Name)).Append(" from the prior. ")
            .Append("Approximation: beliefs restricted to the grid of step ")
            .Append(report.Grid.SallyDenominator == report.Grid.BobDenominator
                ? $"$1/{report.Grid.SallyDenominator}$"
                : $"$1/{report.Grid.SallyDenominator}$ on Sally's types and $1/{report.Grid.BobDenominator}$ on Bob's")
            .Append("; rows marked exact equal the grid-free values, the others are grid values");
        if (report.FirstBest is { } best) caption.Append("; first-best welfare $W^* = ").Append(LatexMath(best)).Append('$');
        if (report.Complexity is { Rounds: { } c }) caption.Append("; grid-based message complexity ").Append(c);
        caption.Append('.');
        text.Append("\\caption{").Append(caption).Append("}\n");
        text.Append("\\label{tab:").Append(new string(game.Name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' ? ch : '-').ToArray())).Append("-grid}\n\\end{table}\n");
        return text.ToString();
    }

    private static string LatexNumber(Rational value)
    {
        if (value.IsInteger && NumberText.IsShort(value)) return "$" + value + "$";
        if (NumberText.IsShort(value)) return "$" + LatexMath(value) + " \\approx " + NumberText.Decimal(value) + "$";
        return "$\\approx " + NumberText.Decimal(value) + "$";
    }

    private static string LatexMath(Rational value)
    {
        if (value.IsInteger) return value.ToString();
        var sign = value.Sign < 0 ? "-" : "";
        return $"{sign}\\frac{{{System.Numerics.BigInteger.Abs(value.Numerator)}}}{{{value.Denominator}}}";
    }

    private static string Markdown(MultiTypeReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("**").Append(MarkdownEscape(game.Name)).Append("**").Append(game.Title is { } t ? ": " + MarkdownEscape(t) : "")
            .Append(", from the ").Append(MarkdownEscape(PriorsLine(game))).Append("\n\n");
        text.Append("> **").Append(MarkdownEscape(LabelLine(report))).Append("**\n\n");
        text.Append("| t | mover | Sally | Bob | welfare |").Append(efficiency ? " efficiency |" : "").Append(" value |\n");
        text.Append("|--:|---|---|---|---|").Append(efficiency ? "---|" : "").Append("---|\n");
        foreach (var round in report.Rounds)
        {
            text.Append("| ").Append(round.Round).Append(" | ").Append(SolutionWriter.MoverName(round.Round))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Sally))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Bob))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Welfare)).Append(" |");
            if (efficiency) text.Append(' ').Append(NumberText.ExactWithDecimal(Efficiency(report, round)!.Value)).Append(" |");
            text.Append(' ').Append(ValueKind(round)).Append(" |\n");
        }
        text.Append('\n');
        foreach (var note in Notes(report)) text.Append("- ").Append(MarkdownEscape(note)).Append('\n');
        return text.ToString();
    }

    private static string MarkdownEscape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>"(4/5, 1/5)".</summary>
    public static string Distribution(IReadOnlyList<Rational> d) => "(" + string.Join(", ", d) + ")";

    /// <summary>
    /// <c>protocol</c> for a grid solve, for people: at each node the round, both beliefs as full
    /// distributions (D_S = Bob's belief about Sally, D_B = Sally's belief about Bob), the probability
    /// of reaching it and π there; then who splits which belief into which posteriors, or silence;
    /// leaves give Sally's action per type.
    /// </summary>
    public static string ProtocolText(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var game = report.Game;
        var root = report.Protocol;
        var text = new StringBuilder();
        text.Append(game.Name).Append(": optimal ").Append(root.Round).Append("-round protocol from the prior on the belief grid\n");
        text.Append(LabelLine(report)).Append('\n');
        text.Append("D_S = Bob's belief about ").Append(SolutionWriter.TypeNoun(game, Player.Sally)).Append(" over (").Append(string.Join(", ", game.SallyTypes))
            .Append("); D_B = Sally's belief about ").Append(SolutionWriter.TypeNoun(game, Player.Bob)).Append(" over (").Append(string.Join(", ", game.BobTypes)).Append(")\n");
        text.Append("expected payoffs: Sally ").Append(NumberText.ExactWithDecimal(root.Payoffs.Sally))
            .Append(", Bob ").Append(NumberText.ExactWithDecimal(root.Payoffs.Bob))
            .Append(", welfare ").Append(NumberText.ExactWithDecimal(root.Payoffs.Welfare)).Append('\n');
        AppendNode(text, game, root, 0);
        return text.ToString();
    }

    private static void AppendNode(StringBuilder text, GameDefinition game, GridProtocolNode node, int depth)
    {
        text.Append(' ', 2 * depth).Append("t=").Append(node.Round)
            .Append(" D_S=").Append(Distribution(node.SallyBelief)).Append(" D_B=").Append(Distribution(node.BobBelief))
            .Append(", probability ").Append(node.Probability)
            .Append(", π=(").Append(node.Payoffs.Sally).Append(", ").Append(node.Payoffs.Bob).Append("): ");
        if (node.IsLeaf)
        {
            text.Append("Sally plays ");
            text.Append(node.SallyActions is { } actions
                ? string.Join(", ", actions.Select((a, i) => game.Actions[a] + " if " + (game.BilateralTrade is null ? "" : "cost ") + game.SallyTypes[i]))
                : "?");
            text.Append('\n');
            return;
        }
        if (node.Split is { } split)
        {
            var belief = split.Mover == Player.Bob ? "D_B" : "D_S";
            text.Append(split.Mover).Append(" splits ").Append(belief).Append(' ').Append(Distribution(split.From)).Append(" into ")
                .Append(string.Join("; ", split.Posteriors.Select(p => Distribution(p.Belief) + " (probability " + p.Weight + ")")));
            if (split.VoluntaryBinds) text.Append(" [voluntary communication binds]");
            text.Append('\n');
        }
        else
        {
            text.Append(SolutionReport.MoverAt(node.Round)?.ToString() ?? "nobody").Append(" stays silent\n");
        }
        foreach (var child in node.Children) AppendNode(text, game, child, depth + 1);
    }

    /// <summary><c>protocol --format json</c> for a grid solve: game, approximation, label, grid, and the report's protocol tree.</summary>
    public static string ProtocolJson(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var full = JsonNode.Parse(report.ToJson())!.AsObject();
        var result = new JsonObject
        {
            ["game"] = report.Game.Name,
            ["approximation"] = true,
            ["label"] = report.Label,
            ["labelLine"] = LabelLine(report),
        };
        foreach (var key in new[] { "grid", "protocol" })
        {
            var value = full[key];
            full.Remove(key);
            result[key] = value;
        }
        return ToText(result);
    }
}
