using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class ExactEarlyRoundsTests
{
    [Fact]
    public void Section_3_4_rounds_0_to_2_are_the_papers_values_exactly_without_a_grid()
    {
        var values = ExactEarlyRounds.AtPrior(Trade34());
        Assert.Equal([(R("58/15"), R("8/5")), (R("58/15"), R("12/5")), (R("62/15"), R("12/5"))], values.Select(v => (v.Sally, v.Bob)));
        // Sally's round-2 posteriors can only be where Bob's round-1 optimal basis changes.
        Assert.Equal(Rs("0", "1/3", "2/3", "1"), ExactEarlyRounds.RoundOneBreakpoints(Trade34()).Select(b => b.Q));
    }

    [Fact]
    public void Agrees_with_the_exact_two_type_solver()
    {
        foreach (var game in new[] { Trade32(), Spy() })
        {
            var exact = ExactSolver.Solve(game, 2).ValuesAtPrior();
            Assert.Equal(exact.Select(v => (v.Sally, v.Bob)), ExactEarlyRounds.AtPrior(game).Select(v => (v.Sally, v.Bob)));
        }
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var game = GridSolverTests.RandomGame(random, 2, 2);
            var exact = ExactSolver.Solve(game, 2).ValuesAtPrior();
            Assert.Equal(exact.Select(v => (v.Sally, v.Bob)), ExactEarlyRounds.AtPrior(game).Select(v => (v.Sally, v.Bob)));
        }
    }

    [Fact]
    public void The_grid_solver_matches_the_exact_early_rounds_on_random_three_value_trades_when_the_grid_is_fine_enough()
    {
        // Not a theorem: a grid result equals the exact one when the grid holds the exact posteriors.
        // With values and costs from a small set, 1/60 × 1/60 holds them here.
        var game = Trade34().WithPriors(Rs("1/2", "1/2"), Rs("1/4", "1/4", "1/2"));
        var exact = ExactEarlyRounds.AtPrior(game);
        var grid = GridSolver.Solve(game, 2, new GridSpec(12, 60)).ValuesAtPrior();
        Assert.Equal(exact.Select(v => (v.Sally, v.Bob)), grid.Select(v => (v.Sally, v.Bob)));
    }
}
