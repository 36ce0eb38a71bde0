extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using BilateralTrade.Dsl.Games;
using generator::BilateralTrade.Dsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>Runs the [Game] generator on in-memory sources against .NET 10 reference assemblies and the Runtime.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static IReadOnlyList<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(GameDefinition).Assembly.Location))
            .ToList();

    /// <summary>The usual usings of a game file.</summary>
    public const string Usings = "using BilateralTrade.Dsl;\n";

    public static CSharpCompilation Compilation(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create("GameTests",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Compilation(string source) => Compilation(("Game.cs", source));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new GameGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public sealed record Run(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics, GeneratorRunResult Result)
    {
        /// <summary>Diagnostics the generator reported.</summary>
        public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

        public IEnumerable<GeneratedSourceResult> GameSources =>
            Result.GeneratedSources.Where(s => !s.HintName.StartsWith("BilateralTrade.Dsl.Generated.", StringComparison.Ordinal));

        public string Source(string hintName) => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
    }

    public static Run RunGenerator(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new Run(driver, output, diagnostics, result);
    }

    public static Run RunGenerator(string source) => RunGenerator(Compilation(source));

    /// <summary>The repository root (the folder holding BilateralTrade.Dsl.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BilateralTrade.Dsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("BilateralTrade.Dsl.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The sources of src/Games/BuiltIn, as (path, text), ordered by path.</summary>
    public static (string Path, string Text)[] BuiltInSources() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "src", "Games", "BuiltIn"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToArray();

    /// <summary>Compiles the built-in games with the generator's output and loads the assembly (the Runtime resolves to the test's own copy).</summary>
    public static Assembly LoadBuiltInGames()
    {
        var run = RunGenerator(Compilation(BuiltInSources()));
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("BuiltInGames", isCollectible: true).LoadFromStream(stream);
    }
}
