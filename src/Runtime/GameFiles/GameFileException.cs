namespace BilateralTrade.Dsl.GameFiles;

/// <summary>
/// A game file that cannot be used. The message is one line, <c>FILE: LOCATION: what is wrong</c>
/// (GAME-FILES.md), e.g. <c>spy.json: payoffs.C.sally[1]: expected 2 entries (one per Bob type), got 3</c>.
/// </summary>
public sealed class GameFileException : Exception
{
    public GameFileException(string file, string location, string problem)
        : base(file + ": " + location + ": " + problem)
    {
        File = file; Location = location; Problem = problem;
    }

    /// <summary>The file as the user named it (or the source name given to the loader).</summary>
    public string File { get; }

    /// <summary>Where in the file: a field path such as <c>payoffs.C.sally[1]</c>, or <c>line 3, column 7</c> for malformed JSON.</summary>
    public string Location { get; }

    public string Problem { get; }
}
