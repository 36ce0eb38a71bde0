using System;
using System.Globalization;
using System.Numerics;

namespace BilateralTrade.Dsl.Numerics;

/// <summary>
/// An exact rational number: always normalized (denominator &gt; 0, gcd 1), so equality and
/// hashing are structural and <c>default</c> is zero.
/// </summary>
/// <remarks>
/// This file is compiled into the source generator too (netstandard2.0), so it only uses
/// APIs available there. It is the solver's hot path: the operators avoid gcds that the
/// inputs' normal form makes unnecessary (Knuth, TAOCP 4.5.1).
/// </remarks>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>, IComparable
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne; // so that default(Rational) is 0/1

    public static readonly Rational Zero = default;
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, normalized: true);
    public static readonly Rational Half = new(BigInteger.One, new BigInteger(2), normalized: true);

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("A rational number cannot have a zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        if (!denominator.IsOne && !numerator.IsZero)
        {
            var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!g.IsOne) { numerator /= g; denominator /= g; }
        }
        else if (numerator.IsZero)
        {
            denominator = BigInteger.One;
        }
        _numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    private Rational(BigInteger numerator, BigInteger denominator, bool normalized)
    {
        _ = normalized;
        _numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    /// <summary>Builds a rational the caller guarantees is already in lowest terms with a positive denominator.</summary>
    internal static Rational FromNormalized(BigInteger numerator, BigInteger denominator) => new(numerator, denominator, normalized: true);

    public BigInteger Numerator => _numerator;
    public BigInteger Denominator => _denominatorMinusOne + BigInteger.One;
    public int Sign => _numerator.Sign;
    public bool IsZero => _numerator.IsZero;
    public bool IsInteger => _denominatorMinusOne.IsZero;

    public static implicit operator Rational(int value) => new(new BigInteger(value), BigInteger.One, normalized: true);
    public static implicit operator Rational(long value) => new(new BigInteger(value), BigInteger.One, normalized: true);
    public static implicit operator Rational(BigInteger value) => new(value, BigInteger.One, normalized: true);

    public static Rational operator +(Rational a) => a;
    public static Rational operator -(Rational a) => new(-a._numerator, a.Denominator, normalized: true);

    public static Rational operator +(Rational a, Rational b)
    {
        if (a.IsZero) return b;
        if (b.IsZero) return a;
        var bd = a.Denominator;
        var dd = b.Denominator;
        if (a.IsInteger && b.IsInteger) return new(a._numerator + b._numerator, BigInteger.One, normalized: true);
        if (bd == dd)
        {
            return new Rational(a._numerator + b._numerator, bd);
        }
        var g = BigInteger.GreatestCommonDivisor(bd, dd);
        if (g.IsOne)
        {
            return new(a._numerator * dd + b._numerator * bd, bd * dd, normalized: true);
        }
        var bOverG = bd / g;
        var t = a._numerator * (dd / g) + b._numerator * bOverG;
        if (t.IsZero) return Zero;
        var g2 = BigInteger.GreatestCommonDivisor(t, g);
        return g2.IsOne
            ? new(t, bOverG * dd, normalized: true)
            : new(t / g2, bOverG * (dd / g2), normalized: true);
    }

    public static Rational operator -(Rational a, Rational b) => a + (-b);

    public static Rational operator *(Rational a, Rational b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        if (a.IsInteger && b.IsInteger) return new(a._numerator * b._numerator, BigInteger.One, normalized: true);
        var an = a._numerator; var ad = a.Denominator;
        var bn = b._numerator; var bdn = b.Denominator;
        var g1 = ad.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(bn, ad);
        var g2 = bdn.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(an, bdn);
        if (!g1.IsOne) { bn /= g1; ad /= g1; }
        if (!g2.IsOne) { an /= g2; bdn /= g2; }
        return new(an * bn, ad * bdn, normalized: true);
    }

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero) throw new DivideByZeroException("Division of a rational number by zero.");
        return a * b.Reciprocal();
    }

    public Rational Reciprocal()
    {
        if (IsZero) throw new DivideByZeroException("Zero has no reciprocal.");
        return _numerator.Sign < 0
            ? new(-Denominator, -_numerator, normalized: true)
            : new(Denominator, _numerator, normalized: true);
    }

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static Rational Abs(Rational a) => a.Sign < 0 ? -a : a;
    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;
    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    public bool Equals(Rational other) => _numerator.Equals(other._numerator) && _denominatorMinusOne.Equals(other._denominatorMinusOne);
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => unchecked(_numerator.GetHashCode() * 397 ^ _denominatorMinusOne.GetHashCode());

    public int CompareTo(Rational other)
    {
        int sa = _numerator.Sign, sb = other._numerator.Sign;
        if (sa != sb) return sa.CompareTo(sb);
        if (IsInteger && other.IsInteger) return _numerator.CompareTo(other._numerator);
        if (_denominatorMinusOne.Equals(other._denominatorMinusOne)) return _numerator.CompareTo(other._numerator);
        return (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);
    }

    int IComparable.CompareTo(object? obj) => obj is Rational r ? CompareTo(r) : throw new ArgumentException("Not a Rational.", nameof(obj));

    /// <summary>Invariant "n/d", or "n" for integers.</summary>
    public override string ToString() => IsInteger
        ? _numerator.ToString(CultureInfo.InvariantCulture)
        : _numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);

    /// <summary>The nearest double, for display only; correct for numbers with thousands of digits.</summary>
    public double ToDouble()
    {
        if (IsZero) return 0.0;
        // Keep the top 64 bits of each part: relative error about 2^-62, in time linear in the digits.
        var num = BigInteger.Abs(_numerator);
        var den = Denominator;
        int numShift = Math.Max(0, BitLength(num) - 64);
        int denShift = Math.Max(0, BitLength(den) - 64);
        double n = (double)(numShift > 0 ? num >> numShift : num);
        double d = (double)(denShift > 0 ? den >> denShift : den);
        double result = ScaleByPowerOfTwo(n / d, numShift - denShift);
        return _numerator.Sign < 0 ? -result : result;
    }

    public static explicit operator double(Rational value) => value.ToDouble();

    private static double ScaleByPowerOfTwo(double value, int exponent)
    {
#if NET
        return Math.ScaleB(value, exponent);
#else
        return value * Math.Pow(2, exponent);
#endif
    }

    private static int BitLength(BigInteger value)
    {
#if NET
        return (int)value.GetBitLength();
#else
        var bytes = value.ToByteArray();
        int top = bytes[bytes.Length - 1];
        int bits = (bytes.Length - 1) * 8;
        while (top > 0) { bits++; top >>= 1; }
        return bits;
#endif
    }

    /// <summary>Parses "n", "n/d" or a finite decimal "x.y" (optional leading '-'), exactly.</summary>
    public static Rational Parse(string text)
    {
        if (TryParse(text, out var value, out var error)) return value;
        throw new FormatException(error);
    }

    public static bool TryParse(string? text, out Rational value) => TryParse(text, out value, out _);

    /// <summary>Parses exactly; on failure <paramref name="error"/> says what is wrong, for located messages.</summary>
    public static bool TryParse(string? text, out Rational value, out string error)
    {
        value = Zero;
        if (text is null) { error = "expected an exact number such as \"1/3\", \"-2\" or \"0.25\", got nothing"; return false; }
        var s = text.Trim();
        int slash = s.IndexOf('/');
        if (slash >= 0)
        {
            var numText = s.Substring(0, slash).Trim();
            var denText = s.Substring(slash + 1).Trim();
            if (!TryParseInteger(numText, allowSign: true, out var n) || !TryParseInteger(denText, allowSign: false, out var d))
            {
                error = $"\"{text}\" is not an exact number: expected \"n/d\" with integers n and d > 0, such as \"1/3\"";
                return false;
            }
            if (d.IsZero) { error = $"\"{text}\" has a zero denominator"; return false; }
            value = new Rational(n, d);
            error = "";
            return true;
        }
        int dot = s.IndexOf('.');
        if (dot >= 0)
        {
            var intText = s.Substring(0, dot);
            var fracText = s.Substring(dot + 1);
            bool negative = intText.StartsWith("-", StringComparison.Ordinal);
            var intDigits = negative ? intText.Substring(1) : intText;
            if ((intDigits.Length == 0 && fracText.Length == 0) || !AllDigits(intDigits) || fracText.Length == 0 || !AllDigits(fracText))
            {
                error = $"\"{text}\" is not an exact number: expected a decimal such as \"0.25\"";
                return false;
            }
            var whole = intDigits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(intDigits, NumberStyles.None, CultureInfo.InvariantCulture);
            var frac = BigInteger.Parse(fracText, NumberStyles.None, CultureInfo.InvariantCulture);
            var scale = BigInteger.Pow(10, fracText.Length);
            var n = whole * scale + frac;
            value = new Rational(negative ? -n : n, scale);
            error = "";
            return true;
        }
        if (!TryParseInteger(s, allowSign: true, out var integer))
        {
            error = $"\"{text}\" is not an exact number: expected an integer, a fraction \"n/d\" or a decimal such as \"0.25\"";
            return false;
        }
        value = integer;
        error = "";
        return true;
    }

    private static bool TryParseInteger(string s, bool allowSign, out BigInteger value)
    {
        value = BigInteger.Zero;
        bool negative = allowSign && s.StartsWith("-", StringComparison.Ordinal);
        var digits = negative ? s.Substring(1) : s;
        if (digits.Length == 0 || !AllDigits(digits)) return false;
        value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        return true;
    }

    private static bool AllDigits(string s)
    {
        foreach (var c in s) if (c < '0' || c > '9') return false;
        return true;
    }
}
