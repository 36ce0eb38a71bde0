using BilateralTrade.Dsl.Generated;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Games.Tests;

/// <summary>Built-in games solved once per test run (the solver is exact and deterministic).</summary>
internal static class Solved
{
    private static readonly Dictionary<(string, int), Solution> Cache = new();

    public static GameDefinition Game(string name) => BuiltInGames.All.Single(g => g.Name == name);

    public static Solution Get(string name, int rounds)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((name, rounds), out var solution))
                Cache[(name, rounds)] = solution = ExactSolver.Solve(Game(name), rounds);
            return solution;
        }
    }
}
