using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Runtime.Tests;

/// <summary>The paper's games built by hand, independent of the generator and the JSON loader.</summary>
internal static class PaperGames
{
    public static Rational R(string text) => Rational.Parse(text);

    public static Rational[] Rs(params string[] texts) => texts.Select(R).ToArray();

    /// <summary>Section 4: same type C → (1, 1), E → (−1, −1); different types C → (−2, 2), E → (2, −2).</summary>
    public static GameDefinition Spy()
    {
        Rational[][] Table(int same, int different) => new[]
        {
            new Rational[] { same, different },
            new Rational[] { different, same },
        };
        return new GameDefinition("spy", "Spy game (Section 4)", new[] { "0", "1" }, new[] { "0", "1" }, new[] { "C", "E" },
            new[] { Table(1, -2), Table(-1, 2) },
            new[] { Table(1, 2), Table(-1, -2) },
            Rs("1/2", "1/2"), Rs("1/2", "1/2"));
    }

    public static GameDefinition Trade31() => GameDefinition.CreateBilateralTrade("trade-3.1", null,
        Rs("2"), Rs("3", "6"), Rs("1"), Rs("2/3", "1/3"));

    public static GameDefinition Trade32() => GameDefinition.CreateBilateralTrade("trade-3.2", null,
        Rs("0", "2"), Rs("3", "6"), Rs("1/2", "1/2"), Rs("2/3", "1/3"));

    public static GameDefinition Trade34() => GameDefinition.CreateBilateralTrade("trade-3.4", null,
        Rs("0", "2"), Rs("3", "6", "12"), Rs("4/5", "1/5"), Rs("1/3", "1/3", "1/3"));
}
