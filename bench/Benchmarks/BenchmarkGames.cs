using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Benchmarks;

/// <summary>The paper's games, read from the repository's games/ folder.</summary>
internal static class BenchmarkGames
{
    public static GameDefinition Load(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BilateralTrade.Dsl.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("Run the benchmarks from inside the repository.");
        return GameFileLoader.Load(Path.Combine(directory.FullName, "games", name + ".json"));
    }
}
