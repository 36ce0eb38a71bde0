namespace BilateralTrade.Dsl;

/// <summary>The two players of MODEL.md: Sally acts in the base game, Bob only talks.</summary>
public enum Player
{
    Sally = 0,
    Bob = 1,
}
