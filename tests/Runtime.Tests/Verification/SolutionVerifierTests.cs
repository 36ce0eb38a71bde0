using System.Diagnostics;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;
using BilateralTrade.Dsl.Runtime.Tests.Properties;
using BilateralTrade.Dsl.Solving;
using BilateralTrade.Dsl.Verification;
using Xunit.Abstractions;

namespace BilateralTrade.Dsl.Runtime.Tests.Verification;

/// <summary>
/// The verifier passes the solver's answers (paper games, seeded random games) and fails on
/// deliberately corrupted ones fed through the <see cref="IRoundFunctions"/> seam.
/// </summary>
public sealed class SolutionVerifierTests(ITestOutputHelper output)
{
    private static Rational R(string text) => Rational.Parse(text);

    [Fact]
    public void The_spy_game_verifies_for_six_rounds()
    {
        var watch = Stopwatch.StartNew();
        var report = SolutionVerifier.Verify(ExactSolver.Solve(PaperGames.Spy(), 6));
        output.WriteLine($"{report.Summary} in {watch.ElapsedMilliseconds} ms");
        Assert.True(report.Passed, string.Join("\n", report.Violations));
        Assert.True(report.Splittings > 10, report.Summary);
        Assert.True(report.States >= 6 * 25, report.Summary);
        Assert.StartsWith("verified: ", report.Summary);
        Assert.EndsWith(" states, no violations", report.Summary);
    }

    [Theory]
    [InlineData("trade-3.1")]
    [InlineData("trade-3.2")]
    public void The_bilateral_trade_games_verify(string name)
    {
        var game = name == "trade-3.1" ? PaperGames.Trade31() : PaperGames.Trade32();
        var report = SolutionVerifier.Verify(ExactSolver.Solve(game, 4), new VerifyOptions { GridSize = 6 });
        Assert.True(report.Passed, string.Join("\n", report.Violations));
    }

    public static IEnumerable<object[]> Seeds() => RandomGames.All();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seeded_random_games_verify(int seed)
    {
        var report = SolutionVerifier.Verify(RandomGames.Solve(seed), new VerifyOptions { GridSize = 3 });
        Assert.True(report.Passed, RandomGames.Describe(RandomGames.Game(seed)) + "\n" + string.Join("\n", report.Violations));
    }

    [Fact]
    public void A_value_raised_at_one_state_is_caught_as_not_optimal_or_not_monotone()
    {
        var solution = ExactSolver.Solve(PaperGames.Spy(), 3);
        // π^2 at the prior raised for Sally: round 3's brute force (Bob's splitting at q = 1/2) and round 2's own checks see it.
        var corrupted = new Altered(new SolutionFunctions(solution))
        {
            Value = (t, p, q, v) => t == 2 && p == Rational.Half && q == Rational.Half ? v with { Sally = v.Sally + 1 } : v,
        };
        var report = SolutionVerifier.Verify(corrupted, Rational.Half, Rational.Half);
        foreach (var v in report.Violations) output.WriteLine(v.ToString());
        Assert.False(report.Passed);
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Optimality && v.Round == 2);
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Monotonicity && v.Round == 3);
        Assert.StartsWith("verification failed: ", report.Summary);
    }

    [Fact]
    public void A_whole_round_shifted_by_a_constant_is_caught()
    {
        var solution = ExactSolver.Solve(PaperGames.Trade32(), 2);
        var corrupted = new Altered(new SolutionFunctions(solution))
        {
            Value = (t, p, q, v) => t == 1 ? v with { Bob = v.Bob - R("1/100") } : v,
        };
        var report = SolutionVerifier.Verify(corrupted, R("1/3"), R("1/2"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Monotonicity && v.Round == 1);
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Optimality && v.Round == 1);
    }

    [Fact]
    public void A_splitting_that_is_not_bayes_plausible_is_caught()
    {
        var solution = ExactSolver.Solve(PaperGames.Trade32(), 1);
        // Section 3.2: Bob splits p = 1/3 into 1/4 and 1/2. The corrupted splitting reports 1/2 and 1 instead:
        // both posteriors lie above p = 1/3, so no weights average them to 1/3 (not Bayes-plausible).
        var corrupted = new Altered(new SolutionFunctions(solution))
        {
            Split = (t, p, q, s) => s is null ? null : s with { Low = s.High, High = R("1") },
        };
        var report = SolutionVerifier.Verify(corrupted, R("1/3"), R("1/2"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.BayesPlausibility && v.Round == 1 && v.P == R("1/3"));
    }

    [Fact]
    public void A_suboptimal_but_plausible_splitting_is_caught_by_its_value()
    {
        var solution = ExactSolver.Solve(PaperGames.Trade32(), 1);
        Assert.Equal(new Splitting(Player.Bob, R("1/3"), R("1/4"), R("1/2")), solution.Rounds[1].SplittingAt(R("1/3"), R("1/2")));
        var corrupted = new Altered(new SolutionFunctions(solution))
        {
            Split = (t, p, q, s) => s is null ? null : s with { Low = Rational.Zero, High = Rational.One },
        };
        var report = SolutionVerifier.Verify(corrupted, R("1/3"), R("1/2"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.SplittingValue && v.Round == 1);
    }

    [Fact]
    public void Breakpoints_hidden_from_the_verifier_make_the_solution_look_wrong()
    {
        // Without π^0's breakpoints (only 0 and 1 left) the brute force cannot reach the solver's
        // posteriors, so the verifier must disagree: it really searches over the breakpoints it is given.
        var solution = ExactSolver.Solve(PaperGames.Spy(), 1);
        var corrupted = new Altered(new SolutionFunctions(solution)) { HideBreakpoints = true };
        var report = SolutionVerifier.Verify(corrupted, Rational.Half, Rational.Half);
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Optimality && v.Round == 1);
    }

    [Fact]
    public void A_protocol_tree_that_disagrees_with_the_functions_is_caught()
    {
        var solution = ExactSolver.Solve(PaperGames.Trade32(), 2);
        var corrupted = new Altered(new SolutionFunctions(solution)) { WrongTree = true };
        var report = SolutionVerifier.Verify(corrupted, R("1/3"), R("1/2"));
        Assert.Contains(report.Violations, v => v.Kind == ViolationKind.Protocol);
    }

    /// <summary>A solution with parts altered on purpose.</summary>
    private sealed class Altered(IRoundFunctions inner) : IRoundFunctions
    {
        public Func<int, Rational, Rational, PayoffPair, PayoffPair> Value { get; init; } = (_, _, _, v) => v;
        public Func<int, Rational, Rational, Splitting?, Splitting?> Split { get; init; } = (_, _, _, s) => s;
        public bool HideBreakpoints { get; init; }
        public bool WrongTree { get; init; }

        public int LastRound => inner.LastRound;
        public PayoffPair Evaluate(int round, Rational p, Rational q) => Value(round, p, q, inner.Evaluate(round, p, q));
        public Splitting? SplittingAt(int round, Rational p, Rational q) => Split(round, p, q, inner.SplittingAt(round, p, q));
        public IReadOnlyList<Rational> PBreakpoints(int round) => HideBreakpoints ? [Rational.Zero, Rational.One] : inner.PBreakpoints(round);
        public IReadOnlyList<Rational> QBreakpoints(int round) => HideBreakpoints ? [Rational.Zero, Rational.One] : inner.QBreakpoints(round);

        public ProtocolNode ProtocolFrom(Rational p, Rational q, int round)
        {
            var root = inner.ProtocolFrom(p, q, round);
            if (!WrongTree) return root;
            var leaf = root;
            while (!leaf.IsLeaf) leaf = leaf.Children[0];
            return Replace(root, leaf);
        }

        // The same tree with one leaf's payoffs changed.
        private static ProtocolNode Replace(ProtocolNode node, ProtocolNode target) => node == target
            ? new ProtocolNode(node.Round, node.P, node.Q, node.Probability, node.Payoffs with { Bob = node.Payoffs.Bob + 1 }, node.Split, node.Children, node.SallyActions)
            : new ProtocolNode(node.Round, node.P, node.Q, node.Probability, node.Payoffs, node.Split, node.Children.Select(c => Replace(c, target)).ToList(), node.SallyActions);
    }
}
