namespace BilateralTrade.Dsl;

/// <summary>
/// Declares a game on a <c>partial</c> class; the source generator reads the class's other DSL
/// attributes (<see cref="TypesAttribute"/>, <see cref="ActionsAttribute"/>, <see cref="PayoffsAttribute"/>,
/// <see cref="PriorAttribute"/>, or <see cref="BilateralTradeAttribute"/>) and adds to the class the
/// game as exact constants (<c>Definition</c>), its base game analysed at compile time
/// (<c>BaseGame</c>) and the solver entry point (<c>Solve</c>). See docs/dsl.md.
/// </summary>
/// <example>
/// <code>
/// [Game("spy", Title = "Spy game (Section 4)")]
/// [Types(Player.Sally, "0", "1")]
/// [Types(Player.Bob, "0", "1")]
/// [Actions("C", "E")]
/// [Payoffs("C", Player.Sally, "1 -2", "-2 1")]
/// ...
/// public partial class SpyGame;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GameAttribute : Attribute
{
    /// <param name="name">The game's name, unique in the assembly (e.g. "spy"); the command line finds built-in games by it.</param>
    public GameAttribute(string name) => Name = name;

    public string Name { get; }

    /// <summary>A human-readable title, e.g. "Spy game (Section 4)".</summary>
    public string? Title { get; set; }
}
