using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Solving;

/// <summary>Alternating concavification (MODEL.md), exactly, for games with at most two types per player.</summary>
public static class ExactSolver
{
    /// <summary>Computes π^0 … π^rounds; stops early (keeping finished rounds) when cancelled or over the digit budget.</summary>
    public static Solution Solve(GameDefinition game, int rounds, SolveOptions? options = null) => throw new NotImplementedException();
}
