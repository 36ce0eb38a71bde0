namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// C(D_S, D_B) = the least t with W^t = lim W^t (MODEL.md), when the computed rounds prove it:
/// either the functions stabilized, or (bilateral trade) welfare reached first best.
/// </summary>
public sealed record MessageComplexity(int? Rounds, string Reason)
{
    public bool IsDetermined => Rounds.HasValue;

    public override string ToString() => Rounds is { } t ? $"{t} ({Reason})" : $"undetermined ({Reason})";
}
