extern alias generator;

using System.Threading;
using generator::BilateralTrade.Dsl.Generator.Analysis;
using Analyzer = generator::BilateralTrade.Dsl.Games.BaseGameAnalyzer;
using Q = generator::BilateralTrade.Dsl.Numerics.Rational;

namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>
/// The exact "is this action ever played" search used for three or more Bob types agrees with the
/// interval analysis on random games with two Bob types (where both apply), including games built
/// to have ties, and its witnesses are always chosen by the shared tie-break rule.
/// </summary>
public sealed class PlayableActionsTests
{
    private static Q[][][] RandomTable(Random random, int actions, int sallyTypes, int bobTypes, int range) =>
        Enumerable.Range(0, actions).Select(_ =>
            Enumerable.Range(0, sallyTypes).Select(_ =>
                Enumerable.Range(0, bobTypes).Select(_ => (Q)random.Next(-range, range + 1)).ToArray()).ToArray()).ToArray();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void Agrees_with_the_interval_analysis_for_two_bob_types(int seed, int range)
    {
        var random = new Random(seed);
        for (int game = 0; game < 60; game++)
        {
            int actions = random.Next(2, 6);
            var sally = RandomTable(random, actions, 2, 2, range);
            var bob = RandomTable(random, actions, 2, 2, range);
            var responses = Analyzer.AnalyzeTwoBobTypes(sally, bob);
            for (int i = 0; i < 2; i++)
            {
                for (int a = 0; a < actions; a++)
                {
                    bool byIntervals = responses[i].Regions.Any(r => r.Action == a);
                    var outcome = PlayableActions.Find(sally, bob, i, a, CancellationToken.None, out var belief);
                    Assert.NotEqual(PlayableActions.Outcome.TooComplex, outcome);
                    Assert.Equal(byIntervals, outcome == PlayableActions.Outcome.Played);
                    if (belief is not null)
                    {
                        Assert.Equal(Q.One, belief[0] + belief[1]);
                        Assert.Equal(a, Analyzer.ChooseAction(sally, bob, i, belief));
                        Assert.Equal(a, responses[i].ActionAt(belief[1]));
                    }
                }
            }
        }
    }

    [Fact]
    public void Witnesses_for_four_bob_types_are_chosen_by_the_tie_break_rule()
    {
        var random = new Random(4);
        for (int game = 0; game < 20; game++)
        {
            int actions = random.Next(2, 5);
            var sally = RandomTable(random, actions, 1, 4, 2);
            var bob = RandomTable(random, actions, 1, 4, 2);
            for (int a = 0; a < actions; a++)
            {
                var outcome = PlayableActions.Find(sally, bob, 0, a, CancellationToken.None, out var belief);
                if (outcome != PlayableActions.Outcome.Played) continue;
                Assert.NotNull(belief);
                Assert.All(belief!, b => Assert.True(b.Sign >= 0));
                Assert.Equal(Q.One, belief!.Aggregate(Q.Zero, (s, b) => s + b));
                Assert.Equal(a, Analyzer.ChooseAction(sally, bob, 0, belief));
            }
        }
    }
}
