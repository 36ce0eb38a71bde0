using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class GridSolverTests
{
    private static void AssertValues(GridSolution solution, params (string Sally, string Bob)[] expected)
    {
        var values = solution.ValuesAtPrior();
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.True((R(expected[t].Sally), R(expected[t].Bob)) == (values[t].Sally, values[t].Bob),
                $"{solution.Label}, t={t}: expected ({expected[t].Sally}, {expected[t].Bob}), got ({values[t].Sally}, {values[t].Bob})");
        }
    }

    [Theory]
    [InlineData(15, 60)]
    [InlineData(30, 60)]
    public void Section_3_4_matches_the_paper_exactly_for_two_rounds_on_grids_holding_its_posteriors(int sally, int bob)
    {
        var solution = GridSolver.Solve(Trade34(), 2, new GridSpec(sally, bob));
        AssertValues(solution, ("58/15", "8/5"), ("58/15", "12/5"), ("62/15", "12/5"));
        Assert.Equal(R("33/5"), solution.FirstBestAtPrior);
        Assert.True(solution.IsApproximation);
        Assert.Contains("approximation", solution.Label);
        Assert.Contains($"1/{sally}", solution.Label);
        Assert.Contains($"1/{bob}", solution.Label);
    }

    [Fact]
    public void Section_3_4_protocol_from_the_prior_is_Bayes_plausible_and_reproduces_the_root_values()
    {
        var solution = GridSolver.Solve(Trade34(), 2, new GridSpec(15, 60));
        var root = solution.ProtocolFromPrior();
        Assert.Equal(Player.Sally, root.Split!.Mover);
        AssertTreeConsistent(solution, root);
    }

    [Fact]
    public void Rounds_past_stabilization_are_shared_not_solved_and_equal_what_a_solve_would_give()
    {
        // 1/15 × 1/60 stops changing from round 4 (docs/multi-type.md): 200 rounds used to mean 200 solves.
        var solution = GridSolver.Solve(Trade34(), 200, new GridSpec(15, 60));
        Assert.Equal(200, solution.LastRound);
        Assert.Equal(StopReason.Completed, solution.StopReason);
        Assert.Equal(4, solution.StabilizedFrom);
        var values = solution.ValuesAtPrior();
        Assert.Equal(201, values.Count);
        Assert.All(values.Skip(4), v => Assert.Equal((values[4].Sally, values[4].Bob), (v.Sally, v.Bob)));
        for (int t = 7; t <= 200; t++)
        {
            // Rounds past the proof reuse the stored arrays of the round two before (same mover).
            Assert.Same(solution.RoundData(t - 2).Sally, solution.RoundData(t).Sally);
            Assert.Equal(t % 2 == 1 ? Player.Bob : Player.Sally, solution.RoundData(t).Mover);
            Assert.Equal(t, solution.RoundData(t).Number);
        }
        // What solving them would give: recompute rounds 7 and 8 from the stored previous rounds.
        var parallel = new ParallelOptions();
        for (int t = 7; t <= 8; t++)
        {
            var mover = t % 2 == 1 ? Player.Bob : Player.Sally;
            var solved = GridSolver.Round(t, mover, solution.RoundData(t - 1), solution.SallyGrid, solution.BobGrid, parallel);
            var stored = solution.RoundData(t);
            Assert.Equal(solved.Sally, stored.Sally);
            Assert.Equal(solved.Bob, stored.Bob);
            Assert.Equal(solved.Moves!.Select(m => (string.Join(",", m.Posteriors), string.Join(",", m.Weights), m.VoluntaryBinds)),
                stored.Moves!.Select(m => (string.Join(",", m.Posteriors), string.Join(",", m.Weights), m.VoluntaryBinds)));
        }
        Assert.Equal(solution.ProtocolFromPrior(6).Payoffs, solution.ProtocolFromPrior(200).Payoffs);
        Assert.Equal(solution.SplittingAt(5, solution.SallyPriorIndex, solution.BobPriorIndex)?.Posteriors.Select(p => p.Weight),
            solution.SplittingAt(199, solution.SallyPriorIndex, solution.BobPriorIndex)?.Posteriors.Select(p => p.Weight));
    }

    [Fact]
    public void A_grid_with_too_many_states_is_a_grid_input_error_raised_before_any_work()
    {
        var e = Assert.Throws<GridInputException>(() => GridSolver.Solve(Trade34(), 1, new GridSpec(5, 6000)));
        Assert.Contains("grid states are too many", e.Message);
        Assert.Contains("e.g. 60,60 (115351 states)", e.Message);
        Assert.Equal(new GridSpec(60, 60), e.SuggestedGrid);
        Assert.Equal(115_351, GridSolver.Validate(Trade34(), e.SuggestedGrid!));
    }

    [Fact]
    public void Grid_message_complexity_follows_the_one_rule_of_MessageComplexity_From()
    {
        // Reaches W* at t = 3 on 1/15 × 1/60.
        var efficient = GridSolver.Solve(Trade34(), 4, new GridSpec(15, 60));
        Assert.Equal("grid model, the grid of step 1/15 on Sally's types and 1/60 on Bob's: welfare reaches first best 33/5 at round 3",
            efficient.ComplexityAtPrior().Reason);
        Assert.Equal(3, efficient.FirstRoundReachingFirstBest(efficient.SallyPriorIndex, efficient.BobPriorIndex));
        // Too few rounds to tell.
        var early = GridSolver.Solve(Trade34(), 2, new GridSpec(15, 60));
        Assert.Equal(new MessageComplexity(null, "grid model, the grid of step 1/15 on Sally's types and 1/60 on Bob's: welfare still changes at round 2 of 2; compute more rounds"),
            early.ComplexityAtPrior());
        Assert.Null(early.FirstRoundReachingFirstBest(early.SallyPriorIndex, early.BobPriorIndex));
        // Not a bilateral trade: stabilization is the only proof; the same answer as the rule applied by hand.
        var spy = GridSolver.Solve(Spy(), 8, 2);
        var welfare = spy.ValuesAtPrior().Select(v => v.Welfare).ToList();
        var expected = MessageComplexity.From(welfare, null, spy.StabilizedFrom, "grid model, the grid of step 1/2: ", "the values at every grid state");
        Assert.Equal(expected, spy.ComplexityAtPrior());
        Assert.Null(spy.FirstRoundReachingFirstBest(spy.SallyPriorIndex, spy.BobPriorIndex));
        Assert.NotNull(spy.StabilizedFrom);
        Assert.EndsWith($"the values at every grid state stop changing from round {spy.StabilizedFrom}", spy.ComplexityAtPrior().Reason);
    }

    [Theory]
    [InlineData(1, 1)]        // 1: one bit, one digit
    [InlineData(10, 4)]       // 512 .. 1023: ⌈3.01⌉
    [InlineData(100_000, 30_104)] // 100000 · 0.30103 is 30103.000000000004 in doubles
    [InlineData(300_000, 90_309)] // exactly 90309.0: ⌈⌉ gives 90309, the old floor + 1 said 90310
    public void Grid_rounds_count_digits_like_the_exact_solver(int bits, int digits)
    {
        var big = new Rational(System.Numerics.BigInteger.One << (bits - 1), 1);
        var round = new GridRound(0, null, [big, Rational.Zero], [Rational.One, Rational.One], null, null);
        Assert.Equal(digits, round.Digits());
        Assert.Equal(DecimalDigits.FromBits(bits), round.Digits());
    }

    [Fact]
    public void A_coarse_grid_differs_from_the_paper_and_says_it_is_an_approximation()
    {
        var solution = GridSolver.Solve(Trade34(), 1, 15);
        Assert.Equal("approximation: beliefs restricted to the grid of step 1/15", solution.Label);
        Assert.Equal(15, solution.GridDenominator);
        Assert.NotEqual(R("12/5"), solution.ValuesAtPrior()[1].Bob); // Bob's optimal posteriors are not on this grid
    }

    [Fact]
    public void A_prior_off_the_grid_is_an_error_that_names_a_grid_that_fits()
    {
        var e = Assert.Throws<GridInputException>(() => GridSolver.Solve(Trade34(), 1, 12));
        Assert.Contains("multiple of 5", e.Message);
        Assert.Equal(new GridSpec(60, 12), e.SuggestedGrid); // the requested grid, refined to hold the priors
        Assert.IsAssignableFrom<ArgumentException>(e);
        var bob = Assert.Throws<GridInputException>(() => MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Grid = new GridSpec(5, 4) }));
        Assert.StartsWith("Bob's prior (1/3, 1/3, 1/3) is not on the grid of step 1/4; use a multiple of 3.", bob.Message);
        Assert.Equal(new GridSpec(5, 12), bob.SuggestedGrid);
        Assert.Equal(new GridSpec(5, 3), GridSolver.GridFor(Trade34()));
        Assert.Equal(new GridSpec(15, 60), GridSolver.GridFor(Trade34(), 3, 20));
    }

    [Theory]
    [InlineData("trade-3.2", 12, 4)]
    [InlineData("trade-3.1", 12, 3)]
    [InlineData("spy", 18, 2)]
    public void Two_type_games_agree_with_the_exact_solver_where_the_grid_holds_the_exact_posteriors(string name, int n, int rounds)
    {
        var game = name switch { "trade-3.2" => Trade32(), "trade-3.1" => Trade31(), _ => Spy() };
        var exact = ExactSolver.Solve(game, rounds).ValuesAtPrior();
        var grid = GridSolver.Solve(game, rounds, n).ValuesAtPrior();
        Assert.Equal(exact.Select(v => (v.Sally, v.Bob)), grid.Select(v => (v.Sally, v.Bob)));
    }

    [Fact]
    public void Trade_3_2_on_the_grid_uses_the_papers_two_round_protocol()
    {
        var solution = GridSolver.Solve(Trade32(), 2, 12);
        var split = solution.ProtocolFromPrior().Split!;
        Assert.Equal(Player.Sally, split.Mover);
        var posteriors = split.Posteriors.OrderBy(p => p.Belief[1]).ToArray();
        Assert.Equal(Rs("1", "0"), posteriors[0].Belief);
        Assert.Equal(R("1/4"), posteriors[0].Weight);
        Assert.Equal(Rs("1/3", "2/3"), posteriors[1].Belief);
        Assert.Equal(R("3/4"), posteriors[1].Weight);
        Assert.Equal(2, solution.ComplexityAtPrior().Rounds);
        Assert.Contains("grid model", solution.ComplexityAtPrior().Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_games_keep_the_model_properties_at_every_grid_state(int seed)
    {
        var random = new Random(seed);
        int sallyTypes = random.Next(2, 4), bobTypes = 3;
        var game = RandomGame(random, sallyTypes, bobTypes);
        var solution = GridSolver.Solve(game, 4, new GridSpec(6, sallyTypes == 2 ? 6 : 3), new SolveOptions { Parallel = seed % 2 == 0 });
        for (int s = 0; s < solution.SallyGrid.Count; s++)
        {
            for (int b = 0; b < solution.BobGrid.Count; b++)
            {
                for (int t = 1; t <= solution.LastRound; t++)
                {
                    var before = solution.Value(t - 1, s, b);
                    var after = solution.Value(t, s, b);
                    Assert.True(after.Sally >= before.Sally && after.Bob >= before.Bob, $"payoffs decreased at round {t}");
                    if (solution.SplittingAt(t, s, b) is { } split) AssertBayesPlausible(split);
                }
            }
        }
        AssertTreeConsistent(solution, solution.ProtocolFromPrior());
    }

    [Fact]
    public void Random_bilateral_trades_stay_below_first_best_and_are_monotone()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 3; trial++)
        {
            var game = RandomTrade(random, 2, 3);
            var solution = GridSolver.Solve(game, 4, new GridSpec(6, 6));
            for (int s = 0; s < solution.SallyGrid.Count; s++)
                for (int b = 0; b < solution.BobGrid.Count; b++)
                {
                    var best = solution.FirstBestAt(s, b)!.Value;
                    for (int t = 0; t <= solution.LastRound; t++) Assert.True(solution.Value(t, s, b).Welfare <= best);
                }
        }
    }

    [Fact]
    public void Parallel_and_sequential_solves_agree()
    {
        var game = RandomTrade(new Random(11), 3, 3);
        var a = GridSolver.Solve(game, 3, new GridSpec(6, 6), new SolveOptions { Parallel = true });
        var b = GridSolver.Solve(game, 3, new GridSpec(6, 6), new SolveOptions { Parallel = false });
        for (int s = 0; s < a.SallyGrid.Count; s++)
            for (int j = 0; j < a.BobGrid.Count; j++)
                Assert.Equal(a.Value(3, s, j), b.Value(3, s, j));
    }

    internal static void AssertBayesPlausible(GridSplitting split)
    {
        Assert.Equal(Rational.One, split.Posteriors.Aggregate(Rational.Zero, (acc, p) => acc + p.Weight));
        Assert.All(split.Posteriors, p => Assert.True(p.Weight.Sign > 0));
        for (int i = 0; i < split.From.Count; i++)
            Assert.Equal(split.From[i], split.Posteriors.Aggregate(Rational.Zero, (acc, p) => acc + p.Weight * p.Belief[i]));
    }

    internal static void AssertTreeConsistent(GridSolution solution, GridProtocolNode root)
    {
        Rational sally = Rational.Zero, bob = Rational.Zero;
        foreach (var node in root.Descendants())
        {
            if (node.Split is { } split) AssertBayesPlausible(split);
            if (!node.IsLeaf)
            {
                var childPayoffs = node.Children.Aggregate((Rational.Zero, Rational.Zero), (acc, c) =>
                    (acc.Item1 + c.Probability * c.Payoffs.Sally, acc.Item2 + c.Probability * c.Payoffs.Bob));
                Assert.Equal((node.Probability * node.Payoffs.Sally, node.Probability * node.Payoffs.Bob), childPayoffs);
                continue;
            }
            // A leaf: Sally's actions per type at the leaf's belief give its π^0.
            var game = solution.Game;
            Rational ls = Rational.Zero, lb = Rational.Zero;
            for (int i = 0; i < node.SallyBelief.Count; i++)
                for (int j = 0; j < node.BobBelief.Count; j++)
                {
                    var w = node.SallyBelief[i] * node.BobBelief[j];
                    ls += w * game.Utility(Player.Sally, node.SallyActions![i], i, j);
                    lb += w * game.Utility(Player.Bob, node.SallyActions![i], i, j);
                }
            Assert.Equal((ls, lb), (node.Payoffs.Sally, node.Payoffs.Bob));
            sally += node.Probability * ls;
            bob += node.Probability * lb;
        }
        Assert.Equal((root.Payoffs.Sally, root.Payoffs.Bob), (sally, bob));
    }

    internal static GameDefinition RandomGame(Random random, int sallyTypes, int bobTypes)
    {
        string[] actions = ["A", "B", "C"];
        Rational[][][] Table() => actions.Select(_ => Enumerable.Range(0, sallyTypes)
            .Select(_ => Enumerable.Range(0, bobTypes).Select(_ => (Rational)random.Next(-3, 4)).ToArray()).ToArray()).ToArray();
        var sally = Table();
        var bob = Table();
        return new GameDefinition("random", null,
            Enumerable.Range(0, sallyTypes).Select(i => "s" + i).ToArray(), Enumerable.Range(0, bobTypes).Select(i => "b" + i).ToArray(),
            actions, sally, bob, Uniform(sallyTypes), Uniform(bobTypes));
    }

    internal static GameDefinition RandomTrade(Random random, int costs, int values)
    {
        var c = Enumerable.Range(0, 20).OrderBy(_ => random.Next()).Take(costs).OrderBy(x => x).Select(x => (Rational)x).ToArray();
        var v = Enumerable.Range(1, 20).OrderBy(_ => random.Next()).Take(values).OrderBy(x => x).Select(x => (Rational)x).ToArray();
        return GameDefinition.CreateBilateralTrade("random-trade", null, c, v, Uniform(costs), Uniform(values));
    }

    private static Rational[] Uniform(int n) => Enumerable.Repeat(new Rational(1, n), n).ToArray();
}
