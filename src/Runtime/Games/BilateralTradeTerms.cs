using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>The seller's costs and the buyer's values of a bilateral-trade game (MODEL.md), increasing.</summary>
public sealed class BilateralTradeTerms
{
    public BilateralTradeTerms(IReadOnlyList<Rational> costs, IReadOnlyList<Rational> values)
    {
        Costs = costs; Values = values;
    }

    public IReadOnlyList<Rational> Costs { get; }
    public IReadOnlyList<Rational> Values { get; }

    /// <summary>See <see cref="BilateralTradeTable.NoTradeAction"/>.</summary>
    public const string NoTradeAction = BilateralTradeTable.NoTradeAction;

    /// <summary>See <see cref="BilateralTradeTable.PriceAction"/>.</summary>
    public static string PriceAction(Rational price) => BilateralTradeTable.PriceAction(price);

    /// <summary>W* = E[(θB − θS)^+] under the given priors.</summary>
    public Rational FirstBestWelfare(IReadOnlyList<Rational> costPrior, IReadOnlyList<Rational> valuePrior)
    {
        Rational total = Rational.Zero;
        for (int i = 0; i < Costs.Count; i++)
        {
            for (int j = 0; j < Values.Count; j++)
            {
                var surplus = Values[j] - Costs[i];
                if (surplus.Sign > 0) total += costPrior[i] * valuePrior[j] * surplus;
            }
        }
        return total;
    }
}
