using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class ExactRoundThreeTests
{
    [Fact]
    public void Section_3_4_round_3_is_25_6_and_73_30_exactly_with_Bobs_three_posterior_message()
    {
        var result = ExactRoundThree.AtPrior(Trade34());
        Assert.Null(result.Reason);
        Assert.Equal(new PayoffPair(R("25/6"), R("73/30")), result.Values);
        Assert.Equal(
            [(R("2/9"), "9/16,3/16,1/4", R("61/20"), R("189/80")), (R("13/36"), "0,1/2,1/2", R("31/5"), R("12/5")), (R("5/12"), "1/2,4/15,7/30", R("3"), R("5/2"))],
            result.Message.OrderBy(p => p.Weight).Select(p => (p.Weight, string.Join(",", p.BobBelief), p.Continuation.Sally, p.Continuation.Bob)));
    }

    /// <summary>The spy game with Bob's type 1 split into two identical types of half its prior.</summary>
    private static GameDefinition SpyWithBobTypeOneDuplicated(Rational q, Rational p)
    {
        Rational[][] Table(int same, int different) => [[same, different, different], [different, same, same]];
        return new GameDefinition("spy-3", "Spy game, Bob's type 1 duplicated", ["0", "1"], ["0", "1", "1b"], ["C", "E"],
            [Table(1, -2), Table(-1, 2)], [Table(1, 2), Table(-1, -2)], [Rational.One - q, q], [Rational.One - p, p / 2, p / 2]);
    }

    [Theory]
    [InlineData("1/2", "1/2", "13/18", "-29/270")]
    [InlineData("1/3", "1/2", "2/3", "3/35")]
    [InlineData("1/2", "2/5", "41/50", "-7/50")]
    [InlineData("3/5", "1/4", "23/20", "-279/700")]
    public void The_spy_game_with_a_duplicated_Bob_type_matches_the_exact_two_type_solver(string q, string p, string sally, string bob)
    {
        var result = ExactRoundThree.AtPrior(SpyWithBobTypeOneDuplicated(R(q), R(p)));
        Assert.Equal(new PayoffPair(R(sally), R(bob)), result.Values);
        var twoTypes = ExactSolver.Solve(Spy().WithPriors([Rational.One - R(q), R(q)], [Rational.One - R(p), R(p)]), 3).ValuesAtPrior();
        Assert.Equal((R(sally), R(bob)), (twoTypes[3].Sally, twoTypes[3].Bob));
    }

    [Fact]
    public void Games_outside_two_by_three_and_over_budget_arrangements_return_a_reason_instead_of_a_value()
    {
        var twoByTwo = ExactRoundThree.AtPrior(Spy());
        Assert.Null(twoByTwo.Values);
        Assert.Contains("2 Sally types and 3 Bob types", twoByTwo.Reason);
        var lines = ExactRoundThree.AtPrior(Trade34(), lineBudget: 10);
        Assert.Null(lines.Values);
        Assert.Contains("lines exceed the budget (10)", lines.Reason);
        var faces = ExactRoundThree.AtPrior(Trade34(), faceBudget: 100);
        Assert.Null(faces.Values);
        Assert.Contains("faces", faces.Reason);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactRoundThree.AtPrior(Trade34(), source.Token));
    }

    [Fact]
    public void The_multi_type_report_carries_the_exact_round_3_value_and_says_the_default_grids_split_differs()
    {
        var report = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(15, 60) });
        Assert.Equal(new PayoffPair(R("25/6"), R("73/30")), report.Rounds[3].Exact);
        Assert.False(report.Rounds[3].GridValueIsExact);
        Assert.Contains(report.Notes, n => n.Contains("round 3: the grid value (1959/470, 1143/470) differs from the exact value (25/6, 73/30)"));

        var fine = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(15, 240) });
        Assert.All(fine.Rounds, r => Assert.True(r.GridValueIsExact));

        var off = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(15, 60), ExactRoundThree = false });
        Assert.Null(off.Rounds[3].Exact);
    }
}
