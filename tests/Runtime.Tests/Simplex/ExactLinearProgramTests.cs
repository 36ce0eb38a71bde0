using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

public class ExactLinearProgramTests
{
    private static Rational[] Row(params string[] entries) => Rs(entries);

    [Theory]
    [InlineData(PivotRule.Bland)]
    [InlineData(PivotRule.LargestCoefficient)]
    public void Solves_a_small_program_exactly(PivotRule rule)
    {
        // max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6  (slacks s1, s2): optimum (8/5, 6/5), value 14/5.
        var lp = new ExactLinearProgram(4, [Row("1", "2", "1", "0"), Row("3", "1", "0", "1")], Rs("4", "6"), [Row("1", "1", "0", "0")]) { Rule = rule };
        var result = lp.Solve();
        Assert.Equal(LinearProgramStatus.Optimal, result.Status);
        Assert.Equal(R("8/5"), result.Solution[0]);
        Assert.Equal(R("6/5"), result.Solution[1]);
        Assert.Equal(R("14/5"), result.ObjectiveValues[0]);
    }

    [Fact]
    public void Reports_infeasible_and_unbounded_programs()
    {
        var infeasible = new ExactLinearProgram(2, [Row("1", "1")], Rs("-1"), [Row("1", "0")]).Solve();
        Assert.Equal(LinearProgramStatus.Infeasible, infeasible.Status);
        var unbounded = new ExactLinearProgram(2, [Row("1", "-1")], Rs("1"), [Row("1", "0")]).Solve();
        Assert.Equal(LinearProgramStatus.Unbounded, unbounded.Status);
    }

    [Fact]
    public void Drops_redundant_rows()
    {
        var result = new ExactLinearProgram(2, [Row("1", "1"), Row("2", "2")], Rs("1", "2"), [Row("2", "3")]).Solve();
        Assert.True(result.IsOptimal);
        Assert.Equal(R("3"), result.ObjectiveValues[0]);
        Assert.Single(result.Basis);
    }

    [Fact]
    public void Breaks_ties_of_the_first_objective_by_the_second()
    {
        // x + y + z = 1: the first objective ties x and y; the second prefers y.
        var result = new ExactLinearProgram(3, [Row("1", "1", "1")], Rs("1"), [Row("1", "1", "0"), Row("0", "1", "5")]).Solve();
        Assert.Equal(Rs("0", "1", "0"), result.Solution);
        Assert.Equal(Rs("1", "1"), result.ObjectiveValues);
    }

    [Theory]
    [InlineData(PivotRule.Bland)]
    [InlineData(PivotRule.LargestCoefficient)]
    public void Does_not_cycle_on_Beales_example(PivotRule rule)
    {
        // Beale (1955): Dantzig's rule without anti-cycling cycles from the slack basis.
        var lp = new ExactLinearProgram(7,
            [Row("1", "0", "0", "1/4", "-60", "-1/25", "9"), Row("0", "1", "0", "1/2", "-90", "-1/50", "3"), Row("0", "0", "1", "0", "0", "1", "0")],
            Rs("0", "0", "1"), [Row("0", "0", "0", "3/4", "-150", "1/50", "-6")])
        { Rule = rule, InitialBasis = [0, 1, 2] };
        var result = lp.Solve();
        Assert.True(result.IsOptimal);
        Assert.Equal(R("1/20"), result.ObjectiveValues[0]);
    }

    [Fact]
    public void Agrees_with_vertex_enumeration_on_random_programs()
    {
        var random = new Random(20261204);
        for (int trial = 0; trial < 200; trial++)
        {
            int m = random.Next(1, 4), n = random.Next(m, 7);
            var rows = Enumerable.Range(0, m).Select(_ => Enumerable.Range(0, n).Select(_ => (Rational)random.Next(-3, 6)).ToArray()).ToArray();
            var rhs = Enumerable.Range(0, m).Select(_ => (Rational)random.Next(0, 8)).ToArray();
            var c = Enumerable.Range(0, n).Select(_ => (Rational)random.Next(-4, 5)).ToArray();
            // Keep it bounded: add Σx ≤ 10 with a slack.
            var bounded = rows.Select(r => r.Append(Rational.Zero).ToArray()).Append(Enumerable.Repeat(Rational.One, n + 1).ToArray()).ToArray();
            var b = rhs.Append((Rational)10).ToArray();
            var cc = c.Append(Rational.Zero).ToArray();
            var result = new ExactLinearProgram(n + 1, bounded, b, [cc]) { Rule = trial % 2 == 0 ? PivotRule.Bland : PivotRule.LargestCoefficient }.Solve();
            var best = BruteForce(bounded, b, cc);
            if (best is null) Assert.Equal(LinearProgramStatus.Infeasible, result.Status);
            else
            {
                Assert.True(result.IsOptimal, $"trial {trial}: {result.Status}");
                Assert.Equal(best.Value, result.ObjectiveValues[0]);
                for (int i = 0; i < b.Length; i++)
                {
                    Rational lhs = Rational.Zero;
                    for (int j = 0; j <= n; j++) lhs += bounded[i][j] * result.Solution[j];
                    Assert.Equal(b[i], lhs);
                }
                Assert.All(result.Solution, x => Assert.True(x.Sign >= 0));
            }
        }
    }

    /// <summary>The best basic feasible solution over every choice of basis columns.</summary>
    private static Rational? BruteForce(Rational[][] rows, Rational[] rhs, Rational[] c)
    {
        int m = rows.Length, n = c.Length;
        Rational? best = null;
        foreach (var subset in Subsets(n, m))
        {
            var x = SolveSquare(rows, rhs, subset, n);
            if (x is null || x.Any(v => v.Sign < 0)) continue;
            Rational value = Rational.Zero;
            for (int j = 0; j < n; j++) value += c[j] * x[j];
            if (best is null || value > best.Value) best = value;
        }
        // Rank-deficient systems: also try smaller bases.
        for (int size = m - 1; size >= 1 && best is null; size--)
        {
            foreach (var subset in Subsets(n, size))
            {
                var x = LeastBasis(rows, rhs, subset, n);
                if (x is null || x.Any(v => v.Sign < 0)) continue;
                Rational value = Rational.Zero;
                for (int j = 0; j < n; j++) value += c[j] * x[j];
                if (best is null || value > best.Value) best = value;
            }
        }
        return best;
    }

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        var current = new int[size];
        IEnumerable<int[]> Go(int position, int start)
        {
            if (position == size) { yield return (int[])current.Clone(); yield break; }
            for (int j = start; j < n; j++)
            {
                current[position] = j;
                foreach (var s in Go(position + 1, j + 1)) yield return s;
            }
        }
        return Go(0, 0);
    }

    private static Rational[]? SolveSquare(Rational[][] rows, Rational[] rhs, int[] columns, int n) => LeastBasis(rows, rhs, columns, n);

    /// <summary>Solves rows[:, columns] y = rhs by elimination; null when inconsistent or not uniquely solvable.</summary>
    private static Rational[]? LeastBasis(Rational[][] rows, Rational[] rhs, int[] columns, int n)
    {
        int m = rows.Length, k = columns.Length;
        var a = rows.Select((r, i) => columns.Select(j => r[j]).Append(rhs[i]).ToArray()).ToArray();
        int row = 0;
        var pivotColumns = new List<int>();
        for (int col = 0; col < k && row < m; col++)
        {
            int p = -1;
            for (int i = row; i < m; i++) if (!a[i][col].IsZero) { p = i; break; }
            if (p < 0) return null;
            (a[row], a[p]) = (a[p], a[row]);
            var inv = a[row][col].Reciprocal();
            for (int j = 0; j <= k; j++) a[row][j] *= inv;
            for (int i = 0; i < m; i++)
            {
                if (i == row || a[i][col].IsZero) continue;
                var f = a[i][col];
                for (int j = 0; j <= k; j++) a[i][j] -= f * a[row][j];
            }
            pivotColumns.Add(col);
            row++;
        }
        if (pivotColumns.Count < k) return null;
        for (int i = row; i < m; i++) if (!a[i][k].IsZero) return null;
        var x = new Rational[n];
        for (int i = 0; i < k; i++) x[columns[i]] = a[i][k];
        return x;
    }
}
