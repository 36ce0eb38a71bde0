using System.Numerics;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// The rational with the smallest denominator strictly between two numbers (Stern–Brocot).
/// Sampling strips there keeps the sample's digits, and so the work per sign, small.
/// </summary>
internal static class SimplestRational
{
    public static Rational Between(Rational lo, Rational hi)
    {
        if (lo >= hi) throw new ArgumentException($"Empty interval ({lo}, {hi}).");
        var (n, d) = Between(lo.Numerator, lo.Denominator, hi.Numerator, hi.Denominator, hiIsInfinite: false);
        return new Rational(n, d);
    }

    // Simplest a/b with ln/ld < a/b < hn/hd (hi may be +infinity), by continued fractions.
    private static (BigInteger, BigInteger) Between(BigInteger ln, BigInteger ld, BigInteger hn, BigInteger hd, bool hiIsInfinite)
    {
        var fl = FloorDiv(ln, ld);
        // The smallest integer strictly above lo.
        var candidate = fl + 1;
        if (hiIsInfinite || candidate * hd < hn) return (candidate, BigInteger.One);
        // Now fl <= lo < hi <= fl + 1: write x = fl + 1/y with y between 1/(hi - fl) and 1/(lo - fl).
        var loRemN = ln - fl * ld; // lo - fl = loRemN / ld, in [0, 1)
        var hiRemN = hn - fl * hd; // hi - fl = hiRemN / hd, in (0, 1]
        // y in (hd/hiRemN, ld/loRemN); the upper end is infinite when lo is the integer fl.
        var (yn, yd) = loRemN.IsZero
            ? Between(hd, hiRemN, BigInteger.One, BigInteger.Zero, hiIsInfinite: true)
            : Between(hd, hiRemN, ld, loRemN, hiIsInfinite: false);
        // x = fl + yd/yn
        return (fl * yn + yd, yn);
    }

    private static BigInteger FloorDiv(BigInteger n, BigInteger d)
    {
        var q = BigInteger.DivRem(n, d, out var r);
        if (r.Sign != 0 && (r.Sign < 0) != (d.Sign < 0)) q -= 1;
        return q;
    }
}
