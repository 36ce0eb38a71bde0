using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Simplex.Sweep;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class ConjectureSweepTests
{
    private static readonly SweepOptions Small = new() { Seed = 42, Count = 12, GridDenominator = 6, RoundBudget = 4 };

    private static IEnumerable<string> Fingerprint(SweepResult r) => r.Instances.Select(i =>
        $"{i.Index}|{i.GameFileJson}|{string.Join(";", i.Rounds.Select(v => $"{v.Sally},{v.Bob}"))}|{i.Complexity}");

    [Fact]
    public void The_same_seed_gives_the_same_instances_and_results_in_parallel_or_not()
    {
        var a = ConjectureSweep.Run(Small);
        var b = ConjectureSweep.Run(Small with { Parallel = false });
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(12, a.Instances.Count);
        Assert.NotEqual(Fingerprint(a), Fingerprint(ConjectureSweep.Run(Small with { Seed = 43 })));
        Assert.Contains("approximation", a.Label);
        Assert.Equal(12, a.ComplexityDistribution.Values.Sum());
        Assert.True(a.InstancesPerSecond > 0);
        // Exact early rounds never beat first best, and an exactly efficient round is efficient on a grid holding its posteriors or not at all.
        Assert.All(a.Instances, i => Assert.All(i.ExactRounds, r => Assert.True(r.Welfare <= i.FirstBest)));
        Assert.All(a.Open, i => Assert.False(i.Efficient));
    }

    [Fact]
    public void The_union_of_the_shards_is_the_whole_run()
    {
        var whole = ConjectureSweep.Run(Small);
        var shards = Enumerable.Range(0, 3).Select(i => ConjectureSweep.Run(Small with { ShardIndex = i, ShardCount = 3 })).ToArray();
        for (int i = 0; i < 3; i++) Assert.All(shards[i].Instances, x => Assert.Equal(i, x.Index % 3));
        var union = shards.SelectMany(s => s.Instances).OrderBy(x => x.Index).ToList();
        Assert.Equal(Fingerprint(whole), Fingerprint(whole with { Instances = union }));
    }

    [Fact]
    public void Instances_have_three_values_two_or_three_costs_and_priors_on_the_grid()
    {
        for (int k = 0; k < 30; k++)
        {
            var game = ConjectureSweep.Instance(Small, k);
            Assert.Equal(3, game.BobTypes.Length);
            Assert.InRange(game.SallyTypes.Length, 2, 3);
            Assert.True(new SimplexGrid(game.SallyTypes.Length, 6).IndexOf(game.SallyPrior) >= 0);
            Assert.True(new SimplexGrid(3, 6).IndexOf(game.BobPrior) >= 0);
            Assert.All(game.SallyPrior.Concat(game.BobPrior), p => Assert.True(p.Sign > 0));
        }
    }

    [Fact]
    public void Instances_come_from_a_fully_specified_stream_not_System_Random()
    {
        // SplitMix64's reference outputs for state 0 (Vigna's splitmix64.c).
        var stream = new SplitMix64(0);
        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL], new[] { stream.NextUInt64(), stream.NextUInt64(), stream.NextUInt64() });
        // Pinned instance contents: these change only if the sweep's drawing changes (then update docs/multi-type.md).
        var game = ConjectureSweep.Instance(Small, 0);
        Assert.Equal(Rs("8", "12", "17"), game.BilateralTrade!.Costs.ToArray());
        Assert.Equal(Rs("7", "12", "14"), game.BilateralTrade.Values.ToArray());
        Assert.Equal(Rs("1/2", "1/3", "1/6"), game.SallyPrior.ToArray());
        Assert.Equal(Rs("1/3", "1/2", "1/6"), game.BobPrior.ToArray());
        // Instance 16 of seed 1 (docs/multi-type.md): grid-inefficient on 1/6, exactly efficient at t = 1.
        var open = ConjectureSweep.Instance(new SweepOptions { Seed = 1, GridDenominator = 6 }, 16);
        Assert.Equal(Rs("2", "8", "19"), open.BilateralTrade!.Costs.ToArray());
        Assert.Equal(Rs("3", "8", "16"), open.BilateralTrade.Values.ToArray());
        Assert.Equal(Rs("1/3", "1/6", "1/2"), open.SallyPrior.ToArray());
        Assert.Equal(Rs("1/6", "1/3", "1/2"), open.BobPrior.ToArray());
        var grid = GridSolver.Solve(open, 3, 6);
        Assert.Equal(R("199/54"), grid.ValuesAtPrior()[^1].Welfare);
        Assert.Equal(1, grid.StabilizedFrom);
        Assert.Equal(R("67/18"), ExactEarlyRounds.AtPrior(open)[1].Welfare);
        Assert.Equal(R("67/18"), open.FirstBestWelfare);
        // Bounded draws stay in range and hit every value.
        var draws = Enumerable.Range(0, 2000).Select(_ => stream.Next(3, 8)).ToList();
        Assert.Equal([3, 4, 5, 6, 7], draws.Distinct().Order());
    }

    [Fact]
    public void Game_files_of_instances_load_back_to_the_same_game()
    {
        foreach (var instance in ConjectureSweep.Run(Small).Instances.Take(4))
        {
            var loaded = GameFileLoader.LoadFromText(instance.GameFileJson, "sweep.json");
            Assert.Equal(instance.Game.SallyPrior.ToArray(), loaded.SallyPrior.ToArray());
            Assert.Equal(instance.Game.BobPrior.ToArray(), loaded.BobPrior.ToArray());
            Assert.Equal(instance.Game.BilateralTrade!.Costs.ToArray(), loaded.BilateralTrade!.Costs.ToArray());
            Assert.Equal(instance.Game.BilateralTrade.Values.ToArray(), loaded.BilateralTrade.Values.ToArray());
            var again = GridSolver.Solve(loaded, 4, 6).ValuesAtPrior();
            Assert.Equal(instance.Rounds.Select(v => (v.Sally, v.Bob)), again.Select(v => (v.Sally, v.Bob)));
        }
    }

    [Fact]
    public void A_grid_too_coarse_for_the_random_priors_is_a_grid_input_error_raised_up_front()
    {
        var e = Assert.Throws<GridInputException>(() => ConjectureSweep.Run(Small with { GridDenominator = 2 }));
        Assert.Contains("need a grid of step 1/3 or finer, got 1/2", e.Message);
        Assert.Equal(new GridSpec(6), e.SuggestedGrid);
        Assert.Throws<GridInputException>(() => ConjectureSweep.Run(Small with { GridDenominator = 5000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConjectureSweep.Run(Small with { MinCosts = 3, MaxCosts = 2 }));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/8", 3, 8)]
    public void Shards_parse_as_i_over_n(string text, int i, int n) => Assert.Equal((i, n), SweepOptions.ParseShard(text));

    [Theory]
    [InlineData("8/8")]
    [InlineData("1")]
    [InlineData("-1/2")]
    public void Bad_shards_are_rejected(string text) => Assert.Throws<FormatException>(() => SweepOptions.ParseShard(text));
}
