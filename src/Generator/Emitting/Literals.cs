using System.Globalization;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis.CSharp;

namespace BilateralTrade.Dsl.Generator.Emitting;

/// <summary>C# spellings of the model's values.</summary>
internal static class Literals
{
    public const string Rational = "global::BilateralTrade.Dsl.Numerics.Rational";

    public static string String(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// An exact rational from its normalized "n/d" text, for a place whose target type is Rational:
    /// "2" or "-2" (implicit conversion), "new(1, 3)", and BigInteger.Parse for numbers beyond long.
    /// </summary>
    public static string Number(string normalized)
    {
        int slash = normalized.IndexOf('/');
        var numerator = slash < 0 ? normalized : normalized.Substring(0, slash);
        var denominator = slash < 0 ? "1" : normalized.Substring(slash + 1);
        if (denominator == "1")
        {
            if (FitsInt(numerator)) return numerator;
            if (FitsLong(numerator)) return numerator + "L";
            return "new(" + Big(numerator) + ", 1)";
        }
        return "new(" + Integer(numerator) + ", " + Integer(denominator) + ")";
    }

    public static string Numbers(System.Collections.Generic.IEnumerable<string> normalized) =>
        "new " + Rational + "[] { " + string.Join(", ", normalized.Select(Number)) + " }";

    /// <summary>Text safe inside a // comment (no line breaks).</summary>
    public static string Comment(string text) =>
        new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string Integer(string digits) => FitsLong(digits) ? digits : Big(digits);

    private static string Big(string digits) => "global::System.Numerics.BigInteger.Parse(\"" + digits + "\")";

    private static bool FitsInt(string digits) =>
        BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= int.MinValue && v <= int.MaxValue;

    private static bool FitsLong(string digits) =>
        BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= long.MinValue && v <= long.MaxValue;
}
