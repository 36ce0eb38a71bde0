using System.Text;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// The text helpers every writer shares (two-type and grid alike): CSV rows, LaTeX escapes and numbers,
/// Markdown escapes, and one-line text for names and titles.
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

    /// <summary>Text mode: LaTeX's special characters escaped, on one line (<see cref="OneLine"/>).</summary>
    internal static string LatexEscape(string text)
    {
        var result = new StringBuilder();
        foreach (var c in OneLine(text))
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

    /// <summary>Markdown: table pipes and emphasis stars escaped, on one line (<see cref="OneLine"/>).</summary>
    internal static string MarkdownEscape(string text) =>
        OneLine(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>"NAME: TITLE" (or "NAME"), on one line: the first line of the table and describe outputs.</summary>
    internal static string Heading(Games.GameDefinition game) =>
        OneLine(game.Name) + (game.Title is { } title ? ": " + OneLine(title) : "");

    /// <summary>
    /// The text on one line: every run of control characters (line breaks, tabs, NUL, …) becomes one space,
    /// so a title from a game file cannot end the construct it is written in: a LaTeX <c>%</c> comment
    /// (the rest would be typeset), a Markdown heading or list item, the first line of a table. Text
    /// without control characters is returned unchanged. (Error messages use GameFileException's
    /// escaping instead, which shows exactly what the file holds: <c>\n</c>.)
    /// </summary>
    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var result = new StringBuilder(text.Length);
        bool inRun = false;
        foreach (var c in text)
        {
            bool control = char.IsControl(c);
            if (!control) result.Append(c);
            else if (!inRun) result.Append(' ');
            inRun = control;
        }
        return result.ToString();
    }
}
