using Microsoft.CodeAnalysis;

namespace BilateralTrade.Dsl.Generator.Tests.Fuzzing;

/// <summary>Declarations the fuzzer found broken, kept as plain regression tests.</summary>
public sealed class FuzzRegressionTests
{
    private const string Body = """
        [Game("kw")]
        [BilateralTrade(Costs = new[] { "0" }, Values = new[] { "3", "6" })]
        [Prior(Player.Sally, "1")]
        [Prior(Player.Bob, "1/2", "1/2")]
        """;

    [Theory]
    // A namespace with a keyword made the hint name "@if.Game.g.cs", which Roslyn rejects (was BTG024).
    [InlineData("namespace @if.@namespace;\n" + Body + "\npublic partial class Game;", "if.namespace.Game.g.cs")]
    // Keyword class names were emitted unescaped: "partial class class" (CS0116, CS0260).
    [InlineData("namespace N;\n" + Body + "\npublic static partial class @static;", "N.static.g.cs")]
    [InlineData("namespace N;\npublic partial class @class {\n" + Body + "\npublic partial class @record; }", "N.class.record.g.cs")]
    [InlineData("namespace N;\n" + Body + "\npublic partial class @var;", "N.var.g.cs")]
    public void Keyword_names_get_code_that_compiles(string declaration, string hintName)
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.Usings + declaration);
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(hintName, Assert.Single(run.GameSources).HintName);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
