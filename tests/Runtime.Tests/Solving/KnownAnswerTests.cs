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
