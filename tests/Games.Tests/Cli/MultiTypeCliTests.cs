using System.Text.Json;

namespace BilateralTrade.Dsl.Games.Tests.Cli;

/// <summary>
/// End to end, as a process: games with more than two types (the grid solver, labelled as an
/// approximation, with the exact rounds marked) in solve, protocol, describe and plot; the sweep
/// command (determinism, shards, game files, timeout); and their error paths.
/// </summary>
public sealed class MultiTypeCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bt-multi");

    public void Dispose() => _dir.Delete(recursive: true);

    private static void AssertOk(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
    }

    /// <summary>The table's row for round t, split into its cells (columns are separated by at least two spaces).</summary>
    private static string[] Row(string table, int t) =>
        table.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}"))
            .Single(cells => cells.Length >= 6 && cells[0] == t.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void SolveTrade34TableHasThePapersExactRoundsAndTheLabel()
    {
        // The default grid for Section 3.4 is 1/60 on both simplices.
        var result = CliRunner.Run("solve", "trade-3.4", "--rounds", "3");
        AssertOk(result);
        Assert.Equal("", result.Stderr);
        var stdout = result.Stdout;
        Assert.Contains("APPROXIMATION: beliefs restricted to the grid of step 1/60; rounds 0..2 are exact (equal to the grid-free values); round 3 is a grid value (exact on that grid only)\n",
            stdout, StringComparison.Ordinal);
        Assert.Equal(["0", "-", "58/15 (3.867)", "8/5 (1.600)", "82/15 (5.467)", "82/99 (0.828)", "exact"], Row(stdout, 0));
        Assert.Equal(["1", "Bob", "58/15 (3.867)", "12/5 (2.400)", "94/15 (6.267)", "94/99 (0.949)", "exact"], Row(stdout, 1));
        Assert.Equal(["2", "Sally", "62/15 (4.133)", "12/5 (2.400)", "98/15 (6.533)", "98/99 (0.990)", "exact"], Row(stdout, 2));
        Assert.Equal(["3", "Bob", "1959/470 (4.168)", "1143/470 (2.432)", "33/5 (6.600)", "1", "grid (exact: 25/6, 73/30)"], Row(stdout, 3));
        Assert.Contains("first-best welfare W* = 33/5 (6.600)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("message complexity (grid-based): 3 (grid model, the grid of step 1/60: welfare reaches first best 33/5 at round 3)\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SolveTrade34JsonKeepsTheContractAndAddsTheReport()
    {
        var result = CliRunner.Run("solve", "trade-3.4", "--rounds", "3", "--grid", "15,60", "--format", "json");
        AssertOk(result);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("trade-3.4", json.GetProperty("game").GetString());
        var rounds = json.GetProperty("rounds").EnumerateArray().Select(r =>
            (r.GetProperty("t").GetInt32(), r.GetProperty("sally").GetString(), r.GetProperty("bob").GetString(), r.GetProperty("welfare").GetString(), r.GetProperty("exact").GetBoolean())).ToList();
        Assert.Equal([(0, "58/15", "8/5", "82/15", true), (1, "58/15", "12/5", "94/15", true), (2, "62/15", "12/5", "98/15", true), (3, "1959/470", "1143/470", "33/5", false)], rounds);
        Assert.True(json.GetProperty("approximation").GetBoolean());
        Assert.Equal("approximation: beliefs restricted to the grid of step 1/15 on Sally's types and 1/60 on Bob's", json.GetProperty("label").GetString());
        Assert.Equal([0, 1, 2], json.GetProperty("exactRounds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(15, json.GetProperty("grid").GetProperty("sally").GetInt32());
        Assert.Equal(60, json.GetProperty("grid").GetProperty("bob").GetInt32());
        Assert.Equal("33/5", json.GetProperty("firstBest").GetString());
        Assert.Equal(3, json.GetProperty("messageComplexity").GetProperty("rounds").GetInt32());
        Assert.True(json.GetProperty("messageComplexity").GetProperty("gridBased").GetBoolean());
        Assert.Equal("bob", json.GetProperty("rounds")[3].GetProperty("mover").GetString());
        Assert.Equal("1", json.GetProperty("rounds")[3].GetProperty("efficiency").GetString());
        Assert.Equal(["1/3", "1/3", "1/3"], json.GetProperty("protocol").GetProperty("bobBelief").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("csv", "trade-3.4,approximation: beliefs restricted to the grid of step 1/15,1/15,1/15,4/5;1/5,1/3;1/3;1/3,1,bob,308/75,52/25,464/75,4.106667,2.080000,6.186667,false,58/15,12/5,33/5,464/495\n")]
    [InlineData("latex", "% APPROXIMATION: beliefs restricted to the grid of step 1/15; round 0 is exact (equal to the grid-free values); round 1 is a grid value (exact on that grid only)\n")]
    [InlineData("markdown", "> **APPROXIMATION: beliefs restricted to the grid of step 1/15; round 0 is exact")]
    [InlineData("table", "1  Bob    308/75 (4.107)  52/25 (2.080)  464/75 (6.187)  464/495 (0.937)  grid (exact: 58/15, 12/5)\n")]
    [InlineData("table", "round 1: the grid value (308/75, 52/25) differs from the exact value (58/15, 12/5); refine the grid\n")]
    public void EveryFormatCarriesTheLabel(string format, string expected)
    {
        // On the coarse 1/15 grid round 1 differs from the exact value: the grid value is printed, marked, with the exact one beside it.
        var result = CliRunner.Run("solve", "trade-3.4", "--rounds", "1", "--grid", "15", "--format", format);
        AssertOk(result);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtocolTrade34PrintsTheTreeWithFullDistributions()
    {
        var result = CliRunner.Run("protocol", "trade-3.4", "--rounds", "3", "--grid", "15,60");
        AssertOk(result);
        var stdout = result.Stdout;
        Assert.StartsWith("trade-3.4: optimal 3-round protocol from the prior on the belief grid\nAPPROXIMATION: beliefs restricted to the grid of step 1/15 on Sally's types and 1/60 on Bob's;", stdout, StringComparison.Ordinal);
        Assert.Contains("t=3 D_S=(4/5, 1/5) D_B=(1/3, 1/3, 1/3), probability 1, π=(1959/470, 1143/470): Bob splits D_B (1/3, 1/3, 1/3) into "
            + "(17/30, 11/60, 1/4) (probability 10/47); (1/2, 4/15, 7/30) (probability 20/47); (0, 1/2, 1/2) (probability 17/47)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Sally splits D_S (4/5, 1/5) into (1, 0) (probability 2/5); (2/3, 1/3) (probability 3/5)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Sally plays price 6 if cost 0, price 6 if cost 2\n", stdout, StringComparison.Ordinal);

        var json = CliRunner.Run("protocol", "trade-3.4", "--rounds", "1", "--grid", "15", "--format", "json");
        AssertOk(json);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(root.GetProperty("approximation").GetBoolean());
        Assert.Equal("bob", root.GetProperty("protocol").GetProperty("mover").GetString());
        Assert.Equal(3, root.GetProperty("protocol").GetProperty("children")[0].GetProperty("bobBelief").GetArrayLength());
    }

    [Fact]
    public void DescribeTrade34ShowsSallysLinearForms()
    {
        var result = CliRunner.Run("describe", "trade-3.4");
        AssertOk(result);
        var stdout = result.Stdout;
        Assert.Contains("d1 = P(Bob's value = 3), d2 = P(Bob's value = 6), d3 = P(Bob's value = 12)", stdout, StringComparison.Ordinal);
        Assert.Contains("    price 6:   E[u_S] = 6 d2 + 6 d3         E[u_B] = 6 d3\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    price 3:   E[u_S] = d1 + d2 + d3  E[u_B] = 3 d2 + 9 d3\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    at the prior (1/3, 1/3, 1/3): price 12; at the vertices: d1 = 1 -> price 3, d2 = 1 -> price 6, d3 = 1 -> price 12\n", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("thresholds", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotTrade34WritesThePayoffChartAndTheSimplexDiagram()
    {
        var outDir = Path.Combine(_dir.FullName, "plots");
        var result = CliRunner.Run("plot", "trade-3.4", "--rounds", "3", "--grid", "15,60", "--out", outDir);
        AssertOk(result);
        string[] expected = ["payoffs.svg", "protocol-simplex.svg"];
        Assert.Equal(expected.Select(f => Path.Combine(outDir, f)), result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var file in expected) System.Xml.Linq.XDocument.Load(Path.Combine(outDir, file));
        Assert.Contains("approximation: beliefs restricted to the grid of step 1/15 on Sally's types and 1/60 on Bob's; exact (grid-free): rounds 0..2",
            File.ReadAllText(Path.Combine(outDir, "payoffs.svg")), StringComparison.Ordinal);
        Assert.Contains("17/47 (t=3)", File.ReadAllText(Path.Combine(outDir, "protocol-simplex.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void SweepIsDeterministicAndPrintsTheDistributionAndTheRate()
    {
        var first = CliRunner.Run("sweep", "--seed", "7", "--count", "16", "--rounds", "4");
        var second = CliRunner.Run("sweep", "--seed", "7", "--count", "16", "--rounds", "4");
        AssertOk(first);
        AssertOk(second);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("APPROXIMATION: beliefs restricted to the grid of step 1/6", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("message complexity at the prior (grid-based):", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("finished: 16 of 16 instances", first.Stdout, StringComparison.Ordinal);
        var timing = Assert.Single(first.StderrLines);
        Assert.Matches(@"^sweep: 16 instances in [0-9.]+ s, [0-9.]+ instances/s on [0-9]+ cores$", timing);
    }

    [Fact]
    public void ShardsTogetherCoverTheUnshardedRun()
    {
        static string[] Rows(CliRunner.Result r)
        {
            AssertOk(r);
            return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        }
        var whole = Rows(CliRunner.Run("sweep", "--seed", "3", "--count", "14", "--rounds", "4", "--format", "csv"));
        var shard0 = Rows(CliRunner.Run("sweep", "--seed", "3", "--count", "14", "--rounds", "4", "--format", "csv", "--shard", "0/2"));
        var shard1 = Rows(CliRunner.Run("sweep", "--seed", "3", "--count", "14", "--rounds", "4", "--format", "csv", "--shard", "1/2"));
        Assert.Equal(14, whole.Length);
        Assert.Equal(7, shard0.Length);
        Assert.Equal(7, shard1.Length);
        Assert.Equal(whole.Order(StringComparer.Ordinal), shard0.Concat(shard1).Order(StringComparer.Ordinal));

        var json = CliRunner.Run("sweep", "--seed", "3", "--count", "14", "--rounds", "4", "--format", "json", "--shard", "1/2");
        AssertOk(json);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal([1, 3, 5, 7, 9, 11, 13], root.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("k").GetInt32()));
        Assert.True(root.GetProperty("approximation").GetBoolean());
    }

    [Fact]
    public void SweepOutWritesLoadableGameFiles()
    {
        // Seed 1: instance 16 stays below W* on the 1/6 grid (docs/multi-type.md).
        var outDir = Path.Combine(_dir.FullName, "open");
        var result = CliRunner.Run("sweep", "--seed", "1", "--count", "20", "--out", outDir, "--format", "json");
        AssertOk(result);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var notEfficient = root.GetProperty("notEfficient").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.Contains(16, notEfficient);
        var written = Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(notEfficient.Select(k => $"sweep-1-{k}.json").Order(StringComparer.Ordinal), written);

        var file = Path.Combine(outDir, "sweep-1-16.json");
        var instance = root.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("k").GetInt32() == 16);
        Assert.Equal(file, instance.GetProperty("gameFile").GetString());
        var rerun = CliRunner.Run("solve", file, "--grid", "6", "--format", "json");
        AssertOk(rerun);
        var solved = JsonDocument.Parse(rerun.Stdout).RootElement;
        Assert.Equal("sweep-1-16", solved.GetProperty("game").GetString());
        // The re-run on the sweep's grid gives the sweep's values.
        Assert.Equal(instance.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("welfare").GetString()),
            solved.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("welfare").GetString()));
    }

    [Fact]
    public void SweepTimeoutStopsWithPartialResults()
    {
        var result = CliRunner.Run("sweep", "--seed", "1", "--count", "100000", "--timeout", "1");
        AssertOk(result);
        Assert.Contains("stopped early: ", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^sweep: timed out after 1 s: printed the [0-9]+ of 100000 instances finished$", result.StderrLines[^1]);
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["solve", "trade-3.4", "--grid", "0"], "--grid: expected a whole number N from 1 to 10000 (the grid of step 1/N), or S,B for Sally's and Bob's simplices, got \"0\"" },
        { ["solve", "trade-3.4", "--grid", "fine"], "--grid: expected a whole number N from 1 to 10000 (the grid of step 1/N), or S,B for Sally's and Bob's simplices, got \"fine\"" },
        { ["solve", "trade-3.4", "--grid", "12"], "trade-3.4: --grid: Sally's prior (4/5, 1/5) is not on the grid of step 1/12; use a multiple of 5 (--grid 15, or 5,3, or multiples, hold both priors)" },
        { ["protocol", "trade-3.4", "--grid", "5,4"], "trade-3.4: --grid: Bob's prior (1/3, 1/3, 1/3) is not on the grid of step 1/4; use a multiple of 3 (--grid 15, or 5,3, or multiples, hold both priors)" },
        { ["solve", "trade-3.4", "--prior-bob", "1/7,2/7,4/7", "--grid", "15"], "trade-3.4: --grid: Bob's prior (1/7, 2/7, 4/7) is not on the grid of step 1/15; use a multiple of 7 (--grid 35, or 5,7, or multiples, hold both priors)" },
        { ["solve", "trade-3.2", "--grid", "6"], "--grid: trade-3.2 has at most two types per player and is solved exactly, without a grid (--grid is for games with three or more types)" },
        { ["solve", "trade-3.4", "--verify"], "--verify: applies to the exact two-type solver only; trade-3.4 has more than two types for a player and is solved on a belief grid" },
        { ["sweep", "--shard", "2/2"], "--shard: \"2/2\" is not a shard: expected i/n with 0 <= i < n, e.g. 0/4" },
        { ["sweep", "--shard", "half"], "--shard: \"half\" is not a shard: expected i/n with 0 <= i < n, e.g. 0/4" },
        { ["sweep", "--grid", "2"], "--grid: expected a whole number N from 3 to 10000 (the grid of step 1/N), got \"2\"" },
        { ["sweep", "--count", "0"], "--count: expected a positive whole number of instances, got \"0\"" },
        { ["sweep", "--seed", "x"], "--seed: expected a whole number, got \"x\"" },
        { ["sweep", "--format", "latex"], "--format: unknown format \"latex\" for sweep (formats: table, json, csv)" },
        { ["sweep", "--timeout", "1e30"], "--timeout: expected a positive number of seconds, got \"1e30\"" },
        { ["sweep", "--timeout", "2592001"], "--timeout: at most 2592000 seconds (30 days), got \"2592001\"; leave --timeout out for no limit" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void BadInputGivesOneLine(string[] args, string expected)
    {
        var result = CliRunner.Run(args);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected], result.StderrLines);
    }

    /// <summary>A game file with two Sally types and <paramref name="bobTypes"/> Bob types at the uniform prior.</summary>
    internal static string WideGame(int bobTypes)
    {
        string Row(int i, int k, int mod) => "[" + string.Join(", ", Enumerable.Range(0, bobTypes).Select(j => $"\"{(i * j + i + j + k) % mod}\"")) + "]";
        string Matrix(int k, int mod) => "[" + Row(0, k, mod) + ", " + Row(1, k, mod) + "]";
        var types = string.Join(", ", Enumerable.Range(0, bobTypes).Select(j => $"\"t{j}\""));
        var prior = string.Join(", ", Enumerable.Repeat($"\"1/{bobTypes}\"", bobTypes));
        return $$"""
            { "name": "wide", "sally": { "types": ["a", "b"], "prior": ["1/2", "1/2"] },
              "bob": { "types": [{{types}}], "prior": [{{prior}}] },
              "actions": ["C", "E"],
              "payoffs": { "C": { "sally": {{Matrix(0, 3)}}, "bob": {{Matrix(1, 4)}} },
                           "E": { "sally": {{Matrix(2, 3)}}, "bob": {{Matrix(3, 4)}} } } }
            """;
    }

    [Fact]
    public void TheDefaultGridCountsStatesWithoutOverflow()
    {
        // With 20 Bob types the 1/60 grid has 61 x 883829035553043580 states: a long product wrapped,
        // the huge grid passed as affordable, and the solver's own refusal leaked out instead.
        var path = Path.Combine(_dir.FullName, "wide.json");
        File.WriteAllText(path, WideGame(20));
        var result = CliRunner.Run("solve", path);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"{path}: --grid: the least grid holding the priors (--grid 2,20) has 206769793230 states, too many to pick by default; give --grid 2,20 (or a multiple) to solve on it anyway"],
            result.StderrLines);
    }

    [Fact]
    public void SweepTakesNoGame()
    {
        var result = CliRunner.Run("sweep", "spy");
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("spy: unexpected argument for sweep", result.StderrLines[0]);
    }
}
