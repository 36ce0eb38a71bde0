namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// What the mover does on one stratum of their axis: stay silent (Low = High = -1) or split
/// the belief to the grid vertices Low and High on either side.
/// </summary>
internal readonly record struct Move(int Low, int High)
{
    public static readonly Move Silent = new(-1, -1);

    public bool IsSilent => Low < 0;
}
