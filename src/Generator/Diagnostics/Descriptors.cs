using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BilateralTrade.Dsl.Generator.Diagnostics;

/// <summary>
/// Every diagnostic of the [Game] generator. Each message says what is wrong and how to fix it;
/// each ID has a page under docs/diagnostics/ and is listed in AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class Descriptors
{
    private const string Category = "BilateralTrade.Dsl";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotPartial = Error("BTG001",
        "A [Game] class must be partial",
        "The [Game] class '{0}' is not partial: add the 'partial' modifier so the generator can add its Definition, BaseGame and Solve members");

    public static readonly DiagnosticDescriptor Generic = Error("BTG002",
        "A [Game] class cannot be generic",
        "The [Game] class '{0}' is generic: a game is a fixed set of numbers, remove the type parameters");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error("BTG003",
        "A [Game] class must be nested only in partial types",
        "The [Game] class '{0}' is nested in '{1}', which is not partial: add 'partial' to '{1}' or move the game to namespace level");

    public static readonly DiagnosticDescriptor NoTypes = Error("BTG004",
        "A player has no types",
        "{0} has no types: {1}");

    public static readonly DiagnosticDescriptor DuplicateTypeName = Error("BTG005",
        "Duplicate type name",
        "{0} already has a type named \"{1}\": give each type of a player a distinct name");

    public static readonly DiagnosticDescriptor DuplicateActionName = Error("BTG006",
        "Duplicate action name",
        "There is already an action named \"{0}\": give each action a distinct name");

    public static readonly DiagnosticDescriptor NotExactNumber = Error("BTG007",
        "Not an exact number",
        "{0}: {1}; write an integer (\"-2\"), a fraction (\"1/3\") or a finite decimal (\"0.25\")");

    public static readonly DiagnosticDescriptor ZeroDenominator = Error("BTG008",
        "Zero denominator",
        "{0}: \"{1}\" has a zero denominator; write a fraction n/d with d > 0");

    public static readonly DiagnosticDescriptor PayoffShape = Error("BTG009",
        "Payoff table does not match the types",
        "Payoffs of \"{0}\" for {1}: expected {2}, got {3}; {4}");

    public static readonly DiagnosticDescriptor MissingPayoffs = Error("BTG010",
        "Payoffs missing for an action",
        "Action \"{0}\" has no payoffs for {1}: add [Payoffs(\"{0}\", Player.{1}, ...)] with one row per Sally type");

    public static readonly DiagnosticDescriptor UnknownAction = Error("BTG011",
        "Payoffs for an unknown action",
        "Payoffs are given for \"{0}\", which is not in [Actions]: add \"{0}\" to [Actions] or correct the name (actions: {1})");

    public static readonly DiagnosticDescriptor RepeatedDeclaration = Error("BTG012",
        "Declared more than once",
        "{0} is declared more than once: keep exactly one");

    public static readonly DiagnosticDescriptor PriorLength = Error("BTG013",
        "Prior has the wrong length",
        "The prior of {0} has {1} entries but {0} has {2} types: give one probability per type, in the order of the types ({3})");

    public static readonly DiagnosticDescriptor PriorNegative = Error("BTG014",
        "Negative probability",
        "The prior of {0} gives type \"{1}\" the negative probability {2}: probabilities must be between 0 and 1");

    public static readonly DiagnosticDescriptor PriorSum = Error("BTG015",
        "Prior does not sum to 1",
        "The prior of {0} sums to {1}, not exactly 1: adjust the probabilities (exact fractions such as \"1/3\" avoid rounding)");

    public static readonly DiagnosticDescriptor NoActions = Error("BTG016",
        "The game has no actions",
        "The game '{0}' has no actions: list Sally's actions with [Actions(\"A\", \"B\", ...)] and give their [Payoffs], or use [BilateralTrade(Costs = ..., Values = ...)]");

    public static readonly DiagnosticDescriptor TradeNotIncreasing = Error("BTG017",
        "Bilateral-trade costs or values not strictly increasing",
        "{0} must be strictly increasing, but {1}: list each {2} once, smallest first");

    public static readonly DiagnosticDescriptor TradeMixed = Error("BTG018",
        "Bilateral-trade template mixed with explicit declarations",
        "[BilateralTrade] derives the types, actions and payoffs, so [{0}] cannot be used with it: remove [{0}] (keep [Prior]) or remove [BilateralTrade]");

    public static readonly DiagnosticDescriptor DuplicateGameName = Error("BTG019",
        "Two games with the same name",
        "Another game in this compilation ('{1}') is already named \"{0}\": game names must be unique, rename one");

    public static readonly DiagnosticDescriptor ActionNeverPlayed = new("BTG020",
        "Sally never plays this action",
        "Action \"{0}\" is never Sally's choice, for any of her types at any belief about Bob ({1}): it cannot affect any result; remove it or check its payoffs",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingPrior = Error("BTG021",
        "A player has no prior",
        "{0} has no prior: add [Prior(Player.{0}, ...)] with one probability per type ({1})");

    public static readonly DiagnosticDescriptor EmptyName = Error("BTG022",
        "Empty name",
        "{0} cannot be empty: give it a name");

    public static readonly DiagnosticDescriptor InvalidPlayer = Error("BTG023",
        "Not a player",
        "{0} is not a player: use Player.Sally or Player.Bob");

    public static readonly DiagnosticDescriptor InternalError = Error("BTG024",
        "The generator could not process this game",
        "The [Game] generator failed on '{0}' ({1}): no code was generated for it; please report this with the game's declaration");

    public static readonly DiagnosticDescriptor MemberNameClash = Error("BTG025",
        "A generated member's name is taken",
        "The [Game] class '{0}' cannot receive the generated member '{1}': {2} (the generator adds GameName, Definition, Solve and BaseGame)");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        NotPartial, Generic, ContainingTypeNotPartial, NoTypes, DuplicateTypeName, DuplicateActionName,
        NotExactNumber, ZeroDenominator, PayoffShape, MissingPayoffs, UnknownAction, RepeatedDeclaration,
        PriorLength, PriorNegative, PriorSum, NoActions, TradeNotIncreasing, TradeMixed, DuplicateGameName,
        ActionNeverPlayed, MissingPrior, EmptyName, InvalidPlayer, InternalError, MemberNameClash,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Map = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => Map[id];
}
