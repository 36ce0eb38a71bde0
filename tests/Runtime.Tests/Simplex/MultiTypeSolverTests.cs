using System.Text.Json;
using BilateralTrade.Dsl.Games;
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
    public void The_default_grid_is_the_command_lines_policy_and_reproduces_the_paper_on_Section_3_4()
    {
        // 1/lcm(d, m) for the first m in 60, 30, 24, 12, 6, 1 within 120,000 states: 1/60 × 1/60 (115,351 states).
        var grid = MultiTypeSolver.DefaultGrid(Trade34());
        Assert.Equal(new GridSpec(60, 60), grid);
        Assert.Equal(115_351, MultiTypeSolver.StateCount(Trade34(), grid));
        // Smaller budgets step down the list: m = 30 gives 1/30 × 1/30 (15,376 states), m = 1 the least grid.
        Assert.Equal(new GridSpec(30, 30), MultiTypeSolver.DefaultGrid(Trade34(), 20_000));
        Assert.Equal(new GridSpec(5, 3), MultiTypeSolver.DefaultGrid(Trade34(), 1));
        var report = MultiTypeSolver.Solve(Trade34(), new MultiTypeOptions { Rounds = 2 });
        Assert.Equal(grid, report.Grid);
        Assert.All(report.Rounds, r => Assert.True(r.GridValueIsExact, $"round {r.Round}"));
        Assert.Equal(R("98/15"), report.Rounds[2].Welfare); // the library's old default (1/20 × 1/12) gave 544/135
    }

    [Fact]
    public void The_default_grid_counts_states_without_overflow()
    {
        // 20 Bob types: the 1/60 grid has 61 × 883829035553043580 states; nothing fits, the least grid is the answer.
        var game = GameDefinition.CreateBilateralTrade("wide", null, Rs("0", "1/2"),
            Enumerable.Range(1, 20).Select(v => R(v.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
            Rs("1/2", "1/2"), Enumerable.Repeat(R("1/20"), 20).ToArray());
        Assert.Equal(long.MaxValue, MultiTypeSolver.StateCount(game, new GridSpec(60, 60)));
        Assert.Equal(new GridSpec(2, 20), MultiTypeSolver.DefaultGrid(game));
        Assert.Equal(60, MultiTypeSolver.Lcm(12, 20));
        Assert.Throws<OverflowException>(() => MultiTypeSolver.Lcm(long.MaxValue, long.MaxValue - 1));
    }
}
