using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Solving;

/// <summary>MODEL.md's numbers from the paper, with zero tolerance.</summary>
public class KnownAnswerTests
{
    [Fact]
    public void Spy_game_from_the_centre_matches_the_paper_exactly_for_six_rounds()
    {
        var solution = ExactSolver.Solve(Spy(), 6);
        var expected = new[]
        {
            ("1/2", "-3/2"), ("1/2", "-1/6"), ("13/18", "-1/6"), ("13/18", "-29/270"),
            ("2989/4050", "-29/270"), ("799/1038", "-38023/488898"), ("110363/137673", "-3446/45891"),
        };
        var values = solution.ValuesAtPrior();
        Assert.Equal(7, values.Count);
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal((R(expected[t].Item1), R(expected[t].Item2)), (values[t].Sally, values[t].Bob));
        }
        Assert.Empty(solution.Warnings);
    }
}

public class PaperProtocolTests
{
    private static void AssertValues(Solution solution, params (string Sally, string Bob)[] expected)
    {
        var values = solution.ValuesAtPrior();
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.True((R(expected[t].Sally), R(expected[t].Bob)) == (values[t].Sally, values[t].Bob),
                $"t={t}: expected ({expected[t].Sally}, {expected[t].Bob}), got ({values[t].Sally}, {values[t].Bob})");
        }
    }

    [Fact]
    public void Spy_game_base_thresholds_are_one_third_and_two_thirds_with_closed_outer_intervals()
    {
        var responses = Spy().AnalyzeBaseGame();
        // Sally's type 0 conceals (C) up to 1/3, type 1 from 2/3 on; ties go to Bob, who prefers C.
        Assert.Equal(Rs("1/3"), responses[0].Breakpoints);
        Assert.Equal(new[] { "[0, 1/3] -> 0", "(1/3, 1] -> 1" }, responses[0].Regions.Select(r => r.ToString()));
        Assert.Equal(Rs("2/3"), responses[1].Breakpoints);
        Assert.Equal(new[] { "[0, 2/3) -> 1", "[2/3, 1] -> 0" }, responses[1].Regions.Select(r => r.ToString()));
        var solution = ExactSolver.Solve(Spy(), 1);
        Assert.Equal(Rs("0", "1/3", "2/3", "1"), solution.Rounds[0].PBreakpoints);
    }

    [Fact]
    public void Spy_game_round_one_adds_bob_breakpoints_four_ninths_and_five_ninths()
    {
        var round = ExactSolver.Solve(Spy(), 1).Rounds[1];
        Assert.Equal(Rs("0", "4/9", "5/9", "1"), round.QBreakpoints);
        // Between 4/9 and 5/9 Bob reveals less (splits to 1/3 and 2/3) than outside (to 1/3 and 1, or 0 and 2/3).
        Assert.Equal((R("1/3"), R("2/3")), Ends(round.SplittingAt(R("1/2"), R("1/2"))));
        Assert.Equal((R("1/3"), R("1")), Ends(round.SplittingAt(R("1/2"), R("4/9"))));
        Assert.Equal((R("0"), R("2/3")), Ends(round.SplittingAt(R("1/2"), R("5/9"))));
    }

    private static (Rational, Rational) Ends(BilateralTrade.Dsl.Protocol.Splitting? s)
    {
        Assert.NotNull(s);
        return (s!.Low, s.High);
    }

    [Fact]
    public void Section_3_1_single_cost_reaches_first_best_in_one_round()
    {
        var solution = ExactSolver.Solve(Trade31(), 3);
        AssertValues(solution, ("4/3", "0"), ("4/3", "2/3"));
        Assert.Equal(R("2"), solution.FirstBestAt(solution.PriorP, solution.PriorQ));
        Assert.Equal(1, solution.FirstRoundReachingFirstBest(solution.PriorP, solution.PriorQ));
        Assert.Equal(1, solution.ComplexityAt(solution.PriorP, solution.PriorQ).Rounds);
    }

    [Fact]
    public void Section_3_2_values_and_protocols_match_the_paper()
    {
        var solution = ExactSolver.Solve(Trade32(), 2);
        AssertValues(solution, ("13/6", "1/2"), ("13/6", "3/4"), ("9/4", "3/4"));
        Assert.Equal(R("3"), solution.FirstBestAt(solution.PriorP, solution.PriorQ));
        Assert.Equal(2, solution.ComplexityAt(solution.PriorP, solution.PriorQ).Rounds);

        // One round: Bob splits p = 1/3 into 1/2 (prob 1/3) and 1/4 (prob 2/3).
        var one = solution.Rounds[1].SplittingAt(R("1/3"), R("1/2"))!;
        Assert.Equal((R("1/4"), R("1/2")), (one.Low, one.High));
        Assert.Equal((R("2/3"), R("1/3")), (one.WeightLow, one.WeightHigh));

        // Two rounds: Sally splits q = 1/2 into 0 (prob 1/4) and 2/3 (prob 3/4); at q = 2/3 Bob
        // splits p = 1/3 into 1/4 (prob 8/9) and 1 (prob 1/9).
        var tree = solution.ProtocolFrom(R("1/3"), R("1/2"));
        Assert.Equal(Player.Sally, tree.Split!.Mover);
        Assert.Equal((R("0"), R("2/3"), R("1/4"), R("3/4")), (tree.Split.Low, tree.Split.High, tree.Split.WeightLow, tree.Split.WeightHigh));
        var atTwoThirds = tree.Children[1];
        Assert.Equal(R("2/3"), atTwoThirds.Q);
        Assert.Equal((R("1/4"), R("1"), R("8/9"), R("1/9")),
            (atTwoThirds.Split!.Low, atTwoThirds.Split.High, atTwoThirds.Split.WeightLow, atTwoThirds.Split.WeightHigh));
    }
}
