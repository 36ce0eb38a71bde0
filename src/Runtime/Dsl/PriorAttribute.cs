namespace BilateralTrade.Dsl;

/// <summary>
/// A player's default prior over his or her types: one exact probability per type, non-negative,
/// summing to exactly 1 (e.g. <c>[Prior(Player.Bob, "2/3", "1/3")]</c>). Required for each player;
/// the command line can override it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PriorAttribute : Attribute
{
    public PriorAttribute(Player player, params string[] probabilities)
    {
        Player = player;
        Probabilities = probabilities;
    }

    public Player Player { get; }
    public string[] Probabilities { get; }
}
