namespace BilateralTrade.Dsl.GameFiles;

/// <summary>
/// A game file that cannot be used. The message is one line, <c>FILE: LOCATION: what is wrong</c>
/// (GAME-FILES.md), e.g. <c>spy.json: payoffs.C.sally[1]: expected 2 entries (one per Bob type), got 3</c>.
/// </summary>
public sealed class GameFileException : Exception
{
    public GameFileException(string file, string location, string problem)
        : base(OneLine(file) + ": " + OneLine(location) + ": " + OneLine(problem))
    {
        File = file; Location = OneLine(location); Problem = OneLine(problem);
    }

    /// <summary>
    /// Control characters (a name or number in the file may hold a line break) written as escapes,
    /// so the message stays one line: <c>\n</c>, <c>\t</c>, <c>\u0000</c>.
    /// </summary>
    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>The file as the user named it (or the source name given to the loader).</summary>
    public string File { get; }

    /// <summary>Where in the file: a field path such as <c>payoffs.C.sally[1]</c>, or <c>line 3, column 7</c> for malformed JSON.</summary>
    public string Location { get; }

    public string Problem { get; }
}
