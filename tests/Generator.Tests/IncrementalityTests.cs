extern alias generator;

using System.Collections;
using System.Reflection;
using generator::BilateralTrade.Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits change nothing downstream, and no symbol or syntax is kept.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = typeof(GameGenerator.TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    private const string Spy = GeneratorHarness.Usings + """
        namespace Games;

        [Game("spy", Title = "Spy game (Section 4)")]
        [Types(Player.Sally, "0", "1")]
        [Types(Player.Bob, "0", "1")]
        [Actions("C", "E")]
        [Payoffs("C", Player.Sally, "1 -2", "-2 1")]
        [Payoffs("C", Player.Bob, "1 2", "2 1")]
        [Payoffs("E", Player.Sally, "-1 2", "2 -1")]
        [Payoffs("E", Player.Bob, "-1 -2", "-2 -1")]
        [Prior(Player.Sally, "1/2", "1/2")]
        [Prior(Player.Bob, "1/2", "1/2")]
        public static partial class SpyGame;
        """;

    private const string Trade = GeneratorHarness.Usings + """
        namespace Games;

        [Game("trade")]
        [BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6" })]
        [Prior(Player.Sally, "1/2", "1/2")]
        [Prior(Player.Bob, "2/3", "1/3")]
        public static partial class Trade;
        """;

    private const string Other = "namespace Games;\npublic static class Unrelated { public static int Value => 1; }\n";

    private static (GeneratorHarness.Run First, CSharpCompilation Compilation) Start()
    {
        var compilation = GeneratorHarness.Compilation(("Spy.cs", Spy), ("Trade.cs", Trade), ("Other.cs", Other));
        return (GeneratorHarness.RunGenerator(compilation), compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Outputs(GeneratorHarness.Run run) =>
        run.Result.TrackedSteps
            .Where(s => TrackedSteps.Contains(s.Key))
            .SelectMany(s => s.Value.SelectMany(step => step.Outputs.Select(o => (s.Key, o.Reason))));

    [Fact]
    public void Every_step_is_tracked()
    {
        // A second "spy" (a duplicate name) with an unplayed action feeds both diagnostic branches.
        var duplicate = Spy.Replace("SpyGame", "SpyAgain").Replace("[Actions(\"C\", \"E\")]", "[Actions(\"C\", \"E\", \"X\")]")
            .Replace("[Prior(Player.Sally,", "[Payoffs(\"X\", Player.Sally, \"-9 -9\", \"-9 -9\")]\n[Payoffs(\"X\", Player.Bob, \"0 0\", \"0 0\")]\n[Prior(Player.Sally,");
        var first = GeneratorHarness.RunGenerator(GeneratorHarness.Compilation(("Spy.cs", Spy), ("Trade.cs", Trade), ("Again.cs", duplicate)));
        Assert.Contains(first.Diagnostics, d => d.Id == "BTG019");
        Assert.Contains(first.Diagnostics, d => d.Id == "BTG020");
        var missing = TrackedSteps.Where(s => !first.Result.TrackedSteps.ContainsKey(s)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing) + "; have: " + string.Join(", ", first.Result.TrackedSteps.Keys));
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "Other.cs", Other.Replace("=> 1;", "=> 2; // edited"));
        var second = GeneratorHarness.RunGenerator(edited, first.Driver);
        var outputs = Outputs(second).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{o.Step}: {o.Reason}"));
    }

    [Fact]
    public void Changing_one_payoff_cell_modifies_that_game_only()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "Spy.cs", Spy.Replace("[Payoffs(\"C\", Player.Bob, \"1 2\", \"2 1\")]", "[Payoffs(\"C\", Player.Bob, \"1 3\", \"2 1\")]"));
        var second = GeneratorHarness.RunGenerator(edited, first.Driver);
        var models = second.Result.TrackedSteps[GameGenerator.TrackingNames.Models]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, models);
        Assert.Single(models, r => r == IncrementalStepRunReason.Modified);
        var emitted = second.Result.TrackedSteps[GameGenerator.TrackingNames.ModelsToEmit]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, emitted);
        Assert.Contains("new global::BilateralTrade.Dsl.Numerics.Rational[] { 1, 3 }", second.Source("Games.SpyGame.g.cs"));
        // The registry does not depend on payoffs.
        Assert.All(second.Result.TrackedSteps[GameGenerator.TrackingNames.Registry].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void No_symbol_syntax_or_compilation_is_reachable_from_any_tracked_step()
    {
        var (first, compilation) = Start();
        var second = GeneratorHarness.RunGenerator(Replace(compilation, "Other.cs", Other + "// edit\n"), first.Driver);
        foreach (var run in new[] { first, second })
        {
            foreach (var (name, steps) in run.Result.TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)))
            {
                foreach (var (value, _) in steps.SelectMany(s => s.Outputs))
                    AssertNoRoslynObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        Assert.False(value is ISymbol, $"{path} holds an ISymbol ({type})");
        Assert.False(value is SyntaxNode, $"{path} holds a SyntaxNode ({type})");
        Assert.False(value is Compilation, $"{path} holds a Compilation ({type})");
        Assert.False(value is SemanticModel, $"{path} holds a SemanticModel ({type})");
        Assert.False(value is SyntaxTree, $"{path} holds a SyntaxTree ({type})");
        Assert.False(value is Location { SourceTree: not null }, $"{path} holds a source Location ({type})");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable sequence && value is not string)
        {
            int i = 0;
            foreach (var item in sequence) AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
            }
        }
    }
}
