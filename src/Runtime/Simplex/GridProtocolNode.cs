using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// A state reached by a grid protocol before round <see cref="Round"/> is played: Bob's belief
/// about Sally (<see cref="SallyBelief"/>, a distribution over Sally's types) and Sally's belief
/// about Bob (<see cref="BobBelief"/>), reached with <see cref="Probability"/> from the root.
/// Leaves (round 0) carry Sally's action per type.
/// </summary>
public sealed record GridProtocolNode(
    int Round,
    IReadOnlyList<Rational> SallyBelief,
    IReadOnlyList<Rational> BobBelief,
    Rational Probability,
    PayoffPair Payoffs,
    GridSplitting? Split,
    IReadOnlyList<GridProtocolNode> Children,
    IReadOnlyList<int>? SallyActions)
{
    public bool IsLeaf => Round == 0;

    /// <summary>Every node of the tree, depth first.</summary>
    public IEnumerable<GridProtocolNode> Descendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var node in child.Descendants()) yield return node;
    }
}
