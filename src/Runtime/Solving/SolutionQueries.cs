using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

public sealed partial class Solution
{
    /// <summary>
    /// The protocol tree from (p, q) at round <paramref name="round"/> (default: the last) down to
    /// round 0: each node's mover splitting, the probability of reaching it, and at the leaves
    /// Sally's action per type. Its expected leaf payoffs equal π^round at the root.
    /// </summary>
    public ProtocolNode ProtocolFrom(Rational p, Rational q, int? round = null)
    {
        int t = round ?? LastRound;
        if (t < 0 || t > LastRound) throw new ArgumentOutOfRangeException(nameof(round), round, $"Only rounds 0..{LastRound} were computed.");
        return Node(t, p, q, Rational.One);
    }

    private ProtocolNode Node(int t, Rational p, Rational q, Rational probability)
    {
        var f = Rounds[t];
        var payoffs = f.Evaluate(p, q);
        if (t == 0)
        {
            var belief = _square.Distribution(Player.Bob, p);
            var actions = Enumerable.Range(0, Game.SallyTypes.Length).Select(i => Game.SallyAction(i, belief)).ToArray();
            return new ProtocolNode(0, p, q, probability, payoffs, null, Array.Empty<ProtocolNode>(), actions);
        }
        var split = f.SplittingAt(p, q);
        if (split is null)
        {
            return new ProtocolNode(t, p, q, probability, payoffs, null, new[] { Node(t - 1, p, q, probability) }, null);
        }
        var children = split.Mover == Player.Bob
            ? new[] { Node(t - 1, split.Low, q, probability * split.WeightLow), Node(t - 1, split.High, q, probability * split.WeightHigh) }
            : new[] { Node(t - 1, p, split.Low, probability * split.WeightLow), Node(t - 1, p, split.High, probability * split.WeightHigh) };
        return new ProtocolNode(t, p, q, probability, payoffs, split, children, null);
    }

    /// <summary>W* = E[(θB − θS)^+] at (p, q) for bilateral trade; null for other games.</summary>
    public Rational? FirstBestAt(Rational p, Rational q) =>
        Game.BilateralTrade?.FirstBestWelfare(_square.Distribution(Player.Sally, q), _square.Distribution(Player.Bob, p));

    /// <summary>The first computed round whose welfare at (p, q) equals W*, for bilateral trade.</summary>
    public int? FirstRoundReachingFirstBest(Rational p, Rational q) =>
        FirstBestAt(p, q) is { } best ? Rounds.FirstOrDefault(f => f.Evaluate(p, q).Welfare == best)?.Round : null;

    /// <summary>
    /// Message complexity at (p, q): the least t with W^t = lim W^t, when the computed rounds
    /// prove the limit (the functions stabilized, or welfare reached first best).
    /// </summary>
    public MessageComplexity ComplexityAt(Rational p, Rational q) =>
        MessageComplexity.From(Rounds.Select(f => f.Evaluate(p, q).Welfare).ToList(), FirstBestAt(p, q), StabilizedFrom);
}
