using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;
using static BilateralTrade.Dsl.Runtime.Tests.Properties.RandomGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Properties;

/// <summary>Stabilization, message complexity, determinism and parallel/serial agreement.</summary>
public class SolutionProperties
{
    [Fact]
    public void Section_3_2_stabilizes_from_round_two_and_its_complexity_is_determined()
    {
        var solution = ExactSolver.Solve(Trade32(), 6);
        Assert.Equal(2, solution.StabilizedFrom);
        Assert.Empty(solution.Warnings);
        Assert.Equal(2, solution.ComplexityAt(solution.PriorP, solution.PriorQ).Rounds);
        // Past the last computed round the stable function answers.
        Assert.Equal(solution.Rounds[2].Evaluate(solution.PriorP, solution.PriorQ), solution.Value(40, solution.PriorP, solution.PriorQ));
        foreach (var (p, q) in SampleStates(7, solution))
        {
            var complexity = solution.ComplexityAt(p, q);
            Assert.True(complexity.IsDetermined, $"at ({p}, {q}): {complexity}");
            Assert.InRange(complexity.Rounds!.Value, 0, 2);
            var w = solution.Rounds.Select(f => f.Evaluate(p, q).Welfare).ToList();
            int c = complexity.Rounds.Value;
            // The least t with W^t = lim W^t.
            Assert.True(w.Skip(c).All(x => x == w[^1]), $"at ({p}, {q}): welfare changes after the complexity {c}");
            Assert.True(c == 0 || w[c - 1] != w[^1], $"at ({p}, {q}): welfare already at its limit before {c}");
            for (int t = 2; t <= solution.LastRound; t++) Assert.Equal(solution.Rounds[2].Evaluate(p, q), solution.Rounds[t].Evaluate(p, q));
        }
    }

    /// <summary>
    /// MODEL.md: the tie-breaks make each mover's own payoff upper-semicontinuous along the axis it
    /// refines, so the mover's supremum is always attained; a warning saying otherwise is a bug.
    /// </summary>
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void The_movers_supremum_is_always_attained(int seed)
    {
        var solution = RandomGames.Solve(seed);
        Assert.DoesNotContain(solution.Warnings, w => w.Message.Contains("mover's supremum"));
    }

    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void A_proven_stabilization_holds_at_every_sampled_state(int seed)
    {
        var solution = Solve(seed);
        if (solution.StabilizedFrom is not { } s)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => solution.FunctionAt(solution.LastRound + 1));
            return;
        }
        Assert.InRange(s, 0, solution.LastRound - 2);
        foreach (var (p, q) in SampleStates(seed, solution))
        {
            var stable = solution.Rounds[s].Evaluate(p, q);
            for (int t = s; t <= solution.LastRound + 2; t++)
                Assert.True(solution.Value(t, p, q) == stable, $"seed {seed}: stabilized from {s} but round {t} differs at ({p}, {q})");
            if (s > 0) Assert.True(solution.ComplexityAt(p, q).IsDetermined);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(28)]
    [InlineData(46)]
    [InlineData(68)]
    [InlineData(102)]
    public void Solving_twice_and_serial_versus_parallel_give_identical_answers(int seed)
    {
        var game = Game(seed);
        int rounds = RoundsFor(seed);
        var first = ExactSolver.Solve(game, rounds, new SolveOptions { Parallel = true });
        var again = ExactSolver.Solve(game, rounds, new SolveOptions { Parallel = true });
        var serial = ExactSolver.Solve(game, rounds, new SolveOptions { Parallel = false });
        foreach (var other in new[] { again, serial })
        {
            Assert.Equal(first.LastRound, other.LastRound);
            Assert.Equal(first.StabilizedFrom, other.StabilizedFrom);
            Assert.Equal(first.Warnings, other.Warnings);
            for (int t = 0; t <= first.LastRound; t++)
            {
                var (a, b) = (first.Rounds[t], other.Rounds[t]);
                Assert.Equal(a.PBreakpoints, b.PBreakpoints);
                Assert.Equal(a.QBreakpoints, b.QBreakpoints);
                Assert.Equal(a.Partition, b.Partition);
                // Whole surfaces: every stratum's form on both sides.
                Assert.True(a.Surface.SameFunctions(b.Surface), $"seed {seed}, round {t}: surfaces differ");
                Assert.Equal(a.Surface.Sally, b.Surface.Sally);
                Assert.Equal(a.Surface.Bob, b.Surface.Bob);
            }
            foreach (var (p, q) in SampleStates(seed, first))
            {
                Assert.Equal(first.ValuesAt(p, q), other.ValuesAt(p, q));
                for (int t = 1; t <= first.LastRound; t++) Assert.Equal(first.Rounds[t].SplittingAt(p, q), other.Rounds[t].SplittingAt(p, q));
            }
        }
    }
}
