using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>One posterior of a message: the mover's new belief (a full distribution over their types) and its probability.</summary>
public sealed record GridPosterior(IReadOnlyList<Rational> Belief, Rational Weight);

/// <summary>
/// A mover's message at a grid state: their current belief <see cref="From"/> split into
/// posteriors on the grid (Bayes-plausible: the weighted posteriors average to From).
/// <see cref="VoluntaryBinds"/> says the receiver's voluntary-communication constraint changed
/// the answer (without it the mover would have pushed the receiver below silence).
/// </summary>
public sealed record GridSplitting(Player Mover, IReadOnlyList<Rational> From, IReadOnlyList<GridPosterior> Posteriors, bool VoluntaryBinds);
