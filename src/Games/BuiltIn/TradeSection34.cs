namespace BilateralTrade.Dsl.Games.BuiltIn;

/// <summary>Bilateral trade of Section 3.4, three buyer types: values 3, 6, 12 uniform; costs 0 and 2 with 1/5 on cost 2.</summary>
[Game("trade-3.4", Title = "Bilateral trade, three buyer types (Section 3.4)")]
[BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6", "12" })]
[Prior(Player.Sally, "4/5", "1/5")]
[Prior(Player.Bob, "1/3", "1/3", "1/3")]
public static partial class TradeSection34;
