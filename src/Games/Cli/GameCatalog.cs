using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Games.Cli;

/// <summary>
/// Where GAME arguments come from: the built-in [Game] declarations (emitted by the source generator
/// as <c>BuiltInGames.All</c>) by name, otherwise a game file by path.
/// </summary>
internal static class GameCatalog
{
    public static IReadOnlyList<GameDefinition> BuiltIn => BilateralTrade.Dsl.Generated.BuiltInGames.All;

    /// <summary>A built-in game by exact name, else the game file at that path; every failure is a <see cref="CliException"/> or <see cref="GameFileException"/>.</summary>
    public static GameDefinition Resolve(string nameOrPath)
    {
        if (BilateralTrade.Dsl.Generated.BuiltInGames.Find(nameOrPath) is { } builtIn) return builtIn;
        bool looksLikeFile = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/', StringComparison.Ordinal) || nameOrPath.Contains('\\', StringComparison.Ordinal)
            || File.Exists(nameOrPath);
        if (looksLikeFile) return GameFileLoader.Load(nameOrPath);
        throw new CliException($"{nameOrPath}: no built-in game has this name and no such file exists (built-in games: {string.Join(", ", BuiltIn.Select(g => g.Name))})");
    }
}
