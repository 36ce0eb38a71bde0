using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// π^t as a whole function of the state (p, q) ∈ [0,1]², and the mover's protocol at round t:
/// the partition of the square into rectangles with the mover's splitting in each.
/// </summary>
public sealed class RoundFunction
{
    private readonly PayoffSurface _surface; // x = p, y = q
    private readonly MoverPlan? _plan;       // in the mover's orientation: x = the mover's own axis
    private IReadOnlyList<PartitionCell>? _partition;

    internal RoundFunction(int round, PayoffSurface surface, MoverPlan? plan)
    {
        Round = round; _surface = surface; _plan = plan;
    }

    internal PayoffSurface Surface => _surface;

    public int Round { get; }

    /// <summary>Who speaks at this round: Bob at odd t, Sally at even t ≥ 2, nobody at t = 0.</summary>
    public Player? Mover => Round == 0 ? null : Round % 2 == 1 ? Player.Bob : Player.Sally;

    /// <summary>The p values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    public IReadOnlyList<Rational> PBreakpoints => _surface.Xs;

    /// <summary>The q values where π^t may fail to be bilinear (0 and 1 included), increasing.</summary>
    public IReadOnlyList<Rational> QBreakpoints => _surface.Ys;

    /// <summary>π^t(p, q) exactly, using the value the function takes at (p, q), never a limit.</summary>
    public PayoffPair Evaluate(Rational p, Rational q) => _surface.Evaluate(p, q);

    /// <summary>The mover's message at (p, q) in this round, or null for silence (and at round 0).</summary>
    public Splitting? SplittingAt(Rational p, Rational q)
    {
        if (_plan is null || Mover is not { } mover) return null;
        var (x, y) = mover == Player.Bob ? (p, q) : (q, p);
        var move = _plan.MoveAt(x, y);
        return move.IsSilent ? null : new Splitting(mover, x, _plan.Xs[move.Low], _plan.Xs[move.High]);
    }

    /// <summary>
    /// The round's partition of the square into rectangles (grid lines appear as degenerate
    /// rectangles where the protocol differs on them); empty at round 0.
    /// </summary>
    public IReadOnlyList<PartitionCell> Partition => _partition ??= BuildPartition();

    private IReadOnlyList<PartitionCell> BuildPartition()
    {
        if (_plan is null || Mover is not { } mover) return Array.Empty<PartitionCell>();
        var cells = new List<PartitionCell>();
        var xs = _plan.Xs;
        foreach (var strip in _plan.Strips)
        {
            var moves = strip.Moves;
            int start = 0;
            for (int i = 1; i <= moves.Length; i++)
            {
                if (i < moves.Length && moves[i] == moves[start]) continue;
                // Strata start..i-1 share one move. Stratum s starts at line s/2 (open after it when s is
                // odd) and the last one, i-1, ends at line i/2 (open before it when i-1 is odd).
                var x = new BeliefInterval(
                    xs[start / 2], xs[i / 2],
                    IncludesFrom: start % 2 == 0, IncludesTo: (i - 1) % 2 == 0);
                var move = moves[start];
                Rational? low = move.IsSilent ? null : xs[move.Low];
                Rational? high = move.IsSilent ? null : xs[move.High];
                cells.Add(mover == Player.Bob
                    ? new PartitionCell(x, strip.Y, mover, low, high)
                    : new PartitionCell(strip.Y, x, mover, low, high));
                start = i;
            }
        }
        return cells;
    }
}
