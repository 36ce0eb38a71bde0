using System.Globalization;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Output;

/// <summary>How numbers are printed everywhere: exact "n/d" (invariant), decimals for display only.</summary>
public static class NumberText
{
    /// <summary>Fractions longer than this many characters are shown by their decimal (and digit count) in tables for people.</summary>
    public const int ShortLimit = 28;

    public static string Exact(Rational value) => value.ToString();

    /// <summary>A fixed number of decimals, invariant culture, for display only (a tiny negative number prints as "-0.000").</summary>
    public static string Decimal(Rational value, int digits = 3) =>
        value.ToDouble().ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static bool IsShort(Rational value) => value.ToString().Length <= ShortLimit;

    /// <summary>"13/18 (0.722)" for short fractions, "≈ 0.722 (a 1234-digit fraction)" for long ones, "2" for integers.</summary>
    public static string ExactWithDecimal(Rational value, int digits = 3)
    {
        if (value.IsInteger && IsShort(value)) return Exact(value);
        if (IsShort(value)) return $"{Exact(value)} ({Decimal(value, digits)})";
        return $"≈ {Decimal(value, digits)} ({Digits(value)}-digit fraction)";
    }

    /// <summary>The number of decimal digits of the numerator plus the denominator.</summary>
    public static int Digits(Rational value) =>
        System.Numerics.BigInteger.Abs(value.Numerator).ToString(CultureInfo.InvariantCulture).Length
        + value.Denominator.ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>A coordinate for SVG: up to two decimals, invariant, no trailing zeros.</summary>
    public static string Coordinate(double value)
    {
        var text = Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
