using System.Text;

namespace BilateralTrade.Dsl.Output;

/// <summary>A booktabs table ready to paste into a paper (needs <c>\usepackage{booktabs}</c>).</summary>
public static class LatexWriter
{
    public static string Write(SolutionReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("% ").Append(FormatText.LatexEscape(game.Name)).Append(game.Title is { } t ? ": " + FormatText.OneLine(t) : "")
            .Append(", from ").Append(report.StateText).Append('\n');
        text.Append("\\begin{table}[ht]\n\\centering\n");
        text.Append("\\begin{tabular}{r").Append(efficiency ? "llll" : "lll").Append("}\n\\toprule\n");
        text.Append("$t$ & $\\pi_S^t$ & $\\pi_B^t$ & $W^t$").Append(efficiency ? " & $W^t/W^*$" : "").Append(" \\\\\n\\midrule\n");
        foreach (var round in report.Rounds)
        {
            text.Append(round.Round.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" & ").Append(FormatText.LatexNumber(round.Sally))
                .Append(" & ").Append(FormatText.LatexNumber(round.Bob))
                .Append(" & ").Append(FormatText.LatexNumber(round.Welfare));
            if (efficiency) text.Append(" & ").Append(FormatText.LatexNumber(report.Efficiency(round)!.Value));
            text.Append(" \\\\\n");
        }
        text.Append("\\bottomrule\n\\end{tabular}\n");
        var caption = new StringBuilder();
        caption.Append("Payoffs after $t$ rounds in ").Append(FormatText.LatexEscape(game.Title ?? game.Name))
            .Append(" from $(p, q) = (").Append(FormatText.LatexMath(report.P)).Append(", ").Append(FormatText.LatexMath(report.Q)).Append(")$");
        if (report.FirstBest is { } best) caption.Append("; first-best welfare $W^* = ").Append(FormatText.LatexMath(best)).Append('$');
        if (report.Complexity is { Rounds: { } c }) caption.Append("; message complexity ").Append(c);
        caption.Append('.');
        text.Append("\\caption{").Append(caption).Append("}\n");
        text.Append("\\label{tab:").Append(FormatText.LatexLabel(game.Name)).Append("}\n\\end{table}\n");
        return text.ToString();
    }
}
