using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// The paper's explicit two-round protocol for Theorem 5 (two buyer values v0 &lt; v1, seller
/// costs c1 &lt; … &lt; cn &lt; v0), built exactly:
/// <list type="bullet">
/// <item>thresholds p*_j = (v0 − c_j)/(v1 − c_j), p*_0 = 1;</item>
/// <item>for a set X = {x(1) &lt; … &lt; x(k)} of cost indices, the indifference distribution
/// q^X_{x(i)} = (1/p*_{x(i)} − 1/p*_{x(i−1)}) / (1/p*_{x(k)} − 1);</item>
/// <item>round 2: Sally splits her prior q into nested indifference distributions (Lemma 6);</item>
/// <item>round 1: at q^X Bob stays silent when p ≤ p*_{x(k)}, else splits p into p*_{x(k)} and 1;</item>
/// <item>round 0: Sally prices (the game's own best response, ties to Bob).</item>
/// </list>
/// Its payoffs are computed from the game's base game at the leaves, not assumed.
/// </summary>
public sealed class TheoremFiveProtocol
{
    private readonly GameDefinition _game;

    /// <summary>A Lemma 6 piece: weight λ_i on the indifference distribution of the set X_i (0-based cost indices).</summary>
    public sealed record Piece(Rational Weight, IReadOnlyList<int> Set, IReadOnlyList<Rational> Distribution);

    /// <summary>One leaf of the protocol: Bob's belief about Sally, Sally's belief P(v1), and its probability.</summary>
    public sealed record Leaf(IReadOnlyList<Rational> SallyBelief, Rational P, Rational Probability);

    public TheoremFiveProtocol(GameDefinition game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.BilateralTrade is not { } terms || terms.Values.Count != 2)
            throw new ArgumentException("Theorem 5 needs a bilateral trade with exactly two buyer values.", nameof(game));
        var v0 = terms.Values[0];
        for (int j = 0; j < terms.Costs.Count; j++)
        {
            if (j > 0 && terms.Costs[j] <= terms.Costs[j - 1]) throw new ArgumentException("The costs must increase.", nameof(game));
            if (terms.Costs[j] >= v0) throw new ArgumentException($"Theorem 5 assumes every cost is below the low value {v0}; cost {terms.Costs[j]} is not.", nameof(game));
        }
        _game = game;
        V0 = v0;
        V1 = terms.Values[1];
        Costs = terms.Costs;
        Thresholds = Costs.Select(c => (V0 - c) / (V1 - c)).ToArray();
        Pieces = Decompose(game.SallyPrior);
        Leaves = BuildLeaves(game.BobPrior[1]);
    }

    public Rational V0 { get; }
    public Rational V1 { get; }
    public IReadOnlyList<Rational> Costs { get; }

    /// <summary>p*_j for each cost, decreasing in j.</summary>
    public IReadOnlyList<Rational> Thresholds { get; }

    /// <summary>Lemma 6's decomposition of Sally's prior: nested sets, weights summing to 1.</summary>
    public IReadOnlyList<Piece> Pieces { get; }

    public IReadOnlyList<Leaf> Leaves { get; }

    /// <summary>The indifference distribution q^X over all costs (0 off X).</summary>
    public IReadOnlyList<Rational> IndifferenceDistribution(IReadOnlyList<int> set)
    {
        var sorted = set.Distinct().OrderBy(i => i).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The set must not be empty.", nameof(set));
        var q = new Rational[Costs.Count];
        var denominator = Thresholds[sorted[^1]].Reciprocal() - Rational.One;
        Rational previous = Rational.One; // 1/p*_0
        foreach (var x in sorted)
        {
            var current = Thresholds[x].Reciprocal();
            q[x] = (current - previous) / denominator;
            previous = current;
        }
        return q;
    }

    /// <summary>
    /// Lemma 6: peel off z·q^X over the support X, recursively, with z = min_i q_i / q^X_i, the largest
    /// z keeping q − z·q^X ≥ 0. (The paper prints the ratio upside down, min q^X_i / q_i; its own
    /// next step, q'_i = 0 at the minimizing i, needs q_i / q^X_i.)
    /// </summary>
    private IReadOnlyList<Piece> Decompose(IReadOnlyList<Rational> prior)
    {
        var pieces = new List<Piece>();
        var q = prior.ToArray();
        Rational remaining = Rational.One; // mass of the original prior still to assign
        while (true)
        {
            var support = Enumerable.Range(0, q.Length).Where(i => q[i].Sign > 0).ToArray();
            var qx = IndifferenceDistribution(support);
            var z = support.Select(i => q[i] / qx[i]).Min();
            if (z >= Rational.One)
            {
                pieces.Add(new Piece(remaining, support, qx));
                break;
            }
            pieces.Add(new Piece(remaining * z, support, qx));
            for (int i = 0; i < q.Length; i++) q[i] = (q[i] - z * qx[i]) / (Rational.One - z);
            remaining *= Rational.One - z;
        }
        return pieces;
    }

    private IReadOnlyList<Leaf> BuildLeaves(Rational p)
    {
        var leaves = new List<Leaf>();
        foreach (var piece in Pieces)
        {
            var top = Thresholds[piece.Set.Max()];
            if (p <= top)
            {
                leaves.Add(new Leaf(piece.Distribution, p, piece.Weight));
                continue;
            }
            // p = w·top + (1 − w)·1
            var w = (Rational.One - p) / (Rational.One - top);
            leaves.Add(new Leaf(piece.Distribution, top, piece.Weight * w));
            leaves.Add(new Leaf(piece.Distribution, Rational.One, piece.Weight * (Rational.One - w)));
        }
        return leaves;
    }

    /// <summary>The protocol's expected payoffs: the base game played at every leaf (Sally's tie-break applied).</summary>
    public PayoffPair Payoffs()
    {
        Rational sally = Rational.Zero, bob = Rational.Zero;
        foreach (var leaf in Leaves)
        {
            var bobBelief = new[] { Rational.One - leaf.P, leaf.P };
            for (int i = 0; i < Costs.Count; i++)
            {
                if (leaf.SallyBelief[i].IsZero) continue;
                int a = _game.SallyAction(i, bobBelief);
                for (int j = 0; j < 2; j++)
                {
                    var w = leaf.Probability * leaf.SallyBelief[i] * bobBelief[j];
                    if (w.IsZero) continue;
                    sally += w * _game.Utility(Player.Sally, a, i, j);
                    bob += w * _game.Utility(Player.Bob, a, i, j);
                }
            }
        }
        return new PayoffPair(sally, bob);
    }

    public Rational Welfare => Payoffs().Welfare;

    public Rational FirstBest => _game.FirstBestWelfare!.Value;

    /// <summary>The grid denominators that hold every belief the protocol visits and every threshold p*_j.</summary>
    public GridSpec GridHoldingPosteriors()
    {
        int sally = SimplexGrid.DenominatorFor(_game.SallyPrior);
        foreach (var piece in Pieces) sally = GridSolver.Lcm(sally, SimplexGrid.DenominatorFor(piece.Distribution));
        int bob = SimplexGrid.DenominatorFor(_game.BobPrior);
        foreach (var t in Thresholds) bob = GridSolver.Lcm(bob, SimplexGrid.DenominatorFor([t]));
        return new GridSpec(sally, bob);
    }
}
