using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Solving;

/// <summary>One line's tie-broken concavification, on hand-made lines with jumps and ties.</summary>
public class LineConcavifierTests
{
    // Values are constants (a grid line); limits[k] = (from the right at x_k, from the left at x_{k+1}).
    private static LineData Line(string[] xs, string[] mover, string[] other, (string, string)[] moverLimits, (string, string)[] otherLimits)
    {
        LineValue V(string v) => LineValue.Known(Affine.Of(R(v)));
        var x = xs.Select(R).ToArray();
        return new LineData(x, x.Select(v => v.ToDouble()).ToArray(),
            mover.Select(V).ToArray(), other.Select(V).ToArray(),
            moverLimits.Select(l => V(l.Item1)).ToArray(), moverLimits.Select(l => V(l.Item2)).ToArray(),
            otherLimits.Select(l => V(l.Item1)).ToArray(), otherLimits.Select(l => V(l.Item2)).ToArray());
    }

    [Fact]
    public void A_strict_peak_splits_the_belief_to_the_hull_vertices()
    {
        // Mover: 0 at x=0, 0 at 1/2, 1 at 1 (linear pieces in between): hull is the chord 0..1.
        var line = Line(new[] { "0", "1/2", "1" }, new[] { "0", "0", "1" }, new[] { "0", "0", "0" },
            new[] { ("0", "0"), ("0", "1") }, new[] { ("0", "0"), ("0", "0") });
        var moves = LineConcavifier.Run(line, StripOracle.ForLine(R("1/3")), new List<LineWarning>());
        Assert.True(moves[0].IsSilent);
        Assert.Equal(new Move(0, 2), moves[1]);
        Assert.Equal(new Move(0, 2), moves[2]);
        Assert.Equal(new Move(0, 2), moves[3]);
        Assert.True(moves[4].IsSilent);
    }

    [Fact]
    public void Among_the_movers_optimal_splittings_the_one_best_for_the_other_player_is_taken()
    {
        // The mover is indifferent everywhere (constant); the other gains from splitting to 0 and 1
        // (convex: 1, 0, 1) so no point inside is silent.
        var line = Line(new[] { "0", "1/2", "1" }, new[] { "1", "1", "1" }, new[] { "1", "0", "1" },
            new[] { ("1", "1"), ("1", "1") }, new[] { ("1", "0"), ("0", "1") });
        var moves = LineConcavifier.Run(line, StripOracle.ForLine(R("0")), new List<LineWarning>());
        Assert.Equal(new Move(0, 2), moves[2]);
        // When the other is indifferent too (all constant), silence is kept: the least informative choice.
        var flat = Line(new[] { "0", "1/2", "1" }, new[] { "1", "1", "1" }, new[] { "2", "2", "2" },
            new[] { ("1", "1"), ("1", "1") }, new[] { ("2", "2"), ("2", "2") });
        Assert.All(LineConcavifier.Run(flat, StripOracle.ForLine(R("0")), new List<LineWarning>()), m => Assert.True(m.IsSilent));
    }

    [Fact]
    public void A_movers_supremum_that_is_only_a_limit_is_reported_not_used()
    {
        // The mover's function jumps up just right of 1/2 but takes 0 at 1/2 (not upper-semicontinuous).
        var line = Line(new[] { "0", "1/2", "1" }, new[] { "0", "0", "0" }, new[] { "0", "0", "0" },
            new[] { ("0", "0"), ("1", "0") }, new[] { ("0", "0"), ("0", "0") });
        var warnings = new List<LineWarning>();
        LineConcavifier.Run(line, StripOracle.ForLine(R("0")), warnings);
        var warning = Assert.Single(warnings);
        Assert.Equal("in (1/2, 1)", warning.XPlace);
        Assert.Contains("does not attain", warning.Message);
    }

    [Fact]
    public void An_other_players_supremum_that_is_only_a_limit_is_reported()
    {
        // Mover constant (all contact); the other's function rises to 1 towards 1/2 from both sides
        // but takes 0 there: the best splitting would need points arbitrarily close to 1/2.
        var line = Line(new[] { "0", "1/2", "1" }, new[] { "0", "0", "0" }, new[] { "0", "0", "0" },
            new[] { ("0", "0"), ("0", "0") }, new[] { ("0", "1"), ("1", "0") });
        var warnings = new List<LineWarning>();
        LineConcavifier.Run(line, StripOracle.ForLine(R("0")), warnings);
        Assert.Contains(warnings, w => w.XPlace == "= 1/2" && w.Message.Contains("other player"));
    }

    [Fact]
    public void On_an_open_strip_the_sweep_finds_where_the_hull_changes()
    {
        // Middle value 1/2 - y over y in (0, 1): above the chord (0) while y < 1/2, below after.
        LineValue A(string c, string s) => LineValue.Known(new Affine(R(c), R(s)));
        var x = new[] { R("0"), R("1/2"), R("1") };
        var zero = A("0", "0");
        var line = new LineData(x, x.Select(v => v.ToDouble()).ToArray(),
            new[] { zero, A("1/2", "-1"), zero }, new[] { zero, zero, zero },
            new[] { zero, A("1/2", "-1") }, new[] { A("1/2", "-1"), zero }, new[] { zero, zero }, new[] { zero, zero });
        var oracle = StripOracle.ForStrip(R("0"), R("1"), R("1/4"));
        var moves = LineConcavifier.Run(line, oracle, null);
        Assert.True(moves[2].IsSilent);            // the peak is a hull vertex
        Assert.Equal(R("1/2"), oracle.Right);      // until y = 1/2
        Assert.Equal(R("0"), oracle.Left);
        var beyond = StripOracle.ForStrip(R("1/2"), R("1"), R("3/4"));
        Assert.Equal(new Move(0, 2), LineConcavifier.Run(line, beyond, null)[2]);
    }
}
