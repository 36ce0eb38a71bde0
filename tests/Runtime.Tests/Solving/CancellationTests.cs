using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Solving;

public class CancellationTests
{
    private sealed class OnRound(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(150)]
    [InlineData(300)]
    [InlineData(600)]
    public void Cancelling_inside_a_parallel_round_keeps_the_finished_rounds(int afterMilliseconds)
    {
        // From round 11 on the spy game's numbers are large enough for strips to be swept in
        // parallel; cancel at several moments while round 13 (about a second of work) is running,
        // in sweeps, in parallel assembly and in pruning.
        using var stop = new CancellationTokenSource();
        var progress = new OnRound(p => { if (p.Round == 12) stop.CancelAfter(TimeSpan.FromMilliseconds(afterMilliseconds)); });
        var solution = ExactSolver.Solve(Spy(), 20, new SolveOptions { Cancellation = stop.Token, Progress = progress });
        Assert.Equal(StopReason.Cancelled, solution.StopReason);
        Assert.InRange(solution.LastRound, 12, 13);
        Assert.Equal(20, solution.RequestedRounds);
        Assert.Equal(R("110363/137673"), solution.ValuesAtPrior()[6].Sally);
    }

    [Fact]
    public void Parallel_and_sequential_solves_agree_once_strips_run_in_parallel()
    {
        var parallel = ExactSolver.Solve(Spy(), 12, new SolveOptions { Parallel = true });
        var sequential = ExactSolver.Solve(Spy(), 12, new SolveOptions { Parallel = false });
        for (int t = 11; t <= 12; t++)
        {
            Assert.True(parallel.Rounds[t].Surface.SameFunctions(sequential.Rounds[t].Surface), $"round {t}");
            Assert.Equal(sequential.Rounds[t].Partition, parallel.Rounds[t].Partition);
        }
    }
}
