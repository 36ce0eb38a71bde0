using System.Numerics;

namespace BilateralTrade.Dsl.Numerics;

/// <summary>The one rule for "how many decimal digits" the solvers report (digit budgets, progress).</summary>
internal static class DecimalDigits
{
    /// <summary>The larger bit length of |numerator| and denominator.</summary>
    public static long Bits(Rational r) => Math.Max((long)BigInteger.Abs(r.Numerator).GetBitLength(), (long)r.Denominator.GetBitLength());

    /// <summary>⌈bits · log10 2⌉: the decimal digits of a number of that many bits, rounded up.</summary>
    public static int FromBits(long bits) => (int)Math.Ceiling(bits * 0.30103);
}
