using BilateralTrade.Dsl.Games;
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
        // Not Bob's best message: the exact π^3 is (25/6, 73/30) (SectionThreeFourRoundThreeTests).
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

    /// <summary>Two costs, six values: C(planes, 5) candidate vertices, far beyond the budget (this hung for minutes).</summary>
    private static GameDefinition SixValues() => GameDefinition.CreateBilateralTrade("six-values", null,
        Rs("0", "2"), Rs("1", "3", "5", "7", "9", "11"), Rs("1/2", "1/2"), Rs("1/6", "1/6", "1/6", "1/6", "1/6", "1/6"));

    [Fact]
    public void A_six_value_game_skips_the_exact_early_rounds_promptly_with_a_note()
    {
        var game = SixValues();
        Assert.True(ExactEarlyRounds.CandidateVertexCount(game) > ExactEarlyRounds.DefaultCandidateBudget);
        Assert.Throws<InvalidOperationException>(() => ExactEarlyRounds.AtPrior(game));
        var report = MultiTypeSolver.Solve(game, new MultiTypeOptions { Rounds = 2, Grid = new GridSpec(2, 6) });
        Assert.Contains(report.Notes, n => n.StartsWith("exact early rounds skipped: ", StringComparison.Ordinal) && n.Contains("candidate vertices exceed the budget"));
        // Round 0 needs no vertices and is still exact.
        Assert.NotNull(report.Rounds[0].Exact);
        Assert.True(report.Rounds[0].GridValueIsExact);
        Assert.Null(report.Rounds[1].Exact);
    }

    [Fact]
    public void Only_the_requested_rounds_are_computed()
    {
        // Rounds = 0 never enumerates vertices, so it is instant even far beyond the budget.
        Assert.Single(ExactEarlyRounds.AtPrior(SixValues(), 0));
        Assert.Equal(2, ExactEarlyRounds.AtPrior(Trade34(), 1).Count);
        var report = MultiTypeSolver.Solve(SixValues(), new MultiTypeOptions { Rounds = 0, Grid = new GridSpec(2, 6) });
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("exact early rounds", StringComparison.Ordinal));
        Assert.True(report.Rounds.Single().GridValueIsExact);
    }

    [Fact]
    public void Cancellation_stops_the_vertex_enumeration()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactEarlyRounds.AtPrior(SixValues(), 2, cts.Token, candidateBudget: long.MaxValue));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        // Through the multi-type solver: cancelled once the grid's round 1 is done, the report keeps the
        // grid rounds and notes that the exact ones were skipped.
        using var cancelled = new CancellationTokenSource();
        var report = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions
        {
            Rounds = 1,
            Grid = new GridSpec(5, 3),
            Solve = new SolveOptions { Cancellation = cancelled.Token, Progress = new CancelOnReport(cancelled) },
        });
        Assert.Contains("exact early rounds skipped: cancelled", report.Notes);
        Assert.Equal(2, report.Rounds.Count);
    }

    /// <summary>Cancels synchronously on the first progress report.</summary>
    private sealed class CancelOnReport(CancellationTokenSource source) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => source.Cancel();
    }
}
