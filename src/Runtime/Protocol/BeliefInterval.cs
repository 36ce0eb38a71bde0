using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Protocol;

/// <summary>An interval of one belief coordinate, possibly a single point, with its endpoints' membership.</summary>
public sealed record BeliefInterval(Rational From, Rational To, bool IncludesFrom, bool IncludesTo)
{
    public bool IsPoint => From == To;

    public static BeliefInterval Point(Rational x) => new(x, x, true, true);

    public bool Contains(Rational x) =>
        (x > From || (x == From && IncludesFrom)) && (x < To || (x == To && IncludesTo));

    public override string ToString() => IsPoint
        ? "{" + From + "}"
        : (IncludesFrom ? "[" : "(") + From + ", " + To + (IncludesTo ? "]" : ")");
}
