using System.Text;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Output;

/// <summary>A booktabs table ready to paste into a paper (needs <c>\usepackage{booktabs}</c>).</summary>
public static class LatexWriter
{
    public static string Write(SolutionReport report)
    {
        var game = report.Game;
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var text = new StringBuilder();
        text.Append("% ").Append(Escape(game.Name)).Append(game.Title is { } t ? ": " + t : "")
            .Append(", from ").Append(report.StateText).Append('\n');
        text.Append("\\begin{table}[ht]\n\\centering\n");
        text.Append("\\begin{tabular}{r").Append(efficiency ? "llll" : "lll").Append("}\n\\toprule\n");
        text.Append("$t$ & $\\pi_S^t$ & $\\pi_B^t$ & $W^t$").Append(efficiency ? " & $W^t/W^*$" : "").Append(" \\\\\n\\midrule\n");
        foreach (var round in report.Rounds)
        {
            text.Append(round.Round.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" & ").Append(Number(round.Sally))
                .Append(" & ").Append(Number(round.Bob))
                .Append(" & ").Append(Number(round.Welfare));
            if (efficiency) text.Append(" & ").Append(Number(report.Efficiency(round)!.Value));
            text.Append(" \\\\\n");
        }
        text.Append("\\bottomrule\n\\end{tabular}\n");
        var caption = new StringBuilder();
        caption.Append("Payoffs after $t$ rounds in ").Append(Escape(game.Title ?? game.Name))
            .Append(" from $(p, q) = (").Append(Math(report.P)).Append(", ").Append(Math(report.Q)).Append(")$");
        if (report.FirstBest is { } best) caption.Append("; first-best welfare $W^* = ").Append(Math(best)).Append('$');
        if (report.Complexity is { Rounds: { } c }) caption.Append("; message complexity ").Append(c);
        caption.Append('.');
        text.Append("\\caption{").Append(caption).Append("}\n");
        text.Append("\\label{tab:").Append(Label(game.Name)).Append("}\n\\end{table}\n");
        return text.ToString();
    }

    /// <summary>"$\frac{13}{18} \approx 0.722$", "$2$", or "$\approx 0.722$" when the fraction is too long to print.</summary>
    private static string Number(Rational value)
    {
        if (value.IsInteger && NumberText.IsShort(value)) return "$" + value + "$";
        if (NumberText.IsShort(value)) return "$" + Math(value) + " \\approx " + NumberText.Decimal(value) + "$";
        return "$\\approx " + NumberText.Decimal(value) + "$";
    }

    private static string Math(Rational value)
    {
        if (value.IsInteger) return value.ToString();
        var sign = value.Sign < 0 ? "-" : "";
        return $"{sign}\\frac{{{System.Numerics.BigInteger.Abs(value.Numerator)}}}{{{value.Denominator}}}";
    }

    private static string Label(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());

    internal static string Escape(string text)
    {
        var result = new StringBuilder();
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return result.ToString();
    }
}
