using BilateralTrade.Dsl;
using BilateralTrade.Dsl.Generated;
using BilateralTrade.Dsl.Verification;

// Two games declared here, checked by the generator that comes with the BilateralTrade.Dsl package.
foreach (var (name, solution) in new[] { ("haggle", Haggle.Solve(rounds: 2)), ("signal", Signal.Solve(rounds: 3)) })
{
    foreach (var round in solution.ValuesAtPrior())
        Console.WriteLine($"{name} t={round.Round}: Sally {round.Sally}, Bob {round.Bob}, welfare {round.Welfare}");
    Console.WriteLine($"{name}: {SolutionVerifier.Verify(solution).Summary}");
}
Console.WriteLine("games in this assembly: " + string.Join(", ", BuiltInGames.All.Select(g => g.Name)));

/// <summary>Section 3.2's numbers under another name: two rounds reach first-best welfare 3.</summary>
[Game("haggle", Title = "A seller with costs 0 or 2, a buyer with values 3 or 6")]
[BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6" })]
[Prior(Player.Sally, "1/2", "1/2")]
[Prior(Player.Bob, "2/3", "1/3")]
public static partial class Haggle;

/// <summary>A small game with arbitrary payoffs: Sally acts, both care whether she matches Bob's type.</summary>
[Game("signal", Title = "Match or guess")]
[Types(Player.Sally, "calm", "eager")]
[Types(Player.Bob, "left", "right")]
[Actions("L", "R")]
[Payoffs("L", Player.Sally, "2 -1", "1 0")]
[Payoffs("L", Player.Bob, "1 0", "1 -1")]
[Payoffs("R", Player.Sally, "-1 2", "0 1")]
[Payoffs("R", Player.Bob, "0 1", "-1 1")]
[Prior(Player.Sally, "1/3", "2/3")]
[Prior(Player.Bob, "1/2", "1/2")]
public static partial class Signal;
