using System.Collections.Immutable;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>
/// A two-player game with private types (MODEL.md): everything downstream of here is the same
/// whether the game came from a [Game] class or a JSON file. Construction does not validate;
/// <see cref="Validate"/> lists every problem and <see cref="EnsureValid"/> throws on any.
/// </summary>
public sealed class GameDefinition
{
    private readonly Rational[][][] _sally;
    private readonly Rational[][][] _bob;

    /// <param name="sallyPayoffs">u_S indexed [action][Sally's type][Bob's type].</param>
    /// <param name="bobPayoffs">u_B indexed likewise.</param>
    public GameDefinition(
        string name,
        string? title,
        IReadOnlyList<string> sallyTypes,
        IReadOnlyList<string> bobTypes,
        IReadOnlyList<string> actions,
        Rational[][][] sallyPayoffs,
        Rational[][][] bobPayoffs,
        IReadOnlyList<Rational> sallyPrior,
        IReadOnlyList<Rational> bobPrior,
        BilateralTradeTerms? bilateralTrade = null)
    {
        Name = name;
        Title = title;
        SallyTypes = sallyTypes.ToImmutableArray();
        BobTypes = bobTypes.ToImmutableArray();
        Actions = actions.ToImmutableArray();
        _sally = sallyPayoffs;
        _bob = bobPayoffs;
        SallyPrior = sallyPrior.ToImmutableArray();
        BobPrior = bobPrior.ToImmutableArray();
        BilateralTrade = bilateralTrade;
    }

    public string Name { get; }
    public string? Title { get; }
    public ImmutableArray<string> SallyTypes { get; }
    public ImmutableArray<string> BobTypes { get; }
    public ImmutableArray<string> Actions { get; }
    public ImmutableArray<Rational> SallyPrior { get; }
    public ImmutableArray<Rational> BobPrior { get; }

    /// <summary>Costs and values when the game is a bilateral trade (first-best welfare is then defined).</summary>
    public BilateralTradeTerms? BilateralTrade { get; }

    public ImmutableArray<string> TypesOf(Player player) => player == Player.Sally ? SallyTypes : BobTypes;
    public ImmutableArray<Rational> PriorOf(Player player) => player == Player.Sally ? SallyPrior : BobPrior;

    /// <summary>u_player(action, Sally's type, Bob's type).</summary>
    public Rational Utility(Player player, int action, int sallyType, int bobType) =>
        (player == Player.Sally ? _sally : _bob)[action][sallyType][bobType];

    /// <summary>The raw tables, [action][Sally's type][Bob's type]; callers must not mutate them.</summary>
    internal Rational[][][] SallyTable => _sally;
    internal Rational[][][] BobTable => _bob;

    /// <summary>
    /// Round 0 for games where Bob has at most two types: each Sally type's breakpoints in
    /// p = P(Bob's second type) and her action on each region, tie-break applied.
    /// </summary>
    public IReadOnlyList<SallyBestResponse> AnalyzeBaseGame()
    {
        if (BobTypes.Length > 2)
            throw new NotSupportedException("Interval analysis needs at most two Bob types; use BaseGameAnalyzer.ChooseAction for more.");
        return BaseGameAnalyzer.AnalyzeTwoBobTypes(_sally, _bob);
    }

    /// <summary>Sally's base-game action for one type at a belief over Bob's types.</summary>
    public int SallyAction(int sallyType, IReadOnlyList<Rational> beliefAboutBob) =>
        BaseGameAnalyzer.ChooseAction(_sally, _bob, sallyType, beliefAboutBob);

    /// <summary>The same game with other priors (validated by the caller).</summary>
    public GameDefinition WithPriors(IReadOnlyList<Rational>? sallyPrior, IReadOnlyList<Rational>? bobPrior) =>
        new(Name, Title, SallyTypes, BobTypes, Actions, _sally, _bob,
            sallyPrior ?? SallyPrior, bobPrior ?? BobPrior, BilateralTrade);

    /// <summary>First-best welfare E[(θB − θS)^+] for bilateral trade; null for other games.</summary>
    public Rational? FirstBestWelfare => BilateralTrade?.FirstBestWelfare(SallyPrior, BobPrior);

    /// <summary>Builds the bilateral-trade template: costs and values expand into posted prices plus "no trade".</summary>
    public static GameDefinition CreateBilateralTrade(
        string name, string? title,
        IReadOnlyList<Rational> costs, IReadOnlyList<Rational> values,
        IReadOnlyList<Rational> sallyPrior, IReadOnlyList<Rational> bobPrior)
    {
        var actions = BilateralTradeTable.ActionNames(values);
        BilateralTradeTable.Expand(costs, values, out var sally, out var bob);
        return new GameDefinition(name, title,
            BilateralTradeTable.TypeNames(costs), BilateralTradeTable.TypeNames(values),
            actions, sally, bob, sallyPrior, bobPrior, new BilateralTradeTerms(costs, values));
    }

    /// <summary>Every problem with this game, located in GAME-FILES.md's terms; empty when valid.</summary>
    public IReadOnlyList<GameProblem> Validate()
    {
        var problems = new List<GameProblem>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add(new("name", "the game needs a non-empty name"));
        CheckNames(problems, "sally.types", SallyTypes, "type");
        CheckNames(problems, "bob.types", BobTypes, "type");
        CheckNames(problems, "actions", Actions, "action");
        CheckPrior(problems, "sally.prior", SallyPrior, SallyTypes.Length, "Sally");
        CheckPrior(problems, "bob.prior", BobPrior, BobTypes.Length, "Bob");
        if (_sally.Length != Actions.Length || _bob.Length != Actions.Length)
        {
            problems.Add(new("payoffs", $"expected payoffs for {Actions.Length} actions, got {_sally.Length} for Sally and {_bob.Length} for Bob"));
            return problems;
        }
        for (int a = 0; a < Actions.Length; a++)
        {
            CheckTable(problems, $"payoffs.{Actions[a]}.sally", _sally[a]);
            CheckTable(problems, $"payoffs.{Actions[a]}.bob", _bob[a]);
        }
        return problems;
    }

    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0) throw new InvalidGameException(Name, problems);
    }

    private void CheckTable(List<GameProblem> problems, string location, Rational[][]? table)
    {
        if (table is null) { problems.Add(new(location, "missing payoff table")); return; }
        if (table.Length != SallyTypes.Length)
        {
            problems.Add(new(location, $"expected {SallyTypes.Length} rows (one per Sally type), got {table.Length}"));
            return;
        }
        for (int i = 0; i < table.Length; i++)
        {
            var row = table[i];
            int count = row?.Length ?? 0;
            if (count != BobTypes.Length)
                problems.Add(new($"{location}[{i}]", $"expected {BobTypes.Length} entries (one per Bob type), got {count}"));
        }
    }

    private static void CheckNames(List<GameProblem> problems, string location, ImmutableArray<string> names, string what)
    {
        if (names.Length == 0) { problems.Add(new(location, $"expected at least one {what}")); return; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i])) problems.Add(new($"{location}[{i}]", $"a {what} name cannot be empty"));
            else if (!seen.Add(names[i])) problems.Add(new($"{location}[{i}]", $"duplicate {what} name \"{names[i]}\""));
        }
    }

    private static void CheckPrior(List<GameProblem> problems, string location, ImmutableArray<Rational> prior, int types, string player)
    {
        if (prior.Length != types)
        {
            problems.Add(new(location, $"expected {types} entries (one per {player} type), got {prior.Length}"));
            return;
        }
        Rational sum = Rational.Zero;
        for (int i = 0; i < prior.Length; i++)
        {
            if (prior[i].Sign < 0) problems.Add(new($"{location}[{i}]", $"a probability cannot be negative, got {prior[i]}"));
            sum += prior[i];
        }
        if (sum != Rational.One) problems.Add(new(location, $"the probabilities must sum to exactly 1, got {sum}"));
    }
}
