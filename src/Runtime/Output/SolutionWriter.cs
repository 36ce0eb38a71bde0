namespace BilateralTrade.Dsl.Output;

/// <summary>One entry point for every format: deterministic text with '\n' newlines, invariant culture.</summary>
public static class SolutionWriter
{
    public static string Write(SolutionReport report, OutputFormat format) => format switch
    {
        OutputFormat.Table => TableWriter.Write(report),
        OutputFormat.Json => JsonWriter.Write(report),
        OutputFormat.Csv => CsvWriter.Write(report),
        OutputFormat.Latex => LatexWriter.Write(report),
        OutputFormat.Markdown => MarkdownWriter.Write(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
    };

    /// <summary>Parses a <c>--format</c> value ("table", "json", "csv", "latex", "markdown"); null when unknown.</summary>
    public static OutputFormat? ParseFormat(string text) => text switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        "latex" => OutputFormat.Latex,
        "markdown" => OutputFormat.Markdown,
        _ => null,
    };

    /// <summary>"Bob", "Sally", or "-" at round 0.</summary>
    internal static string MoverName(int round) => SolutionReport.MoverAt(round)?.ToString() ?? "-";

    /// <summary>"Sally east: 1/2, west: 1/2", or "Sally's cost 0: 1/2, 2: 1/2" in bilateral trade.</summary>
    internal static string PriorText(Games.GameDefinition game, Player player)
    {
        var types = game.TypesOf(player);
        var prior = game.PriorOf(player);
        return TypeNoun(game, player) + " " + string.Join(", ", types.Select((t, i) => t + ": " + (i < prior.Length ? prior[i].ToString() : "?")));
    }

    /// <summary>"Sally", or "Sally's cost" / "Bob's value" in bilateral trade.</summary>
    internal static string TypeNoun(Games.GameDefinition game, Player player) =>
        game.BilateralTrade is null ? player.ToString() : player == Player.Sally ? "Sally's cost" : "Bob's value";

    /// <summary>"p = P(Bob is west)", or "p = P(Bob's value = 6)" in bilateral trade.</summary>
    internal static string AxisMeaning(Games.GameDefinition game, Player player)
    {
        var types = game.TypesOf(player);
        var symbol = player == Player.Bob ? "p" : "q";
        if (types.Length == 1) return $"{symbol} = 0 ({player} has one type)";
        var second = types.Length == 2 ? types[1] : "his second type";
        return game.BilateralTrade is null ? $"{symbol} = P({player} is {second})" : $"{symbol} = P({TypeNoun(game, player)} = {second})";
    }

    /// <summary>The lines printed below a table: first best, complexity, stabilization, stop reason, warnings.</summary>
    internal static IEnumerable<string> Notes(SolutionReport report)
    {
        if (report.FirstBest is { } best) yield return $"first-best welfare W* = {NumberText.ExactWithDecimal(best)}";
        if (report.Complexity is { } complexity) yield return $"message complexity: {complexity}";
        if (report.StabilizedFrom is { } s) yield return $"stabilized: π^t = π^{s} for every t ≥ {s}";
        if (report.StopText is { } stop) yield return stop;
        foreach (var warning in report.Warnings) yield return "warning: " + warning;
    }
}
