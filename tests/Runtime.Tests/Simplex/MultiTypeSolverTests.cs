using System.Text.Json;
using BilateralTrade.Dsl.Simplex;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class MultiTypeSolverTests
{
    [Fact]
    public void Section_3_4_report_marks_the_exactly_confirmed_rounds_and_labels_the_rest()
    {
        var report = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(15, 60) });
        Assert.True(report.IsApproximation);
        Assert.Equal(new[] { true, true, true, false }, report.Rounds.Select(r => r.GridValueIsExact));
        Assert.Equal(R("33/5"), report.FirstBest);
        Assert.Equal(3, report.Complexity.Rounds);
        Assert.Contains("grid model", report.Complexity.Reason);
        Assert.Contains(report.Notes, n => n.Contains("approximation"));

        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("trade-3.4", root.GetProperty("game").GetString());
        Assert.True(root.GetProperty("approximation").GetBoolean());
        Assert.Equal("approximation: beliefs restricted to the grid of step 1/15 on Sally's types and 1/60 on Bob's", root.GetProperty("label").GetString());
        var rounds = root.GetProperty("rounds");
        Assert.Equal("98/15", rounds[2].GetProperty("welfare").GetString());
        Assert.Equal("33/5", rounds[3].GetProperty("welfare").GetString());
        Assert.True(root.GetProperty("messageComplexity").GetProperty("gridBased").GetBoolean());
        var protocol = root.GetProperty("protocol");
        Assert.Equal("bob", protocol.GetProperty("mover").GetString());
        Assert.Equal(3, protocol.GetProperty("bobBelief").GetArrayLength());
    }

    [Fact]
    public void The_default_grid_holds_the_prior_and_is_at_least_as_fine_as_a_twelfth()
    {
        Assert.Equal(new GridSpec(20, 12), MultiTypeSolver.DefaultGrid(Trade34()));
        var report = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 1 });
        Assert.Equal(2, report.Rounds.Count);
        Assert.True(report.Rounds[0].GridValueIsExact);
        Assert.Equal("approximation: beliefs restricted to the grid of step 1/20 on Sally's types and 1/12 on Bob's", report.Label);
    }
}
