using System.Collections.Generic;
using System.Linq;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>
/// One Sally type's best response in the base game, as a function of her belief p that Bob
/// has his second type (two Bob types). MODEL.md's tie-break is already applied.
/// </summary>
public sealed class SallyBestResponse
{
    public SallyBestResponse(int sallyType, IReadOnlyList<Rational> breakpoints, IReadOnlyList<ActionRegion> regions)
    {
        SallyType = sallyType; Breakpoints = breakpoints; Regions = regions;
    }

    public int SallyType { get; }

    /// <summary>The beliefs in (0, 1) at which her action changes, increasing.</summary>
    public IReadOnlyList<Rational> Breakpoints { get; }

    /// <summary>Maximal regions covering [0, 1] in order; single points appear when a breakpoint's action differs from both sides.</summary>
    public IReadOnlyList<ActionRegion> Regions { get; }

    public int ActionAt(Rational p)
    {
        foreach (var region in Regions)
        {
            if (region.Contains(p)) return region.Action;
        }
        throw new System.ArgumentOutOfRangeException(nameof(p), p, "The belief must lie in [0, 1].");
    }

    public bool SameAs(SallyBestResponse other) => SallyType == other.SallyType
        && Breakpoints.SequenceEqual(other.Breakpoints) && Regions.SequenceEqual(other.Regions);
}
