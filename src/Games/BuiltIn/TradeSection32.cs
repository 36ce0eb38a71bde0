namespace BilateralTrade.Dsl.Games.BuiltIn;

/// <summary>Bilateral trade of Section 3.2: costs 0 and 2 (1/2 each); values 3 and 6, with probability 1/3 on 6.</summary>
[Game("trade-3.2", Title = "Bilateral trade, two types each (Section 3.2)")]
[BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6" })]
[Prior(Player.Sally, "1/2", "1/2")]
[Prior(Player.Bob, "2/3", "1/3")]
public static partial class TradeSection32;
