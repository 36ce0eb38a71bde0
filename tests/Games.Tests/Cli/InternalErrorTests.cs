using BilateralTrade.Dsl.Games.Cli;
using BilateralTrade.Dsl.Simplex;

namespace BilateralTrade.Dsl.Games.Tests.Cli;

/// <summary>
/// Bugs are not bad input: only the grid solver's <see cref="GridInputException"/> becomes a "--grid"
/// line (exit 2); anything else unexpected is one "internal error … (please report)" line with exit 70,
/// never a stack trace. No input reaches an internal error through the process on purpose, so the
/// last-resort handler is driven in-process with an output writer that fails.
/// </summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bt-internal");

    public void Dispose() => _dir.Delete(recursive: true);

    private sealed class FailingWriter(Exception failure) : StringWriter
    {
        public override void Write(string? value) => throw failure;
    }

    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_with_status_70()
    {
        var stderr = new StringWriter();
        var app = new CliApp(new FailingWriter(new InvalidOperationException("disk on\nfire")), stderr, showProgress: false, CancellationToken.None);
        Assert.Equal(70, app.Run(["describe", "spy"]));
        Assert.Equal("spy: internal error: InvalidOperationException: disk on fire (please report)\n", stderr.ToString());
    }

    [Fact]
    public void An_ArgumentException_that_is_not_a_grid_input_problem_is_not_reported_as_bad_input()
    {
        // Before, any ArgumentException during a grid solve or sweep was printed as a user "--grid" error.
        var stderr = new StringWriter();
        var app = new CliApp(new FailingWriter(new ArgumentException("Every row needs 3 entries.", "rows")), stderr, showProgress: false, CancellationToken.None);
        Assert.Equal(70, app.Run(["solve", "trade-3.4", "--rounds", "0", "--grid", "15"]));
        Assert.Equal("trade-3.4: internal error: ArgumentException: Every row needs 3 entries. (Parameter 'rows') (please report)\n", stderr.ToString());
    }

    [Fact]
    public void A_wrapped_single_exception_is_reported_by_its_inner_exception()
    {
        var stderr = new StringWriter();
        var app = new CliApp(new FailingWriter(new AggregateException(new NullReferenceException("x was null"))), stderr, showProgress: false, CancellationToken.None);
        Assert.Equal(70, app.Run(["list"]));
        Assert.Equal("list: internal error: NullReferenceException: x was null (please report)\n", stderr.ToString());
    }

    public static TheoryData<string[], string> GridInput => new()
    {
        { ["sweep", "--grid", "10000", "--count", "1"], "sweep: --grid: The sweep's grid of step 1/10000 has 2501500325030001 states per instance (at most 20000000); use a smaller N, e.g. 6." },
        { ["solve", "trade-3.4", "--grid", "12"], "trade-3.4: --grid: Sally's prior (4/5, 1/5) is not on the grid of step 1/12; use a multiple of 5 (--grid 15, or 5,3, or multiples, hold both priors)" },
        { ["solve", "trade-3.4", "--grid", "10000"], "trade-3.4: --grid: Bob's prior (1/3, 1/3, 1/3) is not on the grid of step 1/10000; use a multiple of 3 (--grid 15, or 5,3, or multiples, hold both priors)" },
    };

    [Theory]
    [MemberData(nameof(GridInput))]
    public void Grid_input_problems_stay_one_bad_input_line(string[] args, string expected)
    {
        var result = CliRunner.Run(args);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expected], result.StderrLines);
    }

    [Fact]
    public void Too_many_grid_states_is_bad_input_without_the_parameter_suffix()
    {
        var path = Path.Combine(_dir.FullName, "wide.json");
        File.WriteAllText(path, MultiTypeCliTests.WideGame(20));
        var result = CliRunner.Run("solve", path, "--grid", "60");
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith(path + ": --grid: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("grid states are too many (at most 20000000)", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.Stderr, StringComparison.Ordinal);
    }
}
