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

    [Fact]
    public void Section_3_4_grid_split_at_round_3_gives_exact_bounds_beyond_the_paper()
    {
        // Bob's round-3 message found on the 1/60 and 1/120 grids. Its posteriors' exact round-2 values
        // (no grid) are the grid's, so the message is feasible in the exact model with those continuations:
        // exactly, π_B^3 ≥ 1143/470, and since W^3 ≤ W* = 33/5, π_S^3 ≤ 1959/470; with π_S^3 ≥ π_S^2 = 62/15
        // (voluntary communication) W^3 ≥ 9257/1410 > W^2 = 98/15.
        var game = Trade34();
        var posteriors = new[] { Rs("17/30", "11/60", "1/4"), Rs("1/2", "4/15", "7/30"), Rs("0", "1/2", "1/2") };
        var weights = Rs("10/47", "20/47", "17/47");
        for (int j = 0; j < 3; j++)
            Assert.Equal(game.BobPrior[j], Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + weights[i] * posteriors[i][j]));
        var exact = posteriors.Select(b => ExactEarlyRounds.AtPrior(game.WithPriors(null, b))[2]).ToArray();
        Assert.Equal([(R("61/20"), R("47/20")), (R("3"), R("5/2")), (R("31/5"), R("12/5"))], exact.Select(v => (v.Sally, v.Bob)));
        var sally = Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + weights[i] * exact[i].Sally);
        var bob = Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + weights[i] * exact[i].Bob);
        Assert.Equal((R("1959/470"), R("1143/470")), (sally, bob));
        Assert.Equal(R("33/5"), sally + bob);
        Assert.True(sally >= R("62/15")); // voluntary for Sally
        Assert.Equal(R("9257/1410"), bob + R("62/15"));
    }
}
