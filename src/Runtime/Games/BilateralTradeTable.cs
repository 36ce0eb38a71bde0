using System.Collections.Generic;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>
/// The bilateral-trade expansion (MODEL.md): costs and values become Sally's and Bob's types, the
/// actions are a posted price at each of Bob's values plus "no trade", and a price p trades with
/// every value v ≥ p (u_S = p − c, u_B = v − p; else both 0). One implementation, linked into the
/// generator (netstandard2.0) and used by <see cref="GameDefinition.CreateBilateralTrade"/>.
/// </summary>
public static class BilateralTradeTable
{
    /// <summary>The action that posts no price: both players get 0.</summary>
    public const string NoTradeAction = "no trade";

    /// <summary>The name of the action posting <paramref name="price"/>, e.g. "price 6".</summary>
    public static string PriceAction(Rational price) => "price " + price.ToString();

    /// <summary>Type names: each cost or value as its rational text.</summary>
    public static string[] TypeNames(IReadOnlyList<Rational> numbers)
    {
        var names = new string[numbers.Count];
        for (int i = 0; i < names.Length; i++) names[i] = numbers[i].ToString();
        return names;
    }

    /// <summary>"price v" for each value, then "no trade".</summary>
    public static string[] ActionNames(IReadOnlyList<Rational> values)
    {
        var names = new string[values.Count + 1];
        for (int a = 0; a < values.Count; a++) names[a] = PriceAction(values[a]);
        names[values.Count] = NoTradeAction;
        return names;
    }

    /// <summary>
    /// The payoff tables, indexed [action][Sally type][Bob type] as in <see cref="GameDefinition"/>;
    /// the last action is "no trade".
    /// </summary>
    public static void Expand(IReadOnlyList<Rational> costs, IReadOnlyList<Rational> values, out Rational[][][] sally, out Rational[][][] bob)
    {
        int actions = values.Count + 1;
        sally = new Rational[actions][][];
        bob = new Rational[actions][][];
        for (int a = 0; a < actions; a++)
        {
            sally[a] = new Rational[costs.Count][];
            bob[a] = new Rational[costs.Count][];
            for (int i = 0; i < costs.Count; i++)
            {
                sally[a][i] = new Rational[values.Count];
                bob[a][i] = new Rational[values.Count];
                if (a == values.Count) continue; // no trade: both get 0
                var price = values[a];
                for (int j = 0; j < values.Count; j++)
                {
                    if (values[j] < price) continue;
                    sally[a][i][j] = price - costs[i];
                    bob[a][i][j] = values[j] - price;
                }
            }
        }
    }
}
