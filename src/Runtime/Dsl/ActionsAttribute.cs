namespace BilateralTrade.Dsl;

/// <summary>
/// Sally's actions in the base game, in order. The order is the last tie-break (MODEL.md: Sally's
/// utility, then Bob's, then the first declared action). Every action needs a
/// <see cref="PayoffsAttribute"/> for each player.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ActionsAttribute : Attribute
{
    public ActionsAttribute(params string[] names) => Names = names;

    public string[] Names { get; }
}
