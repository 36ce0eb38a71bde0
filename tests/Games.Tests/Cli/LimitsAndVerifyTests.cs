using System.Text.Json;
using System.Text.RegularExpressions;

namespace BilateralTrade.Dsl.Games.Tests.Cli;

/// <summary>--digit-budget and --verify end to end, with the command line run as a process.</summary>
public sealed class LimitsAndVerifyTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bt-limits");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly Regex BudgetLine = new(
        @"^spy: digit budget exceeded \(round (\d+) has (\d+)-digit numbers, more than --digit-budget 50\): printed rounds 0\.\.(\d+) of 100$");

    private static (int Round, int Digits) AssertBudgetLine(CliRunner.Result result)
    {
        var line = Assert.Single(result.StderrLines);
        var match = BudgetLine.Match(line);
        Assert.True(match.Success, line);
        Assert.Equal(match.Groups[1].Value, match.Groups[3].Value);
        int digits = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(digits > 50, line);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), digits);
    }

    [Fact]
    public void A_digit_budget_stops_a_long_solve_and_prints_the_rounds_it_finished()
    {
        var result = CliRunner.Run("solve", "spy", "--rounds", "100", "--digit-budget", "50", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var (round, _) = AssertBudgetLine(result);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("digitBudgetExceeded", json.GetProperty("stopReason").GetString());
        Assert.Equal(round + 1, json.GetProperty("rounds").GetArrayLength());
        Assert.InRange(round, 5, 20);
        // The rounds it did print are the real ones.
        var full = JsonDocument.Parse(CliRunner.Run("solve", "spy", "--rounds", round.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json").Stdout).RootElement;
        Assert.Equal(full.GetProperty("rounds").GetRawText(), json.GetProperty("rounds").GetRawText());
    }

    [Fact]
    public void The_table_says_why_it_stopped()
    {
        var result = CliRunner.Run("solve", "spy", "--rounds", "100", "--digit-budget", "50");
        Assert.Equal(0, result.ExitCode);
        var (round, _) = AssertBudgetLine(result);
        Assert.Contains($"stopped (digit budget exceeded) after round {round} of 100\n", result.Stdout);
    }

    [Fact]
    public void Protocol_and_plot_obey_the_digit_budget()
    {
        var protocol = CliRunner.Run("protocol", "spy", "--rounds", "100", "--digit-budget", "50");
        Assert.Equal(0, protocol.ExitCode);
        var (round, _) = AssertBudgetLine(protocol);
        Assert.StartsWith($"spy: optimal {round}-round protocol", protocol.Stdout);

        var outDir = Path.Combine(_dir.FullName, "plots");
        var plot = CliRunner.Run("plot", "spy", "--rounds", "100", "--digit-budget", "50", "--out", outDir);
        Assert.Equal(0, plot.ExitCode);
        AssertBudgetLine(plot);
        Assert.True(File.Exists(Path.Combine(outDir, $"partition-{round}.svg")));
        Assert.False(File.Exists(Path.Combine(outDir, $"partition-{round + 1}.svg")));
    }

    [Fact]
    public void A_budget_that_is_never_reached_changes_nothing()
    {
        var plain = CliRunner.Run("solve", "trade-3.2", "--rounds", "3", "--format", "csv");
        var budget = CliRunner.Run("solve", "trade-3.2", "--rounds", "3", "--format", "csv", "--digit-budget", "1000");
        Assert.Equal(0, budget.ExitCode);
        Assert.Equal("", budget.Stderr);
        Assert.Equal(plain.Stdout, budget.Stdout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("1.5")]
    public void A_bad_digit_budget_is_bad_input(string value)
    {
        var result = CliRunner.Run("solve", "spy", "--digit-budget", value);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal([$"--digit-budget: expected a positive whole number of decimal digits, got \"{value}\""], result.StderrLines);
    }

    [Fact]
    public void Verify_reports_its_counts_on_stderr_and_leaves_stdout_unchanged()
    {
        var plain = CliRunner.Run("solve", "spy", "--rounds", "6", "--format", "json");
        var verified = CliRunner.Run("solve", "spy", "--rounds", "6", "--format", "json", "--verify");
        Assert.Equal(0, verified.ExitCode);
        Assert.Equal(plain.Stdout, verified.Stdout);
        var line = Assert.Single(verified.StderrLines);
        Assert.Matches(@"^spy: verified: \d+ splittings, \d+ states, no violations \(rounds 0\.\.6\)$", line);
    }

    [Theory]
    [InlineData("protocol", "trade-3.2")]
    [InlineData("solve", "trade-3.1")]
    public void Verify_works_for_every_solving_command(string command, string game)
    {
        var result = CliRunner.Run(command, game, "--rounds", "3", "--verify");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^{Regex.Escape(game)}: verified: \d+ splittings, \d+ states, no violations \(rounds 0\.\.3\)$", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Verify_checks_a_game_file_and_the_rounds_kept_under_a_budget()
    {
        var path = Path.Combine(CliRunner.RepositoryRoot, "games", "spy.json");
        var result = CliRunner.Run("solve", path, "--rounds", "100", "--digit-budget", "50", "--verify", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.Matches(@"^spy: digit budget exceeded ", result.StderrLines[0]);
        Assert.Matches(@"^spy: verified: \d+ splittings, \d+ states, no violations \(rounds 0\.\.\d+\)$", result.StderrLines[1]);
    }

    [Fact]
    public void Verify_takes_no_value()
    {
        var result = CliRunner.Run("solve", "spy", "--verify=yes");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["--verify: takes no value, got \"yes\""], result.StderrLines);
    }
}
