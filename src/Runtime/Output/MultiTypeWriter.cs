using System.Globalization;
using System.Text;
using System.Text.Json;
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
        text.Append(FormatText.Heading(game)).Append('\n');
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
    /// One JSON object, written directly: the contract's <c>game</c> and <c>rounds[].t/sally/bob/welfare</c>
    /// (grid values), <c>approximation</c>, <c>label</c>, <c>grid</c>, <c>rounds[].exact</c>, complexity, protocol
    /// and notes (the fields <see cref="MultiTypeReport.ToJson"/> returns, since it calls this writer), plus the two-type writer's
    /// extras: title, priors with type names, requestedRounds, stopReason, rounds[].mover, rounds[].efficiency,
    /// stabilizedFrom, exactRounds and the label line. <c>firstBest</c> follows the rounds when there is one and
    /// comes last as null otherwise (where the earlier, spliced output put it; kept byte for byte).
    /// </summary>
    private static string Json(MultiTypeReport report)
    {
        var game = report.Game;
        return WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteString("game", game.Name);
            if (game.Title is { } title) w.WriteString("title", title);
            w.WriteBoolean("approximation", true);
            w.WriteString("label", report.Label);
            w.WriteString("labelLine", LabelLine(report));
            w.WriteStartArray("exactRounds");
            foreach (var t in ExactRounds(report)) w.WriteNumberValue(t);
            w.WriteEndArray();
            WriteGrid(w, report.Grid);
            WriteDistribution(w, "priorSally", game.SallyPrior);
            WriteDistribution(w, "priorBob", game.BobPrior);
            w.WriteStartObject("priors");
            WritePlayer(w, "sally", game.SallyTypes, game.SallyPrior);
            WritePlayer(w, "bob", game.BobTypes, game.BobPrior);
            w.WriteEndObject();
            w.WriteNumber("requestedRounds", report.Solution.RequestedRounds);
            w.WriteString("stopReason", JsonWriter.StopReasonName(report.Solution.StopReason));
            w.WriteStartArray("rounds");
            foreach (var round in report.Rounds)
            {
                w.WriteStartObject();
                w.WriteNumber("t", round.Round);
                w.WriteString("sally", round.Sally.ToString());
                w.WriteString("bob", round.Bob.ToString());
                w.WriteString("welfare", round.Welfare.ToString());
                w.WriteBoolean("exact", round.GridValueIsExact);
                if (round.Exact is { } e && !round.GridValueIsExact)
                {
                    w.WriteString("exactSally", e.Sally.ToString());
                    w.WriteString("exactBob", e.Bob.ToString());
                }
                if (SolutionReport.MoverAt(round.Round) is { } mover) w.WriteString("mover", mover == Player.Bob ? "bob" : "sally");
                else w.WriteNull("mover");
                if (Efficiency(report, round) is { } efficiency) w.WriteString("efficiency", efficiency.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (report.FirstBest is { } best) w.WriteString("firstBest", best.ToString());
            w.WriteStartObject("messageComplexity");
            if (report.Complexity.Rounds is { } c) w.WriteNumber("rounds", c); else w.WriteNull("rounds");
            w.WriteBoolean("gridBased", true);
            w.WriteString("reason", report.Complexity.Reason);
            w.WriteEndObject();
            if (report.Solution.StabilizedFrom is { } s) w.WriteNumber("stabilizedFrom", s); else w.WriteNull("stabilizedFrom");
            w.WritePropertyName("protocol");
            WriteNode(w, game, report.Protocol);
            w.WriteStartArray("notes");
            foreach (var note in report.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
            if (report.FirstBest is null) w.WriteNull("firstBest");
            w.WriteEndObject();
        });
    }

    /// <summary>The text of what <paramref name="write"/> writes, with the two-type writer's options (indented, \n, UTF-8 unescaped), and a final newline.</summary>
    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWriter.Options)) write(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteGrid(Utf8JsonWriter w, GridSpec grid)
    {
        w.WriteStartObject("grid");
        w.WriteNumber("sally", grid.SallyDenominator);
        w.WriteNumber("bob", grid.BobDenominator);
        w.WriteEndObject();
    }

    private static void WritePlayer(Utf8JsonWriter w, string name, IReadOnlyList<string> types, IReadOnlyList<Rational> prior)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("types");
        foreach (var type in types) w.WriteStringValue(type);
        w.WriteEndArray();
        WriteDistribution(w, "prior", prior);
        w.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter w, string name, IReadOnlyList<Rational> d)
    {
        w.WriteStartArray(name);
        foreach (var x in d) w.WriteStringValue(x.ToString());
        w.WriteEndArray();
    }

    /// <summary>A protocol node: t, probability, both beliefs, π, the mover, Sally's actions at a leaf, children.</summary>
    private static void WriteNode(Utf8JsonWriter w, GameDefinition game, GridProtocolNode node)
    {
        w.WriteStartObject();
        w.WriteNumber("t", node.Round);
        w.WriteString("probability", node.Probability.ToString());
        WriteDistribution(w, "sallyBelief", node.SallyBelief);
        WriteDistribution(w, "bobBelief", node.BobBelief);
        w.WriteString("sally", node.Payoffs.Sally.ToString());
        w.WriteString("bob", node.Payoffs.Bob.ToString());
        if (node.Split is { } split)
        {
            w.WriteString("mover", split.Mover == Player.Bob ? "bob" : "sally");
            if (split.VoluntaryBinds) w.WriteBoolean("voluntaryBinds", true);
        }
        if (node.SallyActions is { } actions)
        {
            w.WriteStartArray("sallyActions");
            foreach (var a in actions) w.WriteStringValue(game.Actions[a]);
            w.WriteEndArray();
        }
        if (!node.IsLeaf)
        {
            w.WriteStartArray("children");
            foreach (var child in node.Children) WriteNode(w, game, child);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static string Csv(MultiTypeReport report)
    {
        var text = new StringBuilder();
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var header = new List<string> { "game", "approximation", "grid_sally", "grid_bob", "prior_sally", "prior_bob", "t", "mover", "sally", "bob", "welfare",
            "sally_decimal", "bob_decimal", "welfare_decimal", "exact", "exact_sally", "exact_bob" };
        if (report.FirstBest is not null) header.Add("first_best");
        if (efficiency) header.Add("efficiency");
        FormatText.AppendCsvRow(text, header);
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
            FormatText.AppendCsvRow(text, row);
        }
        return text.ToString();
    }

    private static string Latex(MultiTypeReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("% ").Append(FormatText.LatexEscape(game.Name)).Append(game.Title is { } t ? ": " + FormatText.OneLine(t) : "").Append(", from the prior\n");
        text.Append("% ").Append(LabelLine(report)).Append('\n');
        text.Append("\\begin{table}[ht]\n\\centering\n");
        text.Append("\\begin{tabular}{r").Append(efficiency ? "lllll" : "llll").Append("}\n\\toprule\n");
        text.Append("$t$ & $\\pi_S^t$ & $\\pi_B^t$ & $W^t$").Append(efficiency ? " & $W^t/W^*$" : "").Append(" & value \\\\\n\\midrule\n");
        foreach (var round in report.Rounds)
        {
            text.Append(round.Round.ToString(CultureInfo.InvariantCulture))
                .Append(" & ").Append(FormatText.LatexNumber(round.Sally))
                .Append(" & ").Append(FormatText.LatexNumber(round.Bob))
                .Append(" & ").Append(FormatText.LatexNumber(round.Welfare));
            if (efficiency) text.Append(" & ").Append(FormatText.LatexNumber(Efficiency(report, round)!.Value));
            text.Append(" & ").Append(round.GridValueIsExact ? "exact" : "grid").Append(" \\\\\n");
        }
        text.Append("\\bottomrule\n\\end{tabular}\n");
        var caption = new StringBuilder();
        caption.Append("Payoffs after $t$ rounds in ").Append(FormatText.LatexEscape(game.Title ?? game.Name)).Append(" from the prior. ")
            .Append("Approximation: beliefs restricted to the grid of step ")
            .Append(report.Grid.SallyDenominator == report.Grid.BobDenominator
                ? $"$1/{report.Grid.SallyDenominator}$"
                : $"$1/{report.Grid.SallyDenominator}$ on Sally's types and $1/{report.Grid.BobDenominator}$ on Bob's")
            .Append("; rows marked exact equal the grid-free values, the others are grid values");
        if (report.FirstBest is { } best) caption.Append("; first-best welfare $W^* = ").Append(FormatText.LatexMath(best)).Append('$');
        if (report.Complexity is { Rounds: { } c }) caption.Append("; grid-based message complexity ").Append(c);
        caption.Append('.');
        text.Append("\\caption{").Append(caption).Append("}\n");
        text.Append("\\label{tab:").Append(FormatText.LatexLabel(game.Name)).Append("-grid}\n\\end{table}\n");
        return text.ToString();
    }

    private static string Markdown(MultiTypeReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("**").Append(FormatText.MarkdownEscape(game.Name)).Append("**").Append(game.Title is { } t ? ": " + FormatText.MarkdownEscape(t) : "")
            .Append(", from the ").Append(FormatText.MarkdownEscape(PriorsLine(game))).Append("\n\n");
        text.Append("> **").Append(FormatText.MarkdownEscape(LabelLine(report))).Append("**\n\n");
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
        foreach (var note in Notes(report)) text.Append("- ").Append(FormatText.MarkdownEscape(note)).Append('\n');
        return text.ToString();
    }

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

    /// <summary><c>protocol --format json</c> for a grid solve: game, approximation, label, label line, grid, and the protocol tree.</summary>
    public static string ProtocolJson(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return WriteJson(w =>
        {
            w.WriteStartObject();
            w.WriteString("game", report.Game.Name);
            w.WriteBoolean("approximation", true);
            w.WriteString("label", report.Label);
            w.WriteString("labelLine", LabelLine(report));
            WriteGrid(w, report.Grid);
            w.WritePropertyName("protocol");
            WriteNode(w, report.Game, report.Protocol);
            w.WriteEndObject();
        });
    }
}
