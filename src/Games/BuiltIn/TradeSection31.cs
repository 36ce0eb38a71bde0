namespace BilateralTrade.Dsl.Games.BuiltIn;

/// <summary>Bilateral trade of Section 3.1: one seller cost 2; Bob's value 3 or 6, with probability 1/3 on 6.</summary>
[Game("trade-3.1", Title = "Bilateral trade, one seller type (Section 3.1)")]
[BilateralTrade(Costs = new[] { "2" }, Values = new[] { "3", "6" })]
[Prior(Player.Sally, "1")]
[Prior(Player.Bob, "2/3", "1/3")]
public static partial class TradeSection31;
