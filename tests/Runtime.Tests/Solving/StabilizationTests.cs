using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Solving;

public class StabilizationTests
{
    [Fact]
    public void After_a_proven_stabilization_later_rounds_are_shared_and_silent()
    {
        var solution = ExactSolver.Solve(Trade32(), 200);
        Assert.Equal(2, solution.StabilizedFrom);
        Assert.Equal(200, solution.LastRound);
        Assert.Equal(StopReason.Completed, solution.StopReason);
        var stable = solution.Rounds[2].Surface;
        for (int t = 3; t <= 200; t++)
        {
            var round = solution.Rounds[t];
            Assert.True(round.Surface.SameFunctions(stable), $"round {t}");
            // The rounds computed before the proof (3 and 4) and the shared ones say the same: nobody speaks.
            Assert.All(round.Partition, cell => Assert.True(cell.IsSilent, $"round {t}: {cell}"));
            Assert.Null(round.SplittingAt(R("1/3"), R("1/2")));
        }
        Assert.Equal((R("9/4"), R("3/4")), (solution.ValuesAtPrior()[200].Sally, solution.ValuesAtPrior()[200].Bob));
        Assert.Equal(2, solution.ComplexityAt(solution.PriorP, solution.PriorQ).Rounds);
    }
}
