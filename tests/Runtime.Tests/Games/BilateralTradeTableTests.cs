using BilateralTrade.Dsl.Games;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Games;

public class BilateralTradeTableTests
{
    [Fact]
    public void The_one_expansion_names_prices_and_fills_the_tables()
    {
        var costs = Rs("0", "2");
        var values = Rs("3", "13/2");
        Assert.Equal(["price 3", "price 13/2", "no trade"], BilateralTradeTable.ActionNames(values));
        Assert.Equal(["0", "2"], BilateralTradeTable.TypeNames(costs));
        BilateralTradeTable.Expand(costs, values, out var sally, out var bob);
        // price 13/2 to a buyer of value 3: no trade; to 13/2: trade at cost 2.
        Assert.Equal(R("0"), sally[1][1][0]);
        Assert.Equal(R("9/2"), sally[1][1][1]);
        Assert.Equal(R("7/2"), bob[0][0][1]);
        Assert.All(sally[2].Concat(bob[2]).SelectMany(r => r), x => Assert.True(x.IsZero));
    }

    [Fact]
    public void CreateBilateralTrade_uses_it()
    {
        var game = Trade34();
        var terms = game.BilateralTrade!;
        Assert.Equal(BilateralTradeTable.ActionNames(terms.Values), game.Actions.ToArray());
        BilateralTradeTable.Expand(terms.Costs, terms.Values, out var sally, out var bob);
        for (int a = 0; a < game.Actions.Length; a++)
            for (int i = 0; i < game.SallyTypes.Length; i++)
                for (int j = 0; j < game.BobTypes.Length; j++)
                {
                    Assert.Equal(sally[a][i][j], game.Utility(Player.Sally, a, i, j));
                    Assert.Equal(bob[a][i][j], game.Utility(Player.Bob, a, i, j));
                }
        Assert.Equal(BilateralTradeTable.NoTradeAction, BilateralTradeTerms.NoTradeAction);
    }
}
