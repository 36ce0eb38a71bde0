using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BilateralTrade.Dsl.Generator.Analysis;
using BilateralTrade.Dsl.Generator.Diagnostics;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Generator.Model;
using BilateralTrade.Dsl.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BilateralTrade.Dsl.Generator.Parsing;

/// <summary>
/// Turns one [Game] class into a <see cref="GameResult"/>: reads the DSL attributes, checks every
/// rule of docs/dsl.md (collecting all problems, each located on the offending argument), and for a
/// valid game expands the bilateral-trade template and analyses the base game with the run time's
/// own <see cref="Games.BaseGameAnalyzer"/>. Never throws except on cancellation: an unexpected
/// failure becomes diagnostic BTG024.
/// </summary>
internal static class GameParser
{
    public static GameResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            BeforeParse?.Invoke(context.TargetSymbol.Name);
            return new Builder(context, cancellationToken).Build();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var location = LocationInfo.From((context.TargetNode as ClassDeclarationSyntax)?.Identifier.GetLocation())
                ?? LocationInfo.From(context.TargetNode);
            var diagnostic = DiagnosticInfo.Create(Descriptors.InternalError, location,
                context.TargetSymbol.Name, exception.GetType().Name + ": " + exception.Message);
            return new GameResult(null, null, new[] { diagnostic }.ToEquatableArray());
        }
    }

    /// <summary>Tests only: called with the class name before parsing, so a test can make parsing fail.</summary>
    internal static Action<string>? BeforeParse;

    private const string DslNamespace = "BilateralTrade.Dsl";
    private const int SallyIndex = 0, BobIndex = 1;
    private static readonly string[] PlayerNames = { "Sally", "Bob" };

    private sealed class Entry
    {
        public Entry(string? text, LocationInfo? location) { Text = text; Location = location; }
        public string? Text { get; }
        public LocationInfo? Location { get; }
    }

    private sealed class ListDeclaration
    {
        public ListDeclaration(AttributeSite site, int player, List<Entry> entries) { Site = site; Player = player; Entries = entries; }
        public AttributeSite Site { get; }
        public int Player { get; }
        public List<Entry> Entries { get; }
    }

    private sealed class PayoffDeclaration
    {
        public PayoffDeclaration(AttributeSite site, string? action, int player, List<string?> rows)
        { Site = site; Action = action; Player = player; Rows = rows; }
        public AttributeSite Site { get; }
        public string? Action { get; }
        public int Player { get; }
        public List<string?> Rows { get; }
    }

    private sealed class Builder
    {
        private readonly GeneratorAttributeSyntaxContext _context;
        private readonly CancellationToken _cancellationToken;
        private readonly INamedTypeSymbol _symbol;
        private readonly List<DiagnosticInfo> _diagnostics = new();
        private int _errors;

        private string _name = "";
        private string? _title;
        private LocationInfo? _nameLocation;
        private readonly ListDeclaration?[] _types = new ListDeclaration?[2];
        private readonly ListDeclaration?[] _priors = new ListDeclaration?[2];
        private ListDeclaration? _actions;
        private readonly List<PayoffDeclaration> _payoffs = new();
        private AttributeSite? _trade;
        private List<Entry>? _costs, _values;
        private readonly List<(AttributeSite Site, string Attribute)> _explicitDeclarations = new();

        public Builder(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _cancellationToken = cancellationToken;
            _symbol = (INamedTypeSymbol)context.TargetSymbol;
        }

        private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        {
            if (descriptor.DefaultSeverity == DiagnosticSeverity.Error) _errors++;
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _nameLocation, arguments));
        }

        public GameResult Build()
        {
            // A partial class with [Game] on two of its declarations (the compiler reports CS0579) is
            // seen once per declaration: only the first [Game] gets a result, so nothing is emitted twice.
            var games = _symbol.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == GameGenerator.GameAttributeName).ToList();
            if (games.Count > 1 && _context.Attributes.Length > 0 && !SameApplication(games[0], _context.Attributes[0]))
                return new GameResult(null, null, EquatableArray<DiagnosticInfo>.Empty);

            var classSyntax = (ClassDeclarationSyntax)_context.TargetNode;
            var identifier = LocationInfo.From(classSyntax.Identifier.GetLocation());
            CheckClassShape(classSyntax, identifier);
            CheckGeneratedMemberNames(identifier);
            ReadAttributes();
            _cancellationToken.ThrowIfCancellationRequested();

            if (string.IsNullOrWhiteSpace(_name)) Report(Descriptors.EmptyName, _nameLocation, "The game's name");

            string[]? sallyTypes, bobTypes, actions;
            Rational[][][]? sally = null, bob = null;
            Rational[]? costs = null, values = null;
            if (_trade is not null)
            {
                foreach (var (site, attribute) in _explicitDeclarations) Report(Descriptors.TradeMixed, site.Attribute, attribute);
                costs = ReadIncreasing(_costs, "Costs", "cost", SallyIndex);
                values = ReadIncreasing(_values, "Values", "value", BobIndex);
                sallyTypes = costs is null ? null : BilateralTradeTable.TypeNames(costs);
                bobTypes = values is null ? null : BilateralTradeTable.TypeNames(values);
                actions = values is null ? null : BilateralTradeTable.ActionNames(values);
                if (costs is not null && values is not null) BilateralTradeTable.Expand(costs, values, out sally, out bob);
            }
            else
            {
                sallyTypes = ReadTypes(SallyIndex);
                bobTypes = ReadTypes(BobIndex);
                actions = ReadActions();
                if (sallyTypes is not null && bobTypes is not null && actions is not null)
                {
                    sally = ReadPayoffTable(SallyIndex, sallyTypes, bobTypes, actions);
                    bob = ReadPayoffTable(BobIndex, sallyTypes, bobTypes, actions);
                }
                else
                {
                    ReadPayoffNumbersOnly();
                }
            }
            var sallyPrior = ReadPrior(SallyIndex, sallyTypes);
            var bobPrior = ReadPrior(BobIndex, bobTypes);

            var identity = new GameIdentity(_name, FullyQualifiedName(), InRegistry(), _nameLocation);
            if (_errors > 0 || sallyTypes is null || bobTypes is null || actions is null || sally is null || bob is null
                || sallyPrior is null || bobPrior is null)
            {
                return new GameResult(null, null, _diagnostics.ToEquatableArray());
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var analysis = BaseGameModelBuilder.Analyze(sally, bob, _cancellationToken);
            if (_trade is null)
            {
                // The template's actions are fixed by MODEL.md, so an unused price is not the user's to remove.
                for (int a = 0; a < actions.Length; a++)
                {
                    if (!analysis.IsPlayed(a))
                        Report(Descriptors.ActionNeverPlayed, _actions!.Entries[a].Location, actions[a], analysis.Method);
                }
            }

            var model = new GameModel(
                Namespace: _symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                ContainingTypes: ContainingTypes(),
                ClassName: Identifier(_symbol.Name),
                FullyQualifiedName: identity.FullyQualifiedName,
                HintName: HintName(),
                InRegistry: identity.InRegistry,
                Name: _name,
                Title: _title,
                SallyTypes: sallyTypes.ToEquatableArray(),
                BobTypes: bobTypes.ToEquatableArray(),
                Actions: actions.ToEquatableArray(),
                SallyPayoffs: Flatten(sally),
                BobPayoffs: Flatten(bob),
                SallyPrior: sallyPrior.Select(r => r.ToString()).ToEquatableArray(),
                BobPrior: bobPrior.Select(r => r.ToString()).ToEquatableArray(),
                IsBilateralTrade: _trade is not null,
                Costs: (costs ?? Array.Empty<Rational>()).Select(r => r.ToString()).ToEquatableArray(),
                Values: (values ?? Array.Empty<Rational>()).Select(r => r.ToString()).ToEquatableArray(),
                Responses: analysis.Responses,
                Witnesses: analysis.Witnesses);
            return new GameResult(model, identity, _diagnostics.ToEquatableArray());
        }

        private static bool SameApplication(AttributeData a, AttributeData b) =>
            a.ApplicationSyntaxReference is { } x && b.ApplicationSyntaxReference is { } y
            && x.SyntaxTree == y.SyntaxTree && x.Span == y.Span;

        // ---- the class ----

        private void CheckClassShape(ClassDeclarationSyntax classSyntax, LocationInfo? identifier)
        {
            if (!classSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                Report(Descriptors.NotPartial, identifier, _symbol.Name);
            if (_symbol.TypeParameters.Length > 0)
                Report(Descriptors.Generic, LocationInfo.From(classSyntax.TypeParameterList) ?? identifier, _symbol.Name);
            for (var outer = _symbol.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                bool partial = outer.DeclaringSyntaxReferences.Length > 0 && outer.DeclaringSyntaxReferences.All(r =>
                    r.GetSyntax(_cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!partial) Report(Descriptors.ContainingTypeNotPartial, identifier, _symbol.Name, outer.Name);
            }
        }

        /// <summary>A name as C# source: keywords (class, static, record, var...) escaped with '@'.</summary>
        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;

        /// <summary>The members the generator adds; the class may neither be named like one nor declare one itself.</summary>
        private static readonly string[] GeneratedMembers = { "GameName", "Definition", "Solve", "BaseGame" };

        private void CheckGeneratedMemberNames(LocationInfo? identifier)
        {
            if (GeneratedMembers.Contains(_symbol.Name))
            {
                Report(Descriptors.MemberNameClash, identifier, _symbol.Name, _symbol.Name,
                    "C# does not allow a member named like its class: rename the class");
                return;
            }
            foreach (var member in GeneratedMembers)
            {
                var existing = _symbol.GetMembers(member).FirstOrDefault(m => !m.IsImplicitlyDeclared && (member != "Solve" || m is not IMethodSymbol));
                if (existing is null) continue;
                Report(Descriptors.MemberNameClash, LocationInfo.From(existing.Locations.FirstOrDefault(l => l.IsInSource)) ?? identifier,
                    _symbol.Name, member, "the class already declares '" + member + "': rename or remove it");
            }
        }

        private EquatableArray<ContainingTypeModel> ContainingTypes()
        {
            var list = new List<ContainingTypeModel>();
            for (var outer = _symbol.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                string keyword = outer.TypeKind switch
                {
                    TypeKind.Struct => outer.IsRecord ? "record struct" : "struct",
                    TypeKind.Interface => "interface",
                    _ => outer.IsRecord ? "record" : "class",
                };
                string name = outer.TypeParameters.Length == 0
                    ? Identifier(outer.Name)
                    : Identifier(outer.Name) + "<" + string.Join(", ", outer.TypeParameters.Select(t => Identifier(t.Name))) + ">";
                list.Insert(0, new ContainingTypeModel(keyword, name));
            }
            return list.ToEquatableArray();
        }

        private string FullyQualifiedName() => _symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private string HintName()
        {
            var parts = new List<string>();
            for (ISymbol? s = _symbol; s is INamedTypeSymbol t; s = t.ContainingSymbol) parts.Insert(0, t.MetadataName.Replace('`', '_'));
            // Metadata names, never display strings: a namespace such as @if displays with its '@', which a hint name may not contain.
            for (var ns = _symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace) parts.Insert(0, ns.MetadataName);
            return string.Join(".", parts) + ".g.cs";
        }

        private bool InRegistry()
        {
            for (INamedTypeSymbol? t = _symbol; t is not null; t = t.ContainingType)
            {
                if (t.TypeParameters.Length > 0) return false;
                if (t.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                    return false;
            }
            return true;
        }

        // ---- reading the attributes ----

        private void ReadAttributes()
        {
            foreach (var attribute in _symbol.GetAttributes())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var type = attribute.AttributeClass;
                if (type is null || type.ContainingNamespace?.ToDisplayString() != DslNamespace) continue;
                // The compiler reports attributes it cannot bind; there is nothing sound to read from them.
                if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
                    || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error)) continue;
                var site = new AttributeSite(attribute, _cancellationToken);
                var args = attribute.ConstructorArguments;
                switch (type.Name)
                {
                    case "GameAttribute":
                        if (_nameLocation is not null) break; // a second [Game]: CS0579 already
                        _name = args[0].Value as string ?? "";
                        _nameLocation = site.Positional(0);
                        foreach (var named in attribute.NamedArguments)
                            if (named.Key == "Title") _title = named.Value.Value as string;
                        break;
                    case "TypesAttribute":
                    case "PriorAttribute":
                    {
                        bool isTypes = type.Name == "TypesAttribute";
                        if (Player(args[0], site) is not { } player) break;
                        var declaration = new ListDeclaration(site, player, Entries(args[1], site, 1));
                        var slot = isTypes ? _types : _priors;
                        if (slot[player] is not null)
                            Report(Descriptors.RepeatedDeclaration, site.Positional(0),
                                (isTypes ? "[Types" : "[Prior") + "(Player." + PlayerNames[player] + ", ...)]");
                        else slot[player] = declaration;
                        if (isTypes) _explicitDeclarations.Add((site, "Types"));
                        break;
                    }
                    case "ActionsAttribute":
                        if (_actions is not null) Report(Descriptors.RepeatedDeclaration, site.Attribute, "[Actions]");
                        else _actions = new ListDeclaration(site, -1, Entries(args[0], site, 0));
                        _explicitDeclarations.Add((site, "Actions"));
                        break;
                    case "PayoffsAttribute":
                    {
                        _explicitDeclarations.Add((site, "Payoffs"));
                        if (Player(args[1], site, 1) is not { } player) break;
                        var rows = args[2].IsNull || args[2].Kind != TypedConstantKind.Array
                            ? new List<string?>()
                            : args[2].Values.Select(v => v.Value as string).ToList();
                        _payoffs.Add(new PayoffDeclaration(site, args[0].Value as string, player, rows));
                        break;
                    }
                    case "BilateralTradeAttribute":
                        _trade = site;
                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Costs") _costs = Entries(named.Value, site, named.Key);
                            else if (named.Key == "Values") _values = Entries(named.Value, site, named.Key);
                        }
                        break;
                }
            }
            if (_nameLocation is null)
            {
                var classSyntax = (ClassDeclarationSyntax)_context.TargetNode;
                _nameLocation = LocationInfo.From(classSyntax.Identifier.GetLocation());
            }
        }

        private int? Player(TypedConstant value, AttributeSite site, int index = 0)
        {
            if (value.Value is int player && (player == SallyIndex || player == BobIndex)) return player;
            Report(Descriptors.InvalidPlayer, site.Positional(index), "(Player)" + (value.Value ?? "null"));
            return null;
        }

        private static List<Entry> Entries(TypedConstant array, AttributeSite site, int paramsIndex)
        {
            var list = new List<Entry>();
            if (array.IsNull || array.Kind != TypedConstantKind.Array) return list;
            for (int i = 0; i < array.Values.Length; i++)
                list.Add(new Entry(array.Values[i].Value as string, site.ParamsElement(paramsIndex, i)));
            return list;
        }

        private static List<Entry> Entries(TypedConstant array, AttributeSite site, string property)
        {
            var list = new List<Entry>();
            if (array.IsNull || array.Kind != TypedConstantKind.Array) return list;
            for (int i = 0; i < array.Values.Length; i++)
                list.Add(new Entry(array.Values[i].Value as string, site.NamedElement(property, i)));
            return list;
        }

        // ---- checks ----

        private string[]? ReadTypes(int player)
        {
            var declaration = _types[player];
            if (declaration is null)
            {
                Report(Descriptors.NoTypes, _nameLocation, PlayerNames[player],
                    $"add [Types(Player.{PlayerNames[player]}, \"first\", \"second\", ...)] naming each of {PlayerNames[player]}'s types");
                return null;
            }
            if (declaration.Entries.Count == 0)
            {
                Report(Descriptors.NoTypes, declaration.Site.Attribute, PlayerNames[player],
                    "list at least one type name after the player, e.g. [Types(Player." + PlayerNames[player] + ", \"low\", \"high\")]");
                return null;
            }
            return CheckNames(declaration.Entries, $"A type name of {PlayerNames[player]}",
                (entry, name) => Report(Descriptors.DuplicateTypeName, entry.Location, PlayerNames[player], name));
        }

        private string[]? ReadActions()
        {
            if (_actions is null || _actions.Entries.Count == 0)
            {
                Report(Descriptors.NoActions, _actions?.Site.Attribute ?? _nameLocation, _symbol.Name);
                return null;
            }
            return CheckNames(_actions.Entries, "An action name",
                (entry, name) => Report(Descriptors.DuplicateActionName, entry.Location, name));
        }

        private string[] CheckNames(List<Entry> entries, string what, Action<Entry, string> duplicate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var names = new string[entries.Count];
            for (int i = 0; i < entries.Count; i++)
            {
                var name = entries[i].Text ?? "";
                names[i] = name;
                if (string.IsNullOrWhiteSpace(name)) Report(Descriptors.EmptyName, entries[i].Location, what);
                else if (!seen.Add(name)) duplicate(entries[i], name);
            }
            return names;
        }

        private Rational? Number(string? text, LocationInfo? location, string what)
        {
            if (Rational.TryParse(text, out var value, out var error)) return value;
            if (error.EndsWith("has a zero denominator", StringComparison.Ordinal))
                Report(Descriptors.ZeroDenominator, location, what, text ?? "");
            else Report(Descriptors.NotExactNumber, location, what, error);
            return null;
        }

        private Rational[]? ReadIncreasing(List<Entry>? entries, string property, string what, int player)
        {
            if (entries is null || entries.Count == 0)
            {
                Report(Descriptors.NoTypes, _trade!.Named(property), PlayerNames[player],
                    $"give [BilateralTrade] at least one {what}, e.g. {property} = new[] {{ \"0\", \"2\" }}");
                return null;
            }
            var numbers = new Rational[entries.Count];
            bool ok = true;
            for (int i = 0; i < entries.Count; i++)
            {
                if (Number(entries[i].Text, entries[i].Location, $"{property}[{i}]") is { } value) numbers[i] = value;
                else ok = false;
            }
            if (!ok) return null;
            for (int i = 1; i < numbers.Length; i++)
            {
                if (numbers[i] > numbers[i - 1]) continue;
                var problem = numbers[i] == numbers[i - 1]
                    ? $"{numbers[i]} appears twice"
                    : $"{numbers[i]} comes after {numbers[i - 1]}";
                Report(Descriptors.TradeNotIncreasing, entries[i].Location, property, problem, what);
                ok = false;
            }
            return ok ? numbers : null;
        }

        private Rational[][][]? ReadPayoffTable(int player, string[] sallyTypes, string[] bobTypes, string[] actions)
        {
            var table = new Rational[actions.Length][][];
            var seen = new HashSet<int>();
            bool ok = true;
            foreach (var declaration in _payoffs.Where(p => p.Player == player))
            {
                int action = Array.IndexOf(actions, declaration.Action ?? "");
                if (action < 0)
                {
                    Report(Descriptors.UnknownAction, declaration.Site.Positional(0), declaration.Action ?? "",
                        string.Join(", ", actions.Select(a => "\"" + a + "\"")));
                    ReadRows(declaration, sallyTypes, bobTypes);
                    ok = false;
                    continue;
                }
                if (!seen.Add(action))
                {
                    Report(Descriptors.RepeatedDeclaration, declaration.Site.Positional(0),
                        $"[Payoffs(\"{declaration.Action}\", Player.{PlayerNames[player]}, ...)]");
                    ok = false;
                    continue;
                }
                var rows = ReadRows(declaration, sallyTypes, bobTypes);
                if (rows is null) ok = false;
                else table[action] = rows;
            }
            for (int a = 0; a < actions.Length; a++)
            {
                if (table[a] is not null || _payoffs.Any(p => p.Player == player && p.Action == actions[a])) continue;
                Report(Descriptors.MissingPayoffs, _actions!.Entries[a].Location, actions[a], PlayerNames[player]);
                ok = false;
            }
            return ok ? table : null;
        }

        /// <summary>When types or actions are broken, still check every number so all problems show at once.</summary>
        private void ReadPayoffNumbersOnly()
        {
            foreach (var declaration in _payoffs) ReadRows(declaration, null, null);
        }

        private Rational[][]? ReadRows(PayoffDeclaration declaration, string[]? sallyTypes, string[]? bobTypes)
        {
            var site = declaration.Site;
            var player = PlayerNames[declaration.Player];
            var action = declaration.Action ?? "";
            bool ok = true;
            if (sallyTypes is not null && declaration.Rows.Count != sallyTypes.Length)
            {
                var location = declaration.Rows.Count > sallyTypes.Length
                    ? site.ParamsElement(2, sallyTypes.Length)
                    : site.Positional(0);
                Report(Descriptors.PayoffShape, location, action, player,
                    Plural(sallyTypes.Length, "row") + " (one per Sally type: " + Quoted(sallyTypes) + ")",
                    Plural(declaration.Rows.Count, "row"),
                    declaration.Rows.Count > sallyTypes.Length ? "remove the extra rows" : "add the missing rows, one string per Sally type");
                ok = false;
            }
            var rows = new Rational[declaration.Rows.Count][];
            for (int i = 0; i < declaration.Rows.Count; i++)
            {
                var text = declaration.Rows[i] ?? "";
                var entries = Split(text);
                if (bobTypes is not null && entries.Count != bobTypes.Length)
                {
                    Report(Descriptors.PayoffShape, site.ParamsElement(2, i), action, player,
                        Plural(bobTypes.Length, "entry", "entries") + $" in row {i}" + (sallyTypes is not null && i < sallyTypes.Length ? $" (Sally's type \"{sallyTypes[i]}\")" : "")
                            + " (one per Bob type: " + Quoted(bobTypes) + ")",
                        Plural(entries.Count, "entry", "entries") + " (\"" + text + "\")",
                        "separate the numbers with spaces, one per Bob type");
                    ok = false;
                }
                rows[i] = new Rational[entries.Count];
                for (int j = 0; j < entries.Count; j++)
                {
                    var (offset, entry) = entries[j];
                    var location = site.InsideParamsElement(2, i, offset, entry.Length);
                    if (Number(entry, location, $"Payoffs(\"{action}\", Player.{player}) row {i} entry {j}") is { } value) rows[i][j] = value;
                    else ok = false;
                }
            }
            return ok ? rows : null;
        }

        private Rational[]? ReadPrior(int player, string[]? types)
        {
            var declaration = _priors[player];
            var name = PlayerNames[player];
            if (declaration is null)
            {
                Report(Descriptors.MissingPrior, _nameLocation, name, types is null ? "one per type" : Quoted(types));
                return null;
            }
            var entries = declaration.Entries;
            var numbers = new Rational[entries.Count];
            bool ok = true;
            for (int i = 0; i < entries.Count; i++)
            {
                if (Number(entries[i].Text, entries[i].Location, $"Prior(Player.{name}) entry {i}") is { } value) numbers[i] = value;
                else ok = false;
            }
            for (int i = 0; i < numbers.Length; i++)
            {
                if (numbers[i].Sign >= 0) continue;
                var typeName = types is not null && i < types.Length ? types[i] : "#" + i;
                Report(Descriptors.PriorNegative, entries[i].Location, name, typeName, numbers[i].ToString());
                ok = false;
            }
            if (types is not null && entries.Count != types.Length)
            {
                var location = entries.Count > types.Length ? entries[types.Length].Location : declaration.Site.Positional(0);
                Report(Descriptors.PriorLength, location, name, entries.Count.ToString(), types.Length.ToString(), Quoted(types));
                return null;
            }
            var sum = Rational.Zero;
            foreach (var n in numbers) sum += n;
            if (ok && sum != Rational.One)
            {
                Report(Descriptors.PriorSum, declaration.Site.ParamsAll(1, entries.Count), name, sum.ToString());
                ok = false;
            }
            return ok && types is not null ? numbers : null;
        }

        private static List<(int Offset, string Text)> Split(string text)
        {
            var list = new List<(int, string)>();
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                if (i > start) list.Add((start, text.Substring(start, i - start)));
            }
            return list;
        }

        private static string Plural(int count, string one, string? many = null) => count + " " + (count == 1 ? one : many ?? one + "s");

        private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => "\"" + n + "\""));

        private static EquatableArray<string> Flatten(Rational[][][] table) =>
            table.SelectMany(a => a.SelectMany(row => row.Select(r => r.ToString()))).ToEquatableArray();
    }
}
