namespace BilateralTrade.Dsl.Games.BuiltIn;

/// <summary>
/// The spy game of Section 4: both players have types 0 and 1. Sally cooperates (C) or
/// exploits (E); with the same type C gives (1, 1) and E gives (−1, −1), with different types
/// C gives (−2, 2) and E gives (2, −2). Rows are Sally's types, entries Bob's types.
/// </summary>
[Game("spy", Title = "Spy game (Section 4)")]
[Types(Player.Sally, "0", "1")]
[Types(Player.Bob, "0", "1")]
[Actions("C", "E")]
[Payoffs("C", Player.Sally, "1 -2", "-2 1")]
[Payoffs("C", Player.Bob, "1 2", "2 1")]
[Payoffs("E", Player.Sally, "-1 2", "2 -1")]
[Payoffs("E", Player.Bob, "-1 -2", "-2 -1")]
[Prior(Player.Sally, "1/2", "1/2")]
[Prior(Player.Bob, "1/2", "1/2")]
public static partial class SpyGame;
