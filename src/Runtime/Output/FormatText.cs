using System.Text;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// The text helpers every writer shares (two-type and grid alike): CSV rows, LaTeX escapes and numbers,
/// and Markdown escapes.
/// </summary>
internal static class FormatText
{
    /// <summary>One CSV row (RFC 4180: a cell holding a comma, quote or line break is quoted, quotes doubled), ending in <c>\n</c>.</summary>
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

    /// <summary>"$\frac{13}{18} \approx 0.722$", "$2$", or "$\approx 0.722$" when the fraction is too long to print.</summary>
    internal static string LatexNumber(Rational value)
    {
        if (value.IsInteger && NumberText.IsShort(value)) return "$" + value + "$";
        if (NumberText.IsShort(value)) return "$" + LatexMath(value) + " \\approx " + NumberText.Decimal(value) + "$";
        return "$\\approx " + NumberText.Decimal(value) + "$";
    }

    /// <summary>"\frac{13}{18}", "-\frac{1}{2}" or "3" (math mode, without the dollars).</summary>
    internal static string LatexMath(Rational value)
    {
        if (value.IsInteger) return value.ToString();
        var sign = value.Sign < 0 ? "-" : "";
        return $"{sign}\\frac{{{System.Numerics.BigInteger.Abs(value.Numerator)}}}{{{value.Denominator}}}";
    }

    /// <summary>A name usable in <c>\label{tab:…}</c>: ASCII letters, digits, '-' and '.', anything else as '-'.</summary>
    internal static string LatexLabel(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());

    /// <summary>Text mode: LaTeX's special characters escaped.</summary>
    internal static string LatexEscape(string text)
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

    /// <summary>Markdown: table pipes and emphasis stars escaped.</summary>
    internal static string MarkdownEscape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);
}
