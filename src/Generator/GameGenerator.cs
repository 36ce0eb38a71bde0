using System;
using System.Linq;
using BilateralTrade.Dsl.Generator.Diagnostics;
using BilateralTrade.Dsl.Generator.Emitting;
using BilateralTrade.Dsl.Generator.Model;
using BilateralTrade.Dsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BilateralTrade.Dsl.Generator;

/// <summary>
/// The [Game] source generator: for each valid [Game] partial class it adds the game as exact
/// constants, its base game analysed at compile time and the Solve entry point, and it emits one
/// registry (BilateralTrade.Dsl.Generated.BuiltInGames) of all valid games. Diagnostics travel in
/// their own branch; a game with errors gets no code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GameGenerator : IIncrementalGenerator
{
    public const string GameAttributeName = "BilateralTrade.Dsl.GameAttribute";

    /// <summary>Names of the tracked pipeline steps (for incrementality tests).</summary>
    public static class TrackingNames
    {
        public const string Parse = nameof(Parse);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Models = nameof(Models);
        public const string Catalog = nameof(Catalog);
        public const string CatalogDiagnostics = nameof(CatalogDiagnostics);
        public const string DuplicateNames = nameof(DuplicateNames);
        public const string ModelsToEmit = nameof(ModelsToEmit);
        public const string Registry = nameof(Registry);
        public const string HasRuntime = nameof(HasRuntime);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(GameAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                GameParser.Parse)
            .WithTrackingName(TrackingNames.Parse);

        var diagnostics = results.SelectMany(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var catalog = results
            .Where(static r => r.Identity is not null)
            .Select(static (r, _) => r.Identity!)
            .Collect()
            .Select(static (games, _) => GameCatalog.Build(games))
            .WithTrackingName(TrackingNames.Catalog);

        var catalogDiagnostics = catalog.SelectMany(static (c, _) => c.Diagnostics).WithTrackingName(TrackingNames.CatalogDiagnostics);
        context.RegisterSourceOutput(catalogDiagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        var duplicateNames = catalog.Select(static (c, _) => c.DuplicateNames).WithTrackingName(TrackingNames.DuplicateNames);
        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);
        var toEmit = models
            .Combine(duplicateNames)
            .Where(static pair => !pair.Right.Contains(pair.Left.Name))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.ModelsToEmit);
        context.RegisterSourceOutput(toEmit, static (spc, game) =>
            Safely(spc, game.ClassName, () => spc.AddSource(game.HintName, GameEmitter.Emit(game))));

        var hasRuntime = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("BilateralTrade.Dsl.Games.GameDefinition") is not null)
            .WithTrackingName(TrackingNames.HasRuntime);
        var registry = catalog
            .Select(static (c, _) => c.Registry)
            .Combine(hasRuntime)
            .WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (spc, pair) =>
        {
            if (pair.Right) Safely(spc, "BuiltInGames", () => spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(pair.Left)));
        });
    }

    /// <summary>Emission never crashes the compiler: a failure becomes BTG024.</summary>
    private static void Safely(SourceProductionContext spc, string what, Action emit)
    {
        try
        {
            emit();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            spc.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, what, exception.GetType().Name + ": " + exception.Message));
        }
    }
}
