namespace BilateralTrade.Dsl.Solving;

/// <summary>Something the solver could not do exactly as MODEL.md asks, e.g. a supremum that is not attained.</summary>
public sealed record SolverWarning(int Round, string Place, string Message)
{
    public override string ToString() => $"round {Round}, {Place}: {Message}";
}
