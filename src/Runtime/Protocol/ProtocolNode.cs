using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Protocol;

/// <summary>
/// A state reached by the protocol: (p, q) before round <see cref="Round"/> is played, reached
/// with probability <see cref="Probability"/> from the root. Leaves (round 0) carry Sally's
/// base-game action for each of her types.
/// </summary>
public sealed class ProtocolNode
{
    public ProtocolNode(int round, Rational p, Rational q, Rational probability, PayoffPair payoffs,
        Splitting? split, IReadOnlyList<ProtocolNode> children, IReadOnlyList<int>? sallyActions)
    {
        Round = round; P = p; Q = q; Probability = probability; Payoffs = payoffs;
        Split = split; Children = children; SallyActions = sallyActions;
    }

    public int Round { get; }
    public Rational P { get; }
    public Rational Q { get; }
    public Rational Probability { get; }

    /// <summary>π^Round at this state.</summary>
    public PayoffPair Payoffs { get; }

    /// <summary>The mover's message at this round, or null when they stay silent (or at round 0).</summary>
    public Splitting? Split { get; }

    public IReadOnlyList<ProtocolNode> Children { get; }

    /// <summary>At round 0: Sally's action (index into the game's actions) for each of her types.</summary>
    public IReadOnlyList<int>? SallyActions { get; }

    public bool IsLeaf => Round == 0;
}
