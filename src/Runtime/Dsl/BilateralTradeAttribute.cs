namespace BilateralTrade.Dsl;

/// <summary>
/// The bilateral-trade template (MODEL.md, GAME-FILES.md): Sally's types are her costs, Bob's his
/// values, both strictly increasing; the actions are one posted price per value, named
/// <c>price V</c> in increasing order, then <c>no trade</c>. Trade happens iff value ≥ price; then
/// u_S = price − cost and u_B = value − price, otherwise both get 0. Use it instead of
/// <see cref="TypesAttribute"/>, <see cref="ActionsAttribute"/> and <see cref="PayoffsAttribute"/>;
/// priors are still given with <see cref="PriorAttribute"/> (costs for Sally, values for Bob).
/// </summary>
/// <example><c>[BilateralTrade(Costs = new[] { "0", "2" }, Values = new[] { "3", "6" })]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BilateralTradeAttribute : Attribute
{
    /// <summary>Sally's (the seller's) possible costs, strictly increasing exact numbers.</summary>
    public string[] Costs { get; set; } = [];

    /// <summary>Bob's (the buyer's) possible values, strictly increasing exact numbers.</summary>
    public string[] Values { get; set; } = [];
}
