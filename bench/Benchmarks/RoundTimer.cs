using System.Diagnostics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Benchmarks;

/// <summary>
/// `rounds GAME SECONDS [sequential]`: solves round after round until the time is up and prints
/// each round's elapsed time, size and peak memory; answers "how far does T get in a minute".
/// </summary>
internal static class RoundTimer
{
    public static int Run(string[] args)
    {
        var game = BenchmarkGames.Load(args.Length > 1 ? args[1] : "spy");
        int seconds = args.Length > 2 ? int.Parse(args[2]) : 60;
        bool parallel = !(args.Length > 3 && args[3] == "sequential");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var progress = new Reporter(p =>
            Console.WriteLine($"t={p.Round,3}  {clock.Elapsed.TotalMilliseconds,10:F1} ms  cpu={Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,10:F0} ms  breakpoints={p.Breakpoints,4}  digits={p.Digits,7}  peak={Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20),6} MiB"));
        var solution = ExactSolver.Solve(game, 1000, new SolveOptions { Cancellation = timeout.Token, Progress = progress, Parallel = parallel });
        Console.WriteLine($"{game.Name}: {solution.LastRound} rounds in {seconds} s ({solution.StopReason}), parallel={parallel}");
        return 0;
    }

    private sealed class Reporter(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }
}
