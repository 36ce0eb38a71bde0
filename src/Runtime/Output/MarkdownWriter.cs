using System.Text;

namespace BilateralTrade.Dsl.Output;

/// <summary>A GitHub-flavoured Markdown table with the notes as a list below it.</summary>
public static class MarkdownWriter
{
    public static string Write(SolutionReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("**").Append(FormatText.MarkdownEscape(game.Name)).Append("**").Append(game.Title is { } t ? ": " + FormatText.MarkdownEscape(t) : "")
            .Append(", from ").Append(report.StateText).Append(" where ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Bob)).Append(" and ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Sally)).Append("\n\n");
        text.Append("| t | mover | Sally | Bob | welfare |").Append(efficiency ? " efficiency |" : "").Append('\n');
        text.Append("|--:|---|---|---|---|").Append(efficiency ? "---|" : "").Append('\n');
        foreach (var round in report.Rounds)
        {
            text.Append("| ").Append(round.Round).Append(" | ").Append(SolutionWriter.MoverName(round.Round))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Sally))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Bob))
                .Append(" | ").Append(NumberText.ExactWithDecimal(round.Welfare)).Append(" |");
            if (efficiency) text.Append(' ').Append(NumberText.ExactWithDecimal(report.Efficiency(round)!.Value)).Append(" |");
            text.Append('\n');
        }
        var notes = SolutionWriter.Notes(report).ToList();
        if (notes.Count > 0) text.Append('\n');
        foreach (var note in notes) text.Append("- ").Append(FormatText.MarkdownEscape(note)).Append('\n');
        return text.ToString();
    }
}
