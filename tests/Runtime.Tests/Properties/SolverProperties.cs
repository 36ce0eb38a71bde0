using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.Properties.RandomGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Properties;

/// <summary>Property 0: π^0 is the base game played with MODEL.md's tie-break, computed here from the utilities.</summary>
public class BaseGameProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void Round_zero_is_sallys_best_response_with_ties_to_bob(int seed)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            var expected = BasePayoffs(solution.Game, p, q);
            var actual = solution.Rounds[0].Evaluate(p, q);
            Assert.True(expected == actual, $"seed {seed} at ({p}, {q}): π^0 = {actual}, from the utilities {expected}\n{Describe(solution.Game)}");
        }
    }
}

/// <summary>Property 1: payoffs never decrease in t, for the mover and (binary types: every refinement is voluntary) the receiver.</summary>
public class MonotonicityProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void The_movers_payoff_never_decreases(int seed) => Check(seed, mover: true);

    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void The_receivers_payoff_never_decreases(int seed) => Check(seed, mover: false);

    private static void Check(int seed, bool mover)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            for (int t = 1; t <= solution.LastRound; t++)
            {
                var who = solution.Rounds[t].Mover!.Value;
                if (!mover) who = who == Player.Bob ? Player.Sally : Player.Bob;
                var before = solution.Rounds[t - 1].Evaluate(p, q).Of(who);
                var after = solution.Rounds[t].Evaluate(p, q).Of(who);
                Assert.True(after >= before,
                    $"seed {seed}, round {t} at ({p}, {q}): {who}'s payoff fell from {before} to {after}\n{Describe(solution.Game)}");
            }
        }
    }
}

/// <summary>Property 2: every splitting is Bayes-plausible and its expected π^{t−1} is π^t for both players.</summary>
public class SplittingProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void Every_splitting_is_bayes_plausible_and_averages_to_the_next_round(int seed)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            for (int t = 1; t <= solution.LastRound; t++)
            {
                var f = solution.Rounds[t];
                var previous = solution.Rounds[t - 1];
                var here = f.Evaluate(p, q);
                var where = $"seed {seed}, round {t} at ({p}, {q})";
                var s = f.SplittingAt(p, q);
                if (s is null)
                {
                    Assert.True(here == previous.Evaluate(p, q), $"{where}: silence but π^t = {here} ≠ π^(t−1) = {previous.Evaluate(p, q)}");
                    continue;
                }
                Assert.Equal(f.Mover, s.Mover);
                var x = s.Mover == Player.Bob ? p : q;
                Assert.True(s.From == x, $"{where}: the split starts from {s.From}, not the mover's belief {x}");
                Assert.True(Rational.Zero <= s.Low && s.Low < s.From && s.From < s.High && s.High <= Rational.One,
                    $"{where}: posteriors {s.Low} < {s.From} < {s.High} not inside [0, 1] in order");
                Assert.True(s.WeightLow.Sign > 0 && s.WeightLow < Rational.One && s.WeightHigh.Sign > 0 && s.WeightHigh < Rational.One,
                    $"{where}: weights {s.WeightLow}, {s.WeightHigh} not in (0, 1)");
                Assert.Equal(Rational.One, s.WeightLow + s.WeightHigh);
                Assert.Equal(s.From, s.WeightLow * s.Low + s.WeightHigh * s.High);
                var (low, high) = s.Mover == Player.Bob
                    ? (previous.Evaluate(s.Low, q), previous.Evaluate(s.High, q))
                    : (previous.Evaluate(p, s.Low), previous.Evaluate(p, s.High));
                var expected = new PayoffPair(
                    s.WeightLow * low.Sally + s.WeightHigh * high.Sally,
                    s.WeightLow * low.Bob + s.WeightHigh * high.Bob);
                Assert.True(expected == here, $"{where}: split {s.Low}|{s.High} averages π^(t−1) to {expected}, but π^t = {here}\n{Describe(solution.Game)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void The_partition_covers_the_square_once_and_agrees_with_the_splittings(int seed)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            for (int t = 1; t <= solution.LastRound; t++)
            {
                var f = solution.Rounds[t];
                var cells = f.Partition.Where(c => c.P.Contains(p) && c.Q.Contains(q)).ToList();
                Assert.True(cells.Count == 1, $"seed {seed}, round {t} at ({p}, {q}): {cells.Count} partition cells contain the state");
                var cell = cells[0];
                Assert.Equal(f.Mover, cell.Mover);
                var s = f.SplittingAt(p, q);
                Assert.Equal(s?.Low, cell.SplitLow);
                Assert.Equal(s?.High, cell.SplitHigh);
                if (s is not null)
                {
                    // Inside a rectangle the mover splits to its sides along their own axis.
                    var along = s.Mover == Player.Bob ? cell.P : cell.Q;
                    Assert.True(s.Low <= along.From && along.To <= s.High,
                        $"seed {seed}, round {t} at ({p}, {q}): cell {along} not between the posteriors {s.Low} and {s.High}");
                }
            }
        }
    }
}

/// <summary>Property 3: the protocol tree's expected leaf payoffs equal π^T at its root.</summary>
public class ProtocolTreeProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void Expected_leaf_payoffs_equal_the_root_value_and_each_depth_has_probability_one(int seed)
    {
        var solution = Solve(seed);
        var game = solution.Game;
        foreach (var (p, q) in SampleStates(seed, solution, perRound: 1).Take(14))
        {
            for (int T = 1; T <= solution.LastRound; T += Math.Max(1, solution.LastRound - 1))
            {
                var root = solution.ProtocolFrom(p, q, T);
                var where = $"seed {seed}, tree of round {T} from ({p}, {q})";
                Assert.Equal(T, root.Round);
                Assert.Equal(Rational.One, root.Probability);
                Rational sally = 0, bob = 0;
                var level = new List<ProtocolNode> { root };
                for (int depth = T; depth >= 0; depth--)
                {
                    Assert.True(level.Aggregate(Rational.Zero, (sum, n) => sum + n.Probability) == Rational.One,
                        $"{where}: node probabilities at round {depth} do not sum to 1");
                    var next = new List<ProtocolNode>();
                    foreach (var node in level)
                    {
                        Assert.Equal(depth, node.Round);
                        Assert.True(node.Payoffs == solution.Rounds[depth].Evaluate(node.P, node.Q), $"{where}: node payoffs differ from π^{depth}");
                        if (node.IsLeaf)
                        {
                            Assert.Empty(node.Children);
                            var actions = node.SallyActions!;
                            Assert.Equal(game.SallyTypes.Length, actions.Count);
                            var leaf = LeafPayoffs(game, node.P, node.Q, actions);
                            Assert.True(leaf == node.Payoffs, $"{where}: leaf at ({node.P}, {node.Q}) pays {leaf} from the utilities but π^0 = {node.Payoffs}");
                            sally += node.Probability * leaf.Sally;
                            bob += node.Probability * leaf.Bob;
                        }
                        else
                        {
                            Assert.Equal(node.Split is null ? 1 : 2, node.Children.Count);
                            Assert.True(node.Children.Aggregate(Rational.Zero, (sum, c) => sum + c.Probability) == node.Probability,
                                $"{where}: children of ({node.P}, {node.Q}) at round {depth} do not carry its probability");
                            next.AddRange(node.Children);
                        }
                    }
                    level = next;
                }
                var atRoot = solution.Rounds[T].Evaluate(p, q);
                Assert.True(new PayoffPair(sally, bob) == atRoot,
                    $"{where}: expected leaf payoffs ({sally}, {bob}) ≠ π^{T} = {atRoot}\n{Describe(game)}");
            }
        }
    }
}

/// <summary>Property 4 (and Theorem 5): bilateral-trade welfare never exceeds first best, and reaches it in two rounds.</summary>
public class BilateralTradeProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.Trade), MemberType = typeof(RandomGames))]
    public void Welfare_never_exceeds_first_best(int seed)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            var best = solution.FirstBestAt(p, q);
            Assert.NotNull(best);
            for (int t = 0; t <= solution.LastRound; t++)
            {
                var w = solution.Rounds[t].Evaluate(p, q).Welfare;
                Assert.True(w <= best!.Value, $"seed {seed}, round {t} at ({p}, {q}): welfare {w} > W* = {best}\n{Describe(solution.Game)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RandomGames.Trade), MemberType = typeof(RandomGames))]
    public void Two_buyer_types_reach_first_best_in_two_rounds_theorem_5(int seed)
    {
        var solution = Solve(seed);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            var best = solution.FirstBestAt(p, q)!.Value;
            for (int t = 2; t <= solution.LastRound; t++)
            {
                var w = solution.Rounds[t].Evaluate(p, q).Welfare;
                Assert.True(w == best, $"seed {seed}, round {t} at ({p}, {q}): welfare {w} ≠ W* = {best}\n{Describe(solution.Game)}");
            }
            Assert.True(solution.FirstRoundReachingFirstBest(p, q) <= 2);
            Assert.True(solution.ComplexityAt(p, q).IsDetermined);
        }
    }
}

/// <summary>Property 5: renaming a player's two types mirrors that player's axis, at every round; renaming actions changes nothing.</summary>
public class TypeSwapProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.WithTwoBobTypes), MemberType = typeof(RandomGames))]
    public void Swapping_bobs_types_mirrors_p(int seed) => Check(seed, bob: true);

    [Theory]
    [MemberData(nameof(RandomGames.WithTwoSallyTypes), MemberType = typeof(RandomGames))]
    public void Swapping_sallys_types_mirrors_q(int seed) => Check(seed, bob: false);

    /// <summary>
    /// The order actions are declared in only breaks ties in which both players are
    /// indifferent, so the payoffs cannot depend on it.
    /// </summary>
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void Reordering_the_actions_changes_no_payoff(int seed)
    {
        var solution = Solve(seed);
        var reordered = ExactSolver.Solve(ReverseActions(solution.Game), solution.LastRound);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            for (int t = 0; t <= solution.LastRound; t++)
            {
                var a = solution.Rounds[t].Evaluate(p, q);
                var b = reordered.Rounds[t].Evaluate(p, q);
                Assert.True(a == b, $"seed {seed}, round {t} at ({p}, {q}): {a}, with the actions reversed {b}\n{Describe(solution.Game)}");
            }
        }
    }

    private static void Check(int seed, bool bob)
    {
        var solution = Solve(seed);
        var swappedGame = bob ? SwapBob(solution.Game) : SwapSally(solution.Game);
        var swapped = ExactSolver.Solve(swappedGame, solution.LastRound);
        Assert.Equal(solution.LastRound, swapped.LastRound);
        for (int t = 0; t <= solution.LastRound; t++)
        {
            // The breakpoints mirror too.
            var (mine, theirs) = bob
                ? (solution.Rounds[t].PBreakpoints, swapped.Rounds[t].PBreakpoints)
                : (solution.Rounds[t].QBreakpoints, swapped.Rounds[t].QBreakpoints);
            Assert.Equal(mine.Select(x => Rational.One - x).OrderBy(x => x), theirs);
        }
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            var (p2, q2) = bob ? (Rational.One - p, q) : (p, Rational.One - q);
            for (int t = 0; t <= solution.LastRound; t++)
            {
                var a = solution.Rounds[t].Evaluate(p, q);
                var b = swapped.Rounds[t].Evaluate(p2, q2);
                Assert.True(a == b, $"seed {seed}, round {t}: π at ({p}, {q}) = {a} but the swapped game has {b} at ({p2}, {q2})\n{Describe(solution.Game)}");
            }
        }
    }
}
