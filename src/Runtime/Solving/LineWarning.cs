namespace BilateralTrade.Dsl.Solving;

/// <summary>A supremum the concavification could not attain, at a place on the mover's axis ("in (a, b)" or "= x").</summary>
internal sealed record LineWarning(string XPlace, string Message);
