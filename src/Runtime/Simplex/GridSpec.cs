namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// The belief grids of a grid solve: Sally's beliefs about Bob live on Bob's simplex with step
/// 1/<see cref="BobDenominator"/>, Bob's beliefs about Sally on Sally's simplex with step
/// 1/<see cref="SallyDenominator"/>.
/// </summary>
public sealed record GridSpec(int SallyDenominator, int BobDenominator)
{
    /// <summary>The same step 1/N on both simplices.</summary>
    public GridSpec(int denominator) : this(denominator, denominator) { }

    /// <summary>"step 1/12", or "step 1/5 on Sally's types and 1/60 on Bob's".</summary>
    public string Describe() => SallyDenominator == BobDenominator
        ? $"the grid of step 1/{SallyDenominator}"
        : $"the grid of step 1/{SallyDenominator} on Sally's types and 1/{BobDenominator} on Bob's";

    /// <summary>The label every grid result carries.</summary>
    public string Label => "approximation: beliefs restricted to " + Describe();
}
