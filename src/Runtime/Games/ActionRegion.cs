using System;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Games;

/// <summary>
/// A maximal interval of Sally's belief p (the probability of Bob's second type) on which
/// one Sally type takes one action. Endpoints are closed where the tie-break gives the
/// breakpoint to this action.
/// </summary>
public sealed class ActionRegion : IEquatable<ActionRegion>
{
    public ActionRegion(Rational from, Rational to, bool includesFrom, bool includesTo, int action)
    {
        From = from; To = to; IncludesFrom = includesFrom; IncludesTo = includesTo; Action = action;
    }

    public Rational From { get; }
    public Rational To { get; }
    public bool IncludesFrom { get; }
    public bool IncludesTo { get; }
    public int Action { get; }

    public bool Contains(Rational p) =>
        (p > From || (p == From && IncludesFrom)) && (p < To || (p == To && IncludesTo));

    /// <summary>Interval notation such as "[0, 1/3]" or "(1/3, 2/3)"; a single point prints as "{1/3}".</summary>
    public string IntervalText => From == To
        ? "{" + From + "}"
        : (IncludesFrom ? "[" : "(") + From + ", " + To + (IncludesTo ? "]" : ")");

    public bool Equals(ActionRegion? other) => other is not null && From == other.From && To == other.To
        && IncludesFrom == other.IncludesFrom && IncludesTo == other.IncludesTo && Action == other.Action;
    public override bool Equals(object? obj) => Equals(obj as ActionRegion);
    public override int GetHashCode() => unchecked(From.GetHashCode() * 31 + To.GetHashCode() * 7 + Action);
    public override string ToString() => IntervalText + " -> " + Action;
}
