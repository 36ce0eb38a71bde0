using System.Reflection;
using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>
/// The compile-time analysis of every built-in game (the generated BaseGame) equals the run-time
/// analysis of its Definition and of the same game loaded from games/*.json.
/// </summary>
public sealed class BaseGameAgreementTests
{
    private static readonly Lazy<Assembly> Games = new(GeneratorHarness.LoadBuiltInGames);

    public static TheoryData<string, string> BuiltIns => new()
    {
        { "BilateralTrade.Dsl.Games.BuiltIn.SpyGame", "spy.json" },
        { "BilateralTrade.Dsl.Games.BuiltIn.TradeSection31", "trade-3.1.json" },
        { "BilateralTrade.Dsl.Games.BuiltIn.TradeSection32", "trade-3.2.json" },
        { "BilateralTrade.Dsl.Games.BuiltIn.TradeSection34", "trade-3.4.json" },
    };

    private static Type GameClass(string name) => Games.Value.GetType(name, throwOnError: true)!;

    private static GameDefinition Definition(Type game) =>
        (GameDefinition)game.GetProperty("Definition")!.GetValue(null)!;

    private static object? BaseGameProperty(Type game, string property) =>
        game.GetNestedType("BaseGame")!.GetProperty(property)!.GetValue(null);

    private static GameDefinition FromFile(string file) =>
        GameFileLoader.Load(Path.Combine(GeneratorHarness.RepositoryRoot, "games", file));

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Definition_is_valid_and_equals_the_json_game_file(string className, string file)
    {
        var generated = Definition(GameClass(className));
        var loaded = FromFile(file);
        Assert.Empty(generated.Validate());
        Assert.Equal(loaded.Name, generated.Name);
        Assert.Equal(loaded.Title, generated.Title);
        Assert.Equal(loaded.SallyTypes.ToArray(), generated.SallyTypes.ToArray());
        Assert.Equal(loaded.BobTypes.ToArray(), generated.BobTypes.ToArray());
        Assert.Equal(loaded.Actions.ToArray(), generated.Actions.ToArray());
        Assert.Equal(loaded.SallyPrior.ToArray(), generated.SallyPrior.ToArray());
        Assert.Equal(loaded.BobPrior.ToArray(), generated.BobPrior.ToArray());
        Assert.Equal(loaded.BilateralTrade is null, generated.BilateralTrade is null);
        for (int a = 0; a < loaded.Actions.Length; a++)
            for (int i = 0; i < loaded.SallyTypes.Length; i++)
                for (int j = 0; j < loaded.BobTypes.Length; j++)
                    foreach (var player in new[] { Player.Sally, Player.Bob })
                        Assert.Equal(loaded.Utility(player, a, i, j), generated.Utility(player, a, i, j));
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Compile_time_base_game_equals_the_run_time_analysis(string className, string file)
    {
        var game = GameClass(className);
        var definition = Definition(game);
        var loaded = FromFile(file);
        if (definition.BobTypes.Length <= 2)
        {
            var compileTime = (IReadOnlyList<SallyBestResponse>)BaseGameProperty(game, "BestResponses")!;
            var thresholds = (IReadOnlyList<IReadOnlyList<Rational>>)BaseGameProperty(game, "Thresholds")!;
            var regions = (IReadOnlyList<IReadOnlyList<ActionRegion>>)BaseGameProperty(game, "Regions")!;
            foreach (var runTime in new[] { definition.AnalyzeBaseGame(), loaded.AnalyzeBaseGame() })
            {
                Assert.Equal(runTime.Count, compileTime.Count);
                for (int i = 0; i < runTime.Count; i++)
                {
                    Assert.True(runTime[i].SameAs(compileTime[i]), $"type {i}: {string.Join("; ", runTime[i].Regions)} vs {string.Join("; ", compileTime[i].Regions)}");
                    Assert.Equal(runTime[i].Breakpoints, thresholds[i]);
                    Assert.Equal(runTime[i].Regions, regions[i]);
                }
            }
        }
        else
        {
            // Three or more Bob types: the linear forms are the payoff rows, and every belief the
            // compile time names as a witness makes the run time choose that action.
            var sallyForms = (IReadOnlyList<IReadOnlyList<IReadOnlyList<Rational>>>)BaseGameProperty(game, "SallyForms")!;
            var bobForms = (IReadOnlyList<IReadOnlyList<IReadOnlyList<Rational>>>)BaseGameProperty(game, "BobForms")!;
            var witnesses = (IReadOnlyList<IReadOnlyList<IReadOnlyList<Rational>?>>)BaseGameProperty(game, "Witnesses")!;
            for (int i = 0; i < loaded.SallyTypes.Length; i++)
            {
                for (int a = 0; a < loaded.Actions.Length; a++)
                {
                    for (int j = 0; j < loaded.BobTypes.Length; j++)
                    {
                        Assert.Equal(loaded.Utility(Player.Sally, a, i, j), sallyForms[i][a][j]);
                        Assert.Equal(loaded.Utility(Player.Bob, a, i, j), bobForms[i][a][j]);
                    }
                    if (witnesses[i][a] is { } belief)
                    {
                        Assert.Equal(a, loaded.SallyAction(i, belief));
                        Assert.Equal(a, definition.SallyAction(i, belief));
                    }
                }
            }
        }
    }

    [Fact]
    public void In_section_3_4_no_trade_is_never_played_and_every_price_is()
    {
        var witnesses = (IReadOnlyList<IReadOnlyList<IReadOnlyList<Rational>?>>)BaseGameProperty(
            GameClass("BilateralTrade.Dsl.Games.BuiltIn.TradeSection34"), "Witnesses")!;
        foreach (var type in witnesses)
        {
            Assert.All(type.Take(3), w => Assert.NotNull(w));
            Assert.Null(type[3]);
        }
        // No trade loses to "price 3" at every belief, since every value is at least 3 > every cost.
        var game = FromFile("trade-3.4.json");
        var random = new Random(34);
        for (int k = 0; k < 200; k++)
        {
            var raw = Enumerable.Range(0, 3).Select(_ => random.Next(0, 20)).ToArray();
            if (raw.Sum() == 0) continue;
            var belief = raw.Select(x => new Rational(x, raw.Sum())).ToArray();
            Assert.NotEqual(3, game.SallyAction(k % 2, belief));
        }
    }

    [Fact]
    public void The_registry_lists_every_built_in_game_by_name()
    {
        var registry = Games.Value.GetType("BilateralTrade.Dsl.Generated.BuiltInGames", throwOnError: true)!;
        var all = (IReadOnlyList<GameDefinition>)registry.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(new[] { "spy", "trade-3.1", "trade-3.2", "trade-3.4" }, all.Select(g => g.Name));
        var find = registry.GetMethod("Find")!;
        Assert.Same(all[0], find.Invoke(null, new object[] { "spy" }));
        Assert.Null(find.Invoke(null, new object[] { "nope" }));
    }
}
