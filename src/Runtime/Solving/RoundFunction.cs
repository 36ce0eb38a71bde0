using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// π^t as a whole function of the state (p, q) ∈ [0,1]², and the mover's protocol at round t:
/// the partition of the square into rectangles with the mover's splitting in each.
/// </summary>
public sealed partial class RoundFunction
{
    public int Round { get; }

    /// <summary>Who speaks at this round: Bob at odd t, Sally at even t ≥ 2, nobody at t = 0.</summary>
    public Player? Mover => Round == 0 ? null : Round % 2 == 1 ? Player.Bob : Player.Sally;

    /// <summary>The p values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    public IReadOnlyList<Rational> PBreakpoints => throw new NotImplementedException();

    /// <summary>The q values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    public IReadOnlyList<Rational> QBreakpoints => throw new NotImplementedException();

    /// <summary>π^t(p, q) exactly, using the value the function takes at (p, q), never a limit.</summary>
    public PayoffPair Evaluate(Rational p, Rational q) => throw new NotImplementedException();

    /// <summary>The round's partition of the square; empty at round 0.</summary>
    public IReadOnlyList<PartitionCell> Partition => throw new NotImplementedException();

    /// <summary>The mover's message at (p, q) in this round, or null for silence (and at round 0).</summary>
    public Splitting? SplittingAt(Rational p, Rational q) => throw new NotImplementedException();
}
