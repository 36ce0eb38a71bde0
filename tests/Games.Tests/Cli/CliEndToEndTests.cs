using System.Text.Json;
using BilateralTrade.Dsl.Games.Tests.GameFiles;

namespace BilateralTrade.Dsl.Games.Tests.Cli;

/// <summary>The command line run as a process: every error path (exit 2, one located stderr line, empty stdout) and the success paths.</summary>
public sealed class CliEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("bt-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertBadInput(CliRunner.Result result, string expectedLine)
    {
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal([expectedLine], result.StderrLines);
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["solve", "nosuch"], "nosuch: no built-in game has this name and no such file exists (built-in games: spy, trade-3.1, trade-3.2, trade-3.4)" },
        { ["solve", "missing.json"], "missing.json: file: no such file" },
        { ["solve", "spy", "--rounds", "-1"], "--rounds: expected a whole number of rounds (0 or more), got \"-1\"" },
        { ["solve", "spy", "--rounds", "many"], "--rounds: expected a whole number of rounds (0 or more), got \"many\"" },
        { ["solve", "spy", "--rounds"], "--rounds: missing value" },
        { ["solve", "spy", "--format", "xml"], "--format: unknown format \"xml\" (formats: table, json, csv, latex, markdown)" },
        { ["protocol", "spy", "--format", "csv"], "--format: unknown format \"csv\" for protocol (formats: text, json)" },
        { ["solve", "spy", "--timeout", "0"], "--timeout: expected a positive number of seconds, got \"0\"" },
        { ["solve", "spy", "--timeout", "soon"], "--timeout: expected a positive number of seconds, got \"soon\"" },
        { ["solve", "spy", "--timeout", "NaN"], "--timeout: expected a positive number of seconds, got \"NaN\"" },
        { ["solve", "spy", "--timeout", "5000000"], "--timeout: at most 2592000 seconds (30 days), got \"5000000\"; leave --timeout out for no limit" },
        { ["solve", "spy", "--timeout", "100000000000000000000000000000000"], "--timeout: at most 2592000 seconds (30 days), got \"100000000000000000000000000000000\"; leave --timeout out for no limit" },
        { ["protocol", "spy", "--timeout", "2592000.5"], "--timeout: at most 2592000 seconds (30 days), got \"2592000.5\"; leave --timeout out for no limit" },
        { ["solve", "trade-3.4", "--timeout", "5000000"], "--timeout: at most 2592000 seconds (30 days), got \"5000000\"; leave --timeout out for no limit" },
        { ["solve", "spy", "--prior-sally", "1/2,x"], "--prior-sally[1]: \"x\" is not an exact number: expected an integer, a fraction \"n/d\" or a decimal such as \"0.25\"" },
        { ["solve", "spy", "--prior-sally", "1/2,1/3"], "spy: --prior-sally: the probabilities must sum to exactly 1, got 5/6" },
        { ["solve", "spy", "--prior-bob", "1/3,1/3,1/3"], "spy: --prior-bob: expected 2 entries (one per Bob type), got 3" },
        { ["solve", "spy", "--prior-bob", "3/2,-1/2"], "spy: --prior-bob[1]: a probability cannot be negative, got -1/2" },
        { ["solve", "spy", "--prior-bob", "1/2,1/2", "--prior-bob", "1,0"], "--prior-bob: given twice" },
        { ["describe", "trade-3.1", "--prior-sally", "1/2,1/2"], "trade-3.1: --prior-sally: expected 1 entries (one per Sally type), got 2" },
        { ["plot", "spy"], "--out: plot needs an output directory, --out DIR" },
        { ["plot", "spy", "--out="], "--out: expected a directory, got an empty string" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void BadInputGivesOneLocatedLine(string[] args, string expected) => AssertBadInput(CliRunner.RunIn(_dir.FullName, args), expected);

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { [], "missing COMMAND" },
        { ["frobnicate"], "frobnicate: unknown command (commands: solve, protocol, describe, plot, sweep, list, help)" },
        { ["solve"], "solve: missing GAME (a built-in game name or the path of a game file)" },
        { ["solve", "spy", "--round", "3"], "--round: unknown option for solve (options: --rounds, --prior-sally, --prior-bob, --format, --timeout, --digit-budget, --verify, --grid)" },
        { ["list", "--rounds", "3"], "--rounds: unknown option for list (it takes none)" },
        { ["describe", "spy", "--rounds", "3"], "--rounds: unknown option for describe (options: --prior-sally, --prior-bob)" },
        { ["solve", "spy", "trade-3.2"], "trade-3.2: unexpected argument for solve" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void UnknownCommandOrOptionPrintsUsage(string[] args, string expected)
    {
        var result = CliRunner.Run(args);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.StderrLines[0]);
        Assert.Contains("usage: dotnet run --project src/Games -- COMMAND", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadGameFileNamesFileAndPlace()
    {
        var path = WriteFile("spy.json", GameFileLoaderTests.Spy.Replace("[[\"1\", \"-2\"], [\"-2\", \"1\"]]", "[[\"1\", \"-2\"], [\"-2\", \"1\", \"3\"]]", StringComparison.Ordinal));
        AssertBadInput(CliRunner.RunIn(_dir.FullName, "solve", "spy.json"), "spy.json: payoffs.C.sally[1]: expected 2 entries (one per Bob type), got 3");
        AssertBadInput(CliRunner.Run("describe", path), path + ": payoffs.C.sally[1]: expected 2 entries (one per Bob type), got 3");
    }

    [Fact]
    public void MalformedAndUnreadableFiles()
    {
        WriteFile("broken.json", "{ \"name\": ");
        var result = CliRunner.RunIn(_dir.FullName, "solve", "broken.json");
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("broken.json: line 1, column ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.Stderr, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_dir.FullName, "dir.json"));
        AssertBadInput(CliRunner.RunIn(_dir.FullName, "solve", "dir.json"), "dir.json: file: is a directory, not a game file");
        WriteFile("empty.json", "");
        AssertBadInput(CliRunner.RunIn(_dir.FullName, "protocol", "empty.json"), "empty.json: top level: the file is empty; expected a JSON object describing one game");
        WriteFile("frac.json", GameFileLoaderTests.Trade32.Replace("\"6\"", "6.5", StringComparison.Ordinal));
        AssertBadInput(CliRunner.RunIn(_dir.FullName, "solve", "frac.json"),
            "frac.json: bilateralTrade.values[1]: 6.5 is a JSON number with a fraction part or exponent, which is not exact; write it as a string such as \"6.5\" or \"n/d\"");
    }

    [Fact]
    public void DevicesAndHugeFilesAreRefusedInOneLine()
    {
        // Read without a limit, /dev/zero used to run the process out of memory.
        if (File.Exists("/dev/zero"))
            AssertBadInput(CliRunner.Run("describe", "/dev/zero"),
                "/dev/zero: file: gives more than 16777216 bytes (16 MiB) when read: not a regular game file (a device such as /dev/zero?)");
        var big = Path.Combine(_dir.FullName, "big.json");
        using (var f = File.Create(big)) f.SetLength(64L * 1024 * 1024);
        AssertBadInput(CliRunner.RunIn(_dir.FullName, "solve", "big.json"), "big.json: file: is 67108864 bytes; a game file may have at most 16777216 bytes (16 MiB)");
    }

    public static TheoryData<string, string, string> TitleLines => new()
    {
        // A title with line breaks used to end the LaTeX % comment (the rest was typeset) and split headings.
        { "spy.json", "latex", "% spy: Spy game \\end{document} % after, from (p, q) = (1/2, 1/2)" },
        { "spy.json", "markdown", "**spy**: Spy game \\end{document} % after, from (p, q) = (1/2, 1/2) where p = P(Bob is west) and q = P(Sally is west)" },
        { "spy.json", "table", "spy: Spy game \\end{document} % after" },
        { "g3.json", "latex", "% g3: Spy game \\end{document} % after, from the prior" },
        { "g3.json", "markdown", "**g3**: Spy game \\end{document} % after, from the prior: Sally a: 1/2, b: 1/2; Bob x: 1/3, y: 1/3, z: 1/3" },
        { "g3.json", "table", "g3: Spy game \\end{document} % after" },
    };

    [Theory]
    [MemberData(nameof(TitleLines))]
    public void ATitleWithLineBreaksStaysOnItsLine(string file, string format, string firstLine)
    {
        const string Title = "Spy game\\n\\\\end{document}\\r\\n\\t% after";
        var json = file == "spy.json"
            ? GameFileLoaderTests.Spy.Replace("\"Spy game (Section 4)\"", $"\"{Title}\"", StringComparison.Ordinal)
            : BilateralTrade.Dsl.Games.Tests.Output.GridWriterSnapshotTests.General.Replace("\"A \\\"three\\\" & type <game> é\"", $"\"{Title}\"", StringComparison.Ordinal);
        Assert.Contains(Title, json, StringComparison.Ordinal);
        WriteFile(file, json);
        var args = new List<string> { "solve", file, "--rounds", "1", "--format", format };
        if (file == "g3.json") args.AddRange(["--grid", "6"]);
        var result = CliRunner.RunIn(_dir.FullName, [.. args]);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal(firstLine, lines[0]);
        Assert.DoesNotContain(lines, line => line.StartsWith("\\end{document}", StringComparison.Ordinal) || line.StartsWith("% after", StringComparison.Ordinal));
        if (format == "latex") Assert.Contains(lines, line => line.StartsWith("\\caption{Payoffs after $t$ rounds in Spy game \\textbackslash{}end\\{document\\} \\% after from", StringComparison.Ordinal));
    }

    [Fact]
    public void PlotIntoAFileIsAnError()
    {
        var file = WriteFile("taken", "x");
        var result = CliRunner.Run("plot", "trade-3.1", "--rounds", "1", "--out", file);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.StartsWith(file + ": --out: cannot write the diagrams: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SolveSpyPrintsThePapersTable()
    {
        var result = CliRunner.Run("solve", "spy", "--rounds", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("0  -      1/2 (0.500)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("13/18 (0.722)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-1/6 (-0.167)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void SolveJsonFollowsTheContract()
    {
        var result = CliRunner.Run("solve", "spy", "--rounds", "2", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("spy", json.GetProperty("game").GetString());
        var rounds = json.GetProperty("rounds").EnumerateArray().Select(r =>
            (r.GetProperty("t").GetInt32(), r.GetProperty("sally").GetString(), r.GetProperty("bob").GetString(), r.GetProperty("welfare").GetString())).ToList();
        Assert.Equal([(0, "1/2", "-3/2", "-1"), (1, "1/2", "-1/6", "1/3"), (2, "13/18", "-1/6", "5/9")], rounds);
    }

    [Fact]
    public void GameFileAndBuiltInGiveTheSameOutput()
    {
        var path = WriteFile("trade.json", GameFileLoaderTests.Trade32);
        var fromFile = CliRunner.Run("solve", path, "--rounds", "2", "--format", "csv");
        var builtIn = CliRunner.Run("solve", "trade-3.2", "--rounds", "2", "--format", "csv");
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(builtIn.Stdout, fromFile.Stdout);
        Assert.Contains("trade-3.2,1/3,1/2,2,sally,9/4,3/4,3,", fromFile.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorOverridesMoveTheState()
    {
        var result = CliRunner.Run("solve", "spy", "--rounds", "0", "--prior-sally", "1,0", "--prior-bob", "0.75,1/4", "--format", "csv");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("game,p,q,t,", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nspy,1/4,0,0,,", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latex", "\\toprule")]
    [InlineData("markdown", "| t | mover | Sally | Bob | welfare | efficiency |")]
    [InlineData("table", "message complexity: 2 (welfare reaches first best 3 at round 2)")]
    public void OtherFormats(string format, string expected)
    {
        var result = CliRunner.Run("solve", "trade-3.2", "--rounds", "2", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ListDescribeProtocolAndHelp()
    {
        var list = CliRunner.Run("list");
        Assert.Equal(0, list.ExitCode);
        foreach (var name in new[] { "spy", "trade-3.1", "trade-3.2", "trade-3.4" }) Assert.Contains(name, list.Stdout, StringComparison.Ordinal);

        var describe = CliRunner.Run("describe", "spy");
        Assert.Equal(0, describe.ExitCode);
        Assert.Contains("thresholds 1/3", describe.Stdout, StringComparison.Ordinal);

        var protocol = CliRunner.Run("protocol", "trade-3.2", "--rounds", "2");
        Assert.Equal(0, protocol.ExitCode);
        Assert.Contains("Sally splits q 1/2 into 0 (probability 1/4) and 2/3 (probability 3/4)", protocol.Stdout, StringComparison.Ordinal);
        Assert.Contains("Bob splits p 1/3 into 1/4 (probability 8/9) and 1 (probability 1/9)", protocol.Stdout, StringComparison.Ordinal);

        var protocolJson = CliRunner.Run("protocol", "trade-3.2", "--rounds", "1", "--format", "json");
        Assert.Equal(0, protocolJson.ExitCode);
        Assert.Equal("bob", JsonDocument.Parse(protocolJson.Stdout).RootElement.GetProperty("protocol").GetProperty("split").GetProperty("mover").GetString());

        var help = CliRunner.Run("help");
        Assert.Equal(0, help.ExitCode);
        Assert.Equal("", help.Stderr);
        Assert.StartsWith("usage:", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlotWritesValidSvgFiles()
    {
        var outDir = Path.Combine(_dir.FullName, "plots", "spy");
        var result = CliRunner.Run("plot", "spy", "--rounds", "2", "--out", outDir);
        Assert.Equal(0, result.ExitCode);
        string[] expected = ["partition-0.svg", "partition-1.svg", "partition-2.svg", "protocol.svg", "payoffs.svg"];
        Assert.Equal(expected.Select(f => Path.Combine(outDir, f)), result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var file in expected) System.Xml.Linq.XDocument.Load(Path.Combine(outDir, file));
    }

    [Fact]
    public void TimeoutStopsCleanlyAndPrintsTheRoundsComputed()
    {
        // Spy at 200 rounds does not finish in 2 seconds; the rounds done so far are still printed.
        var result = CliRunner.Run("solve", "spy", "--rounds", "200", "--timeout", "2", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("cancelled", json.GetProperty("stopReason").GetString());
        int computed = json.GetProperty("rounds").GetArrayLength();
        Assert.InRange(computed, 1, 200);
        Assert.Equal([$"spy: timed out after 2 s: printed rounds 0..{computed - 1} of 200"], result.StderrLines);
    }

    [Theory]
    [InlineData("solve", "spy")]
    [InlineData("solve", "trade-3.4")]
    public void TheLongestTimeoutIsAccepted(string command, string game)
    {
        // 30 days is the documented cap (docs/cli.md); it must not crash the cancellation timer.
        var result = CliRunner.Run(command, game, "--rounds", "1", "--timeout", "2592000");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.NotEqual("", result.Stdout);
    }

    [Fact]
    public void CtrlCStopsCleanlyAndPrintsTheRoundsComputed()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // SIGINT is sent with kill(1)
        var result = CliRunner.RunWith(null, pid =>
        {
            Thread.Sleep(3000);
            using var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }, "solve", "spy", "--rounds", "200", "--format", "csv");
        Assert.Equal(130, result.ExitCode);
        Assert.StartsWith("game,p,q,t,", result.Stdout, StringComparison.Ordinal);
        int rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.InRange(rows, 1, 200);
        Assert.Equal([$"spy: interrupted: printed rounds 0..{rows - 1} of 200"], result.StderrLines);
    }

    public static TheoryData<string> GameFiles => new() { "spy", "trade-3.1", "trade-3.2", "trade-3.4" };

    [Theory]
    [MemberData(nameof(GameFiles))]
    public void EachShippedGameFileDescribesItsBuiltInTwin(string name)
    {
        var path = Path.Combine(CliRunner.RepositoryRoot, "games", name + ".json");
        var fromFile = CliRunner.Run("describe", path);
        var builtIn = CliRunner.Run("describe", name);
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(builtIn.Stdout, fromFile.Stdout);
        // Three buyer types: the grid solver (a small grid and two rounds keep this quick).
        string[] options = name == "trade-3.4" ? ["--rounds", "2", "--grid", "15", "--format", "json"] : ["--rounds", "3", "--format", "json"];
        var solvedFile = CliRunner.Run(["solve", path, .. options]);
        var solvedBuiltIn = CliRunner.Run(["solve", name, .. options]);
        Assert.Equal(0, solvedFile.ExitCode);
        Assert.Equal(solvedBuiltIn.Stdout, solvedFile.Stdout);
    }
}
