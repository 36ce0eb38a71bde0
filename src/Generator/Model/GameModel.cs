namespace BilateralTrade.Dsl.Generator.Model;

/// <summary>A type that contains a [Game] class, re-declared as partial around the generated members.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>A region of one Sally type's best response (two Bob types), numbers as normalized "n/d" text.</summary>
internal sealed record RegionModel(string From, string To, bool IncludesFrom, bool IncludesTo, int Action);

/// <summary>One Sally type's breakpoints and regions in p (two Bob types).</summary>
internal sealed record TypeResponseModel(int SallyType, EquatableArray<string> Breakpoints, EquatableArray<RegionModel> Regions);

/// <summary>
/// Three or more Bob types: a belief at which Sally's type plays the action (an empty belief when
/// she never does, or when the search gave up and the action is assumed played).
/// </summary>
internal sealed record WitnessModel(int SallyType, int Action, bool Played, EquatableArray<string> Belief);

/// <summary>
/// Everything the emitter needs for one valid game, as plain equatable values: no symbols,
/// syntax or locations, so an edit that does not change the game leaves it equal.
/// Payoff tables are flattened [action][sallyType][bobType]; numbers are normalized "n/d" text.
/// </summary>
internal sealed record GameModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string ClassName,
    string FullyQualifiedName,
    string HintName,
    bool InRegistry,
    string Name,
    string? Title,
    EquatableArray<string> SallyTypes,
    EquatableArray<string> BobTypes,
    EquatableArray<string> Actions,
    EquatableArray<string> SallyPayoffs,
    EquatableArray<string> BobPayoffs,
    EquatableArray<string> SallyPrior,
    EquatableArray<string> BobPrior,
    bool IsBilateralTrade,
    EquatableArray<string> Costs,
    EquatableArray<string> Values,
    EquatableArray<TypeResponseModel> Responses,
    EquatableArray<WitnessModel> Witnesses)
{
    public string SallyPayoff(int action, int sallyType, int bobType) =>
        SallyPayoffs[(action * SallyTypes.Count + sallyType) * BobTypes.Count + bobType];

    public string BobPayoff(int action, int sallyType, int bobType) =>
        BobPayoffs[(action * SallyTypes.Count + sallyType) * BobTypes.Count + bobType];
}

/// <summary>What the registry and the duplicate-name check need to know about a valid game.</summary>
internal sealed record GameIdentity(string Name, string FullyQualifiedName, bool InRegistry, LocationInfo? NameLocation);

/// <summary>The parse of one [Game] class: a model when it has no errors, and every diagnostic found.</summary>
internal sealed record GameResult(GameModel? Model, GameIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);
