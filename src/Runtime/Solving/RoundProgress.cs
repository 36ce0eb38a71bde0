namespace BilateralTrade.Dsl.Solving;

/// <summary>Reported after each round: how far, how many breakpoints, and how large the numbers have grown.</summary>
public sealed record RoundProgress(int Round, int Of, int Breakpoints, int Digits);
