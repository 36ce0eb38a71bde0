using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games.Tests.GameFiles;

public class GameFileLoaderTests
{
    internal const string Spy = """
        {
          "name": "spy",
          "title": "Spy game (Section 4)",
          "sally": { "types": ["east", "west"], "prior": ["1/2", "1/2"] },
          "bob":   { "types": ["east", "west"], "prior": ["1/2", "1/2"] },
          "actions": ["C", "E"],
          "payoffs": {
            "C": { "sally": [["1", "-2"], ["-2", "1"]], "bob": [["1", "2"], ["2", "1"]] },
            "E": { "sally": [["-1", "2"], ["2", "-1"]], "bob": [["-1", "-2"], ["-2", "-1"]] }
          }
        }
        """;

    internal const string Trade32 = """
        {
          "name": "trade-3.2",
          "bilateralTrade": { "costs": ["0", "2"], "values": ["3", "6"] },
          "sally": { "prior": ["1/2", "1/2"] },
          "bob":   { "prior": ["2/3", "1/3"] }
        }
        """;

    [Fact]
    public void FullFormatReadsEveryField()
    {
        var game = GameFileLoader.LoadFromText(Spy, "spy.json");
        Assert.Equal("spy", game.Name);
        Assert.Equal("Spy game (Section 4)", game.Title);
        Assert.Equal(["east", "west"], game.SallyTypes.ToArray());
        Assert.Equal(["C", "E"], game.Actions.ToArray());
        Assert.Equal((Rational)(-2), game.Utility(Player.Sally, 0, 0, 1));
        Assert.Equal((Rational)(2), game.Utility(Player.Bob, 0, 1, 0));
        Assert.Equal((Rational)(-1), game.Utility(Player.Bob, 1, 1, 1));
        Assert.Equal(Rational.Half, game.BobPrior[1]);
        Assert.Null(game.BilateralTrade);
    }

    [Fact]
    public void ShorthandBuildsTheBilateralTradeGame()
    {
        var game = GameFileLoader.LoadFromText(Trade32, "t.json");
        Assert.Equal(["0", "2"], game.SallyTypes.ToArray());
        Assert.Equal(["3", "6"], game.BobTypes.ToArray());
        Assert.Equal(["price 3", "price 6", "no trade"], game.Actions.ToArray());
        Assert.Equal((Rational)(3), game.FirstBestWelfare);
        Assert.Null(game.Title);
    }

    [Fact]
    public void ShorthandMatchesTheSameGameWrittenInFull()
    {
        var full = GameFileLoader.LoadFromText("""
            { "name": "trade-3.2",
              "sally": { "types": ["0", "2"], "prior": ["1/2", "1/2"] },
              "bob": { "types": ["3", "6"], "prior": ["2/3", "1/3"] },
              "actions": ["price 3", "price 6", "no trade"],
              "payoffs": {
                "price 3": { "sally": [[3, 3], [1, 1]], "bob": [[0, 3], [0, 3]] },
                "price 6": { "sally": [[0, 6], [0, 4]], "bob": [[0, 0], [0, 0]] },
                "no trade": { "sally": [[0, 0], [0, 0]], "bob": [[0, 0], [0, 0]] } } }
            """, "full.json");
        var shorthand = GameFileLoader.LoadFromText(Trade32, "t.json");
        foreach (var player in new[] { Player.Sally, Player.Bob })
            for (int a = 0; a < 3; a++)
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++)
                        Assert.Equal(shorthand.Utility(player, a, i, j), full.Utility(player, a, i, j));
    }

    [Fact]
    public void NumbersMayBeIntegersDecimalStringsOrFractions()
    {
        var game = GameFileLoader.LoadFromText(Spy.Replace("[\"1\", \"-2\"], [\"-2\", \"1\"]", "[1, -2], [\"-0.25\", \" 7/14 \"]"), "spy.json");
        Assert.Equal((Rational)(-2), game.Utility(Player.Sally, 0, 0, 1));
        Assert.Equal(new Rational(-1, 4), game.Utility(Player.Sally, 0, 1, 0));
        Assert.Equal(Rational.Half, game.Utility(Player.Sally, 0, 1, 1));
    }

    [Fact]
    public void LoadReadsAFileAndNamesItInErrors()
    {
        var dir = Directory.CreateTempSubdirectory("gamefiles");
        try
        {
            var path = Path.Combine(dir.FullName, "spy.json");
            File.WriteAllText(path, Spy);
            Assert.Equal("spy", GameFileLoader.Load(path).Name);
            File.WriteAllText(path, Spy.Replace("\"1/2\", \"1/2\"] },\n  \"bob\"", "\"1/2\", \"1/3\"] },\n  \"bob\""));
            var e = Assert.Throws<GameFileException>(() => GameFileLoader.Load(path));
            Assert.Equal(path + ": sally.prior: the probabilities must sum to exactly 1, got 5/6", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingFileAndDirectoryAreReported()
    {
        Assert.Equal("/no/such/dir/g.json: file: no such file (its directory does not exist)",
            Assert.Throws<GameFileException>(() => GameFileLoader.Load("/no/such/dir/g.json")).Message);
        var missing = Path.Combine(Path.GetTempPath(), "bt-dsl-no-such-game.json");
        Assert.Equal(missing + ": file: no such file", Assert.Throws<GameFileException>(() => GameFileLoader.Load(missing)).Message);
        var tmp = Path.GetTempPath().TrimEnd('/');
        Assert.Equal(tmp + ": file: is a directory, not a game file", Assert.Throws<GameFileException>(() => GameFileLoader.Load(tmp)).Message);
    }

    [Fact]
    public void FilesOverTheCapAndDevicesAreRefusedWithoutReadingThemWhole()
    {
        var dir = Directory.CreateTempSubdirectory("gamefiles");
        try
        {
            var big = Path.Combine(dir.FullName, "big.json");
            using (var f = File.Create(big)) f.SetLength(GameFileLoader.MaxFileBytes + 1L);
            Assert.Equal(big + ": file: is 16777217 bytes; a game file may have at most 16777216 bytes (16 MiB)",
                Assert.Throws<GameFileException>(() => GameFileLoader.Load(big)).Message);

            // Exactly at the cap is read (and then judged as JSON); a UTF-8 BOM is still skipped.
            var edge = Path.Combine(dir.FullName, "edge.json");
            var text = "\uFEFF" + Spy;
            File.WriteAllText(edge, text + new string(' ', GameFileLoader.MaxFileBytes - System.Text.Encoding.UTF8.GetByteCount(text)));
            Assert.Equal(GameFileLoader.MaxFileBytes, new FileInfo(edge).Length);
            Assert.Equal("spy", GameFileLoader.Load(edge).Name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        if (File.Exists("/dev/zero"))
            Assert.Equal("/dev/zero: file: gives more than 16777216 bytes (16 MiB) when read: not a regular game file (a device such as /dev/zero?)",
                Assert.Throws<GameFileException>(() => GameFileLoader.Load("/dev/zero")).Message);
    }

    public static TheoryData<string, string, string> FullFormatErrors => new()
    {
        // name of the case, (old, new) replacement in Spy given as "old=>new", expected message
        { "row too long", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[\"1\", \"-2\"], [\"-2\", \"1\", \"3\"]]", "spy.json: payoffs.C.sally[1]: expected 2 entries (one per Bob type), got 3" },
        { "too many rows", "\"bob\": [[\"1\", \"2\"], [\"2\", \"1\"]]=>\"bob\": [[\"1\", \"2\"], [\"2\", \"1\"], [\"0\", \"0\"]]", "spy.json: payoffs.C.bob: expected 2 rows (one per Sally type), got 3" },
        { "row not an array", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[\"1\", [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0]: expected an array of numbers, one per Bob type, got a string" },
        { "table not an array", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>{}", "spy.json: payoffs.C.sally: expected an array of rows, one per Sally type, got an object" },
        { "fraction JSON number", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[0.1, \"-2\"], [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0][0]: 0.1 is a JSON number with a fraction part or exponent, which is not exact; write it as a string such as \"0.1\" or \"n/d\"" },
        { "exponent JSON number", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[1e2, \"-2\"], [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0][0]: 1e2 is a JSON number with a fraction part or exponent, which is not exact; write it as a string such as \"1e2\" or \"n/d\"" },
        { "bad number text", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[\"one\", \"-2\"], [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0][0]: \"one\" is not an exact number: expected an integer, a fraction \"n/d\" or a decimal such as \"0.25\"" },
        { "zero denominator", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[\"1/0\", \"-2\"], [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0][0]: \"1/0\" has a zero denominator" },
        { "boolean number", "[[\"1\", \"-2\"], [\"-2\", \"1\"]]=>[[true, \"-2\"], [\"-2\", \"1\"]]", "spy.json: payoffs.C.sally[0][0]: expected an exact number (a string such as \"1/3\" or a JSON integer), got a boolean" },
        { "null number", "\"prior\": [\"1/2\", \"1/2\"] },\n  \"bob\"=>\"prior\": [null, \"1/2\"] },\n  \"bob\"", "spy.json: sally.prior[0]: expected an exact number (a string such as \"1/3\" or a JSON integer), got null" },
        { "unknown top-level field", "\"actions\"=>\"actionz\": [], \"actions\"", "spy.json: actionz: unknown field: expected one of \"name\", \"title\", \"sally\", \"bob\", \"actions\", \"payoffs\"" },
        { "unknown player field", "\"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"] },\n  \"bob\"=>\"types\": [\"east\", \"west\"], \"priors\": [\"1/2\", \"1/2\"] },\n  \"bob\"", "spy.json: sally.priors: unknown field: expected one of \"types\", \"prior\"" },
        { "unknown payoff field", "\"C\": { \"sally\"=>\"C\": { \"sallly\": 1, \"sally\"", "spy.json: payoffs.C.sallly: unknown field: expected one of \"sally\", \"bob\"" },
        { "payoffs for an unknown action", "\"E\": {=>\"F\": {}, \"E\": {", "spy.json: payoffs.F: unknown field: expected an action named in \"actions\" (\"C\", \"E\")" },
        { "payoffs missing an action", "[\"C\", \"E\"]=>[\"C\", \"E\", \"X\"]", "spy.json: payoffs: missing the payoffs of action \"X\"" },
        { "missing bob payoffs", ", \"bob\": [[\"-1\", \"-2\"], [\"-2\", \"-1\"]]=>", "spy.json: payoffs.E: missing field \"bob\"" },
        { "duplicate field", "\"title\"=>\"name\": \"again\", \"title\"", "spy.json: name: field given twice" },
        { "missing name", "\"name\": \"spy\",=>", "spy.json: top level: missing field \"name\"" },
        { "name not a string", "\"name\": \"spy\"=>\"name\": 3", "spy.json: name: expected a string, got a number" },
        { "empty name", "\"name\": \"spy\"=>\"name\": \" \"", "spy.json: name: the game needs a non-empty name" },
        { "title not a string", "\"title\": \"Spy game (Section 4)\"=>\"title\": null", "spy.json: title: expected a string, got null" },
        { "missing sally", "\"sally\": { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"] },=>", "spy.json: top level: missing field \"sally\"" },
        { "missing bob types", "\"bob\":   { \"types\": [\"east\", \"west\"], =>\"bob\":   { ", "spy.json: bob: missing field \"types\"" },
        { "missing prior", ", \"prior\": [\"1/2\", \"1/2\"] },\n  \"actions\"=> },\n  \"actions\"", "spy.json: bob: missing field \"prior\"" },
        { "sally not an object", "\"sally\": { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"] }=>\"sally\": []", "spy.json: sally: expected a JSON object, got an array" },
        { "types not strings", "\"bob\":   { \"types\": [\"east\", \"west\"]=>\"bob\":   { \"types\": [\"east\", 2]", "spy.json: bob.types[1]: expected a string, got a number" },
        { "no types", "\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"]=>\"bob\":   { \"types\": [], \"prior\": []", "spy.json: bob.types: expected at least one type" },
        { "duplicate type", "\"bob\":   { \"types\": [\"east\", \"west\"]=>\"bob\":   { \"types\": [\"east\", \"east\"]", "spy.json: bob.types[1]: duplicate type name \"east\"" },
        { "prior wrong length", "\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"]=>\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1\"]", "spy.json: bob.prior: expected 2 entries (one per Bob type), got 1" },
        { "negative prior", "\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"]=>\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"3/2\", \"-1/2\"]", "spy.json: bob.prior[1]: a probability cannot be negative, got -1/2" },
        { "prior does not sum to one", "\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"]=>\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"0.5\", \"0.4\"]", "spy.json: bob.prior: the probabilities must sum to exactly 1, got 9/10" },
        { "prior not an array", "\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": [\"1/2\", \"1/2\"]=>\"bob\":   { \"types\": [\"east\", \"west\"], \"prior\": \"1/2\"", "spy.json: bob.prior: expected an array of exact numbers, got a string" },
        { "no actions", "\"actions\": [\"C\", \"E\"]=>\"actions\": []", "spy.json: actions: expected at least one action" },
        { "duplicate action", "\"actions\": [\"C\", \"E\"]=>\"actions\": [\"C\", \"C\"]", "spy.json: actions[1]: duplicate action name \"C\"" },
        { "empty action name", "\"actions\": [\"C\", \"E\"],=>\"actions\": [\"C\", \"E\", \"\"],\"payoffs2\": 1,", "spy.json: payoffs2: unknown field: expected one of \"name\", \"title\", \"sally\", \"bob\", \"actions\", \"payoffs\"" },
        { "payoffs not an object", "\"payoffs\": {=>\"payoffs\": [], \"x\": {", "spy.json: x: unknown field: expected one of \"name\", \"title\", \"sally\", \"bob\", \"actions\", \"payoffs\"" },
    };

    [Theory]
    [MemberData(nameof(FullFormatErrors))]
    public void FullFormatErrorsAreLocated(string caseName, string edit, string expected)
    {
        var parts = edit.Split("=>");
        Assert.True(Spy.Contains(parts[0], StringComparison.Ordinal), $"{caseName}: the edit does not apply");
        var json = ReplaceFirst(Spy, parts[0], parts[1]);
        var e = Assert.Throws<GameFileException>(() => GameFileLoader.LoadFromText(json, "spy.json"));
        Assert.Equal(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    public static TheoryData<string, string> OtherErrors => new()
    {
        { "", "g.json: top level: the file is empty; expected a JSON object describing one game" },
        { " \n", "g.json: top level: the file is empty; expected a JSON object describing one game" },
        { "{ \"name\": \"x\", }", "g.json: line 1, column 16: not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options" },
        { "{\n  \"name\": \"x\"\n  \"title\": 1 }", "g.json: line 3, column 3: not valid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'" },
        { "[1, 2]", "g.json: top level: expected a JSON object describing one game, got an array" },
        { "{ \"name\": \"x\", // c\n }", "g.json: line 1, column 16: not valid JSON: '/' is an invalid start of a property name" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\", \"2\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1/2\", \"1/2\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] }, \"actions\": [] }",
          "g.json: actions: unknown field: with \"bilateralTrade\" the types and actions are derived, so only \"name\", \"title\", \"bilateralTrade\", \"sally\", \"bob\" may appear here" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\", \"2\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"types\": [\"a\", \"b\"], \"prior\": [\"1/2\", \"1/2\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: sally.types: unknown field: in the bilateral-trade shorthand the types are the costs and values, so only \"prior\" may appear here" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\", \"2\"], \"values\": [\"6\", \"3\"] }, \"sally\": { \"prior\": [\"1/2\", \"1/2\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade.values[1]: values must be strictly increasing, got 3 after 6" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"2\", \"2\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1/2\", \"1/2\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade.costs[1]: costs must be strictly increasing, got 2 after 2" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade.costs: expected at least one entry" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"], \"value\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade.value: unknown field: expected one of \"costs\", \"values\"" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"] }, \"sally\": { \"prior\": [\"1\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade: missing field \"values\"" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"], \"values\": [\"3\", 6.5] }, \"sally\": { \"prior\": [\"1\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: bilateralTrade.values[1]: 6.5 is a JSON number with a fraction part or exponent, which is not exact; write it as a string such as \"6.5\" or \"n/d\"" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1\", \"0\"] }, \"bob\": { \"prior\": [\"1\", \"0\"] } }",
          "g.json: sally.prior: expected 1 entries (one per cost), got 2" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1\"] }, \"bob\": { \"prior\": [\"1/3\", \"1/3\"] } }",
          "g.json: bob.prior: the probabilities must sum to exactly 1, got 2/3" },
        { "{ \"name\": \"t\", \"bilateralTrade\": { \"costs\": [\"0\"], \"values\": [\"3\", \"6\"] }, \"sally\": { \"prior\": [\"1\"] } }",
          "g.json: top level: missing field \"bob\"" },
        { "{ \"name\": \"t\", \"bilateralTrade\": [], \"sally\": { \"prior\": [\"1\"] } }",
          "g.json: bilateralTrade: expected a JSON object, got an array" },
    };

    [Theory]
    [MemberData(nameof(OtherErrors))]
    public void OtherErrorsAreLocated(string json, string expected)
    {
        var e = Assert.Throws<GameFileException>(() => GameFileLoader.LoadFromText(json, "g.json"));
        const string syntax = "not valid JSON: ";
        if (expected.Contains(syntax, StringComparison.Ordinal))
        {
            // System.Text.Json words the syntax error itself; the file, line and column are ours.
            var prefix = expected.Substring(0, expected.IndexOf(syntax, StringComparison.Ordinal) + syntax.Length);
            Assert.StartsWith(prefix, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, e.Message);
        }
        Assert.DoesNotContain("\n", e.Message);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        int i = text.IndexOf(old, StringComparison.Ordinal);
        return text.Substring(0, i) + replacement + text.Substring(i + old.Length);
    }
}
