namespace BilateralTrade.Dsl;

/// <summary>
/// One player's private types, in order (order matters: rows of a payoff table follow Sally's
/// types, entries of a row follow Bob's; with two types, p and q are the probabilities of the
/// second type). Each player needs exactly one <c>[Types]</c>, except in a
/// <see cref="BilateralTradeAttribute"/> game, whose types are its costs and values.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TypesAttribute : Attribute
{
    public TypesAttribute(Player player, params string[] names)
    {
        Player = player;
        Names = names;
    }

    public Player Player { get; }
    public string[] Names { get; }
}
