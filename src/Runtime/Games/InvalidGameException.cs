namespace BilateralTrade.Dsl.Games;

/// <summary>Thrown when a game that fails validation is used; carries every problem found.</summary>
public sealed class InvalidGameException : Exception
{
    public InvalidGameException(string gameName, IReadOnlyList<GameProblem> problems)
        : base($"Game '{gameName}' is not valid: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<GameProblem> Problems { get; }
}
