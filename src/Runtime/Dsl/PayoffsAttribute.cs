namespace BilateralTrade.Dsl;

/// <summary>
/// One player's utilities for one action: one string per Sally type (in the order of her
/// <c>[Types]</c>), each holding one exact number per Bob type separated by spaces. For example
/// <c>[Payoffs("C", Player.Sally, "1 -2", "-2 1")]</c> says u_S(C, Sally's first type, Bob's
/// second type) = −2. Numbers are strings so they stay exact: "1/3", "-2", "0.25".
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PayoffsAttribute : Attribute
{
    public PayoffsAttribute(string action, Player player, params string[] rows)
    {
        Action = action;
        Player = player;
        Rows = rows;
    }

    public string Action { get; }
    public Player Player { get; }
    public string[] Rows { get; }
}
