using BenchmarkDotNet.Attributes;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Benchmarks;

/// <summary>The spy game from (1/2, 1/2): issue 3's speed targets (T = 10, 12, 14).</summary>
[MemoryDiagnoser]
public class SpyGameBenchmarks
{
    private GameDefinition _game = null!;

    [Params(10, 12, 14)]
    public int Rounds { get; set; }

    [Params(true, false)]
    public bool Parallel { get; set; }

    [GlobalSetup]
    public void Setup() => _game = BenchmarkGames.Load("spy");

    [Benchmark]
    public Solution Solve() => ExactSolver.Solve(_game, Rounds, new SolveOptions { Parallel = Parallel });
}

/// <summary>Bilateral trade (Section 3.2), which stabilizes after two rounds.</summary>
[MemoryDiagnoser]
public class TradeBenchmarks
{
    private GameDefinition _game = null!;

    [GlobalSetup]
    public void Setup() => _game = BenchmarkGames.Load("trade-3.2");

    [Benchmark]
    public Solution Solve() => ExactSolver.Solve(_game, 10);
}
