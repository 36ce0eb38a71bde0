extern alias generator;

using generator::BilateralTrade.Dsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>
/// One case per diagnostic: the source marks the expected location with [| |]; the test asserts the
/// ID, the exact span and that a game with an error gets no generated code.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Valid = GeneratorHarness.Usings + """
        [Game("g")]
        [Types(Player.Sally, "s0", "s1")]
        [Types(Player.Bob, "b0", "b1")]
        [Actions("A", "B")]
        [Payoffs("A", Player.Sally, "1 0", "0 1")]
        [Payoffs("A", Player.Bob, "1 1", "1 1")]
        [Payoffs("B", Player.Sally, "0 1", "1 0")]
        [Payoffs("B", Player.Bob, "0 0", "0 0")]
        [Prior(Player.Sally, "1/2", "1/2")]
        [Prior(Player.Bob, "1/2", "1/2")]
        public partial class G;
        """;

    private const string ValidTrade = GeneratorHarness.Usings + """
        [Game("t")]
        [BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6" })]
        [Prior(Player.Sally, "1/2", "1/2")]
        [Prior(Player.Bob, "2/3", "1/3")]
        public partial class T;
        """;

    private static string Edit(string source, string from, string to)
    {
        Assert.Contains(from, source);
        return source.Replace(from, to);
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "BTG001", Edit(Valid, "public partial class G;", "public class [|G|];") },
        { "BTG002", Edit(Valid, "public partial class G;", "public partial class G[|<T>|];") },
        { "BTG003", Edit(Valid, "[Game(", "public class Outer {\n[Game(").Replace("public partial class G;", "public partial class [|G|]; }") },
        { "BTG004", Edit(Valid, "[Types(Player.Bob, \"b0\", \"b1\")]\n", "").Replace("[Game(\"g\")]", "[Game([|\"g\"|])]") },
        { "BTG004", Edit(Valid, "[Types(Player.Bob, \"b0\", \"b1\")]", "[[|Types(Player.Bob)|]]") },
        { "BTG004", Edit(ValidTrade, "Values = new[] { \"3\", \"6\" }", "[|Values = new string[0]|]") },
        { "BTG005", Edit(Valid, "[Types(Player.Sally, \"s0\", \"s1\")]", "[Types(Player.Sally, \"s0\", [|\"s0\"|])]") },
        { "BTG006", Edit(Valid, "[Actions(\"A\", \"B\")]", "[Actions(\"A\", \"B\", [|\"A\"|])]") },
        { "BTG007", Edit(Valid, "[Payoffs(\"A\", Player.Sally, \"1 0\"", "[Payoffs(\"A\", Player.Sally, \"1 [|0.1.2|]\"") },
        { "BTG007", Edit(Valid, "[Prior(Player.Sally, \"1/2\", \"1/2\")]", "[Prior(Player.Sally, [|\"half\"|], \"1/2\")]") },
        { "BTG008", Edit(Valid, "[Prior(Player.Sally, \"1/2\", \"1/2\")]", "[Prior(Player.Sally, [|\"1/0\"|], \"1/2\")]") },
        { "BTG008", Edit(ValidTrade, "Costs = new[] { \"0\", \"2\" }", "Costs = new[] { \"0\", [|\"2/0\"|] }") },
        { "BTG009", Edit(Valid, "[Payoffs(\"B\", Player.Bob, \"0 0\", \"0 0\")]", "[Payoffs(\"B\", Player.Bob, \"0 0\", [|\"0 0 0\"|])]") },
        { "BTG009", Edit(Valid, "[Payoffs(\"B\", Player.Bob, \"0 0\", \"0 0\")]", "[Payoffs([|\"B\"|], Player.Bob, \"0 0\")]") },
        { "BTG009", Edit(Valid, "[Payoffs(\"B\", Player.Bob, \"0 0\", \"0 0\")]", "[Payoffs(\"B\", Player.Bob, \"0 0\", \"0 0\", [|\"0 0\"|])]") },
        { "BTG010", Edit(Valid, "[Payoffs(\"B\", Player.Bob, \"0 0\", \"0 0\")]\n", "").Replace("[Actions(\"A\", \"B\")]", "[Actions(\"A\", [|\"B\"|])]") },
        { "BTG011", Edit(Valid, "[Prior(Player.Sally,", "[Payoffs([|\"Z\"|], Player.Bob, \"0 0\", \"0 0\")]\n[Prior(Player.Sally,") },
        { "BTG012", Edit(Valid, "[Actions(", "[Types([|Player.Sally|], \"x\", \"y\")]\n[Actions(") },
        { "BTG012", Edit(Valid, "[Prior(Player.Sally,", "[Payoffs([|\"B\"|], Player.Bob, \"0 0\", \"0 0\")]\n[Prior(Player.Sally,") },
        { "BTG013", Edit(Valid, "[Prior(Player.Bob, \"1/2\", \"1/2\")]", "[Prior(Player.Bob, \"1/2\", \"1/4\", [|\"1/4\"|])]") },
        { "BTG013", Edit(Valid, "[Prior(Player.Bob, \"1/2\", \"1/2\")]", "[Prior([|Player.Bob|], \"1\")]") },
        { "BTG014", Edit(Valid, "[Prior(Player.Bob, \"1/2\", \"1/2\")]", "[Prior(Player.Bob, [|\"-1/2\"|], \"3/2\")]") },
        { "BTG015", Edit(Valid, "[Prior(Player.Bob, \"1/2\", \"1/2\")]", "[Prior(Player.Bob, [|\"1/2\", \"1/3\"|])]") },
        { "BTG015", Edit(ValidTrade, "[Prior(Player.Bob, \"2/3\", \"1/3\")]", "[Prior(Player.Bob, new[] { [|\"0.66\", \"0.33\"|] })]") },
        { "BTG016", Edit(Valid, "[Actions(\"A\", \"B\")]\n", "").Replace("[Game(\"g\")]", "[Game([|\"g\"|])]") },
        { "BTG016", Edit(Valid, "[Actions(\"A\", \"B\")]", "[[|Actions()|]]") },
        { "BTG017", Edit(ValidTrade, "Values = new[] { \"3\", \"6\" }", "Values = new[] { \"6\", [|\"3\"|] }") },
        { "BTG017", Edit(ValidTrade, "Costs = new[] { \"0\", \"2\" }", "Costs = new[] { \"0\", [|\"0.0\"|] }") },
        { "BTG018", Edit(ValidTrade, "[Prior(Player.Sally,", "[[|Payoffs(\"price 3\", Player.Sally, \"1 1\", \"1 1\")|]]\n[Prior(Player.Sally,") },
        { "BTG020", Edit(Valid, "[Actions(\"A\", \"B\")]", "[Actions(\"A\", \"B\", [|\"C\"|])]")
            .Replace("[Prior(Player.Sally,", "[Payoffs(\"C\", Player.Sally, \"0 0\", \"0 0\")]\n[Payoffs(\"C\", Player.Bob, \"5 5\", \"5 5\")]\n[Prior(Player.Sally,") },
        { "BTG021", Edit(Valid, "[Prior(Player.Sally, \"1/2\", \"1/2\")]\n", "").Replace("[Game(\"g\")]", "[Game([|\"g\"|])]") },
        { "BTG022", Edit(Valid, "[Types(Player.Sally, \"s0\", \"s1\")]", "[Types(Player.Sally, \"s0\", [|\" \"|])]") },
        { "BTG022", Edit(Valid, "[Game(\"g\")]", "[Game([|\"\"|])]") },
        { "BTG023", Edit(Valid, "[Types(Player.Sally, \"s0\", \"s1\")]", "[Types(Player.Sally, \"s0\", \"s1\")]\n[Types([|(Player)7|], \"x\")]") },
        { "BTG024", Edit(Valid, "public partial class G;", "public partial class [|Explodes|];") },
        // Found by the generator fuzzer: a class named like a generated member got code that does not compile (CS0542).
        { "BTG025", Edit(Valid, "public partial class G;", "public partial class [|Definition|];") },
        { "BTG025", Edit(ValidTrade, "public partial class T;", "public partial class [|BaseGame|];") },
        { "BTG025", Edit(Valid, "public partial class G;", "public partial class G { public static int [|Solve|] = 1; }") },
        { "BTG025", Edit(Valid, "public partial class G;", "public partial class G { public const string [|GameName|] = \"x\"; }") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_is_reported_on_the_offending_argument(string id, string markedSource)
    {
        GameParser.BeforeParse = name => { if (name == "Explodes") throw new InvalidOperationException("boom (test)"); };
        var (source, span) = Unmark(markedSource);
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("Game.cs", source)));
        Assert.Empty(run.DriverDiagnostics.Where(d => d.Id is "CS8785" or "AD0001"));
        Assert.Null(run.Result.Exception);
        var found = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count > 0, $"no {id}; got: {string.Join("\n", run.Diagnostics)}");
        Assert.Contains(found, d => d.Location.SourceSpan == span && d.Location.GetLineSpan().Path == "Game.cs");
        var diagnostic = found.First(d => d.Location.SourceSpan == span);
        Assert.Equal(run.Output.SyntaxTrees.First().GetLineSpan(span).Span, diagnostic.Location.GetLineSpan().Span);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
        if (diagnostic.Severity == DiagnosticSeverity.Error)
            Assert.Empty(run.GameSources);
        else
            Assert.Single(run.GameSources);
    }

    [Fact]
    public void Two_games_with_one_name_are_both_reported_and_neither_is_generated()
    {
        var (first, firstSpan) = Unmark(Edit(Valid, "[Game(\"g\")]", "[Game([|\"g\"|])]"));
        var (second, secondSpan) = Unmark(Edit(ValidTrade, "[Game(\"t\")]", "[Game([|\"g\"|])]"));
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("First.cs", first), ("Second.cs", second)));
        var found = run.Diagnostics.Where(d => d.Id == "BTG019").ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Location.GetLineSpan().Path == "First.cs" && d.Location.SourceSpan == firstSpan);
        Assert.Contains(found, d => d.Location.GetLineSpan().Path == "Second.cs" && d.Location.SourceSpan == secondSpan);
        Assert.Empty(run.GameSources);
        Assert.DoesNotContain(".Definition", run.Source("BilateralTrade.Dsl.Generated.BuiltInGames.g.cs"));
    }

    [Fact]
    public void Never_played_action_with_three_bob_types_is_found_exactly()
    {
        // "C" ties "A" for Sally only where b = (1/3, 1/3, 1/3)... no: C is beaten by A or B everywhere
        // except at the single belief (1/2, 0, 1/2) where S_A = S_B = S_C; there Bob prefers A.
        const string marked = GeneratorHarness.Usings + """
            [Game("three")]
            [Types(Player.Sally, "only")]
            [Types(Player.Bob, "x", "y", "z")]
            [Actions("A", "B", [|"C"|], "D")]
            [Payoffs("A", Player.Sally, "2 0 0")]
            [Payoffs("A", Player.Bob, "1 1 1")]
            [Payoffs("B", Player.Sally, "0 0 2")]
            [Payoffs("B", Player.Bob, "0 0 0")]
            [Payoffs("C", Player.Sally, "1 0 1")]
            [Payoffs("C", Player.Bob, "0 0 0")]
            [Payoffs("D", Player.Sally, "1 1 1")]
            [Payoffs("D", Player.Bob, "0 0 0")]
            [Prior(Player.Sally, "1")]
            [Prior(Player.Bob, "1/3", "1/3", "1/3")]
            public partial class Three;
            """;
        var (source, span) = Unmark(marked);
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("Game.cs", source)));
        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("BTG020", warning.Id);
        Assert.Equal(span, warning.Location.SourceSpan);
        Assert.Single(run.GameSources);
        // When Bob prefers C at that belief, C is played there, and only there.
        var tied = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("Game.cs",
            source.Replace("[Payoffs(\"C\", Player.Bob, \"0 0 0\")]", "[Payoffs(\"C\", Player.Bob, \"5 5 5\")]"))));
        Assert.Empty(tied.Diagnostics);
        Assert.Contains("new global::BilateralTrade.Dsl.Numerics.Rational[] { new(1, 2), 0, new(1, 2) }, // C", tied.GameSources.Single().SourceText.ToString());
    }

    [Fact]
    public void A_malformed_game_gets_its_diagnostics_and_no_code_and_never_crashes()
    {
        const string source = GeneratorHarness.Usings + """
            [Game("")]
            [Types(Player.Sally, "a", "a", null)]
            [Types((Player)3)]
            [Actions("x", "x", "")]
            [Payoffs("x", Player.Sally, "1/0 two", null, "1 2 3 4 5")]
            [Payoffs("nope", Player.Bob)]
            [Payoffs(null, (Player)9, null)]
            [BilateralTrade(Costs = new[] { "3", "1", "1" }, Values = null)]
            [Prior(Player.Sally, "-1", "2", "1/0")]
            [Prior(Player.Bob)]
            [Prior(Player.Bob, "1")]
            public class Broken<T>;
            """;
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("Broken.cs", source)));
        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "BTG024");
        Assert.Empty(run.GameSources);
        var ids = run.Diagnostics.Select(d => d.Id).ToHashSet();
        foreach (var expected in new[] { "BTG001", "BTG002", "BTG004", "BTG008", "BTG012", "BTG017", "BTG018", "BTG022", "BTG023" })
            Assert.Contains(expected, ids);
        Assert.All(run.Diagnostics, d => Assert.Equal("Broken.cs", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void Every_descriptor_has_a_documentation_page_and_a_release_entry()
    {
        var unshipped = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        var ids = typeof(generator::BilateralTrade.Dsl.Generator.GameGenerator).Assembly
            .GetType("BilateralTrade.Dsl.Generator.Diagnostics.Descriptors")!
            .GetProperty("All")!.GetValue(null) as IEnumerable<DiagnosticDescriptor>;
        foreach (var descriptor in ids!)
        {
            Assert.True(File.Exists(Path.Combine(GeneratorHarness.RepositoryRoot, "docs", "diagnostics", descriptor.Id + ".md")), descriptor.Id);
            Assert.Contains(descriptor.Id + " |", unshipped);
            Assert.Contains(Cases, c => (string)c[0] == descriptor.Id || descriptor.Id == "BTG019");
        }
    }

    private static (string Source, TextSpan Span) Unmark(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the test source needs one [| |] marker");
        var source = marked.Remove(end, 2).Remove(start, 2);
        return (source, new TextSpan(start, end - start - 2));
    }
}
