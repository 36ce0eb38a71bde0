using System.Text;

namespace BilateralTrade.Dsl.Output;

/// <summary>The table for people: exact fractions with decimals beside them, welfare, efficiency where defined.</summary>
public static class TableWriter
{
    public static string Write(SolutionReport report)
    {
        var game = report.Game;
        var text = new StringBuilder();
        text.Append(FormatText.Heading(game)).Append('\n');
        text.Append("prior: ").Append(SolutionWriter.PriorText(game, Player.Sally))
            .Append("; ").Append(SolutionWriter.PriorText(game, Player.Bob)).Append('\n');
        text.Append("state ").Append(report.StateText).Append(": ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Bob)).Append(", ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Sally)).Append('\n');
        text.Append('\n');

        bool efficiency = report.FirstBest is { Sign: > 0 };
        var header = new List<string> { "t", "mover", "Sally", "Bob", "welfare" };
        if (efficiency) header.Add("efficiency");
        var rows = new List<List<string>> { header };
        foreach (var round in report.Rounds)
        {
            var row = new List<string>
            {
                round.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SolutionWriter.MoverName(round.Round),
                NumberText.ExactWithDecimal(round.Sally),
                NumberText.ExactWithDecimal(round.Bob),
                NumberText.ExactWithDecimal(round.Welfare),
            };
            if (efficiency) row.Add(NumberText.ExactWithDecimal(report.Efficiency(round)!.Value));
            rows.Add(row);
        }
        AppendAligned(text, rows, rightAlignFirst: true);

        var notes = SolutionWriter.Notes(report).ToList();
        if (notes.Count > 0) text.Append('\n');
        foreach (var note in notes) text.Append(note).Append('\n');
        return text.ToString();
    }

    /// <summary>Columns separated by two spaces, padded to the widest cell; no trailing spaces.</summary>
    public static void AppendAligned(StringBuilder text, List<List<string>> rows, bool rightAlignFirst)
    {
        int columns = rows.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in rows)
            for (int c = 0; c < row.Count; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (int c = 0; c < row.Count; c++)
            {
                if (c > 0) line.Append("  ");
                line.Append(c == 0 && rightAlignFirst ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
