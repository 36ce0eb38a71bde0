namespace BilateralTrade.Dsl.Games;

/// <summary>One thing wrong with a game, with where it is (e.g. "payoffs.C.sally[1]").</summary>
public sealed record GameProblem(string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? Message : Location + ": " + Message;
}
