using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Generator.Analysis;

/// <summary>One linear constraint Σ c_k·x_k + c ≥ 0, or &gt; 0 when strict.</summary>
internal sealed class LinearConstraint
{
    public LinearConstraint(Rational[] coefficients, Rational constant, bool strict)
    {
        Coefficients = coefficients; Constant = constant; Strict = strict;
    }

    public Rational[] Coefficients { get; }
    public Rational Constant { get; }
    public bool Strict { get; }

    public Rational Evaluate(IReadOnlyList<Rational> x, int variables)
    {
        var sum = Constant;
        for (int k = 0; k < variables; k++) sum += Coefficients[k] * x[k];
        return sum;
    }

    /// <summary>The same half-space scaled so the first non-zero coefficient (or the constant) has absolute value 1; for de-duplication.</summary>
    public string Key(int variables)
    {
        Rational scale = Rational.Zero;
        for (int k = 0; k < variables && scale.IsZero; k++) scale = Rational.Abs(Coefficients[k]);
        if (scale.IsZero) scale = Rational.Abs(Constant);
        if (scale.IsZero) scale = Rational.One;
        var text = new StringBuilder(Strict ? ">" : ">=");
        for (int k = 0; k < variables; k++) text.Append(' ').Append((Coefficients[k] / scale).ToString());
        return text.Append(' ').Append((Constant / scale).ToString()).ToString();
    }
}

/// <summary>
/// Exact feasibility of a system of linear inequalities, some strict, by Fourier–Motzkin
/// elimination (combining a strict inequality with any other gives a strict one, so the
/// projection is exact), and a witness point by back-substitution. Returns null when infeasible;
/// throws <see cref="TooComplexException"/> when a stage exceeds <see cref="MaxConstraints"/>.
/// </summary>
internal static class FourierMotzkin
{
    public const int MaxConstraints = 4000;

    public sealed class TooComplexException : Exception
    {
        public TooComplexException() : base("Fourier–Motzkin elimination grew too large") { }
    }

    public static Rational[]? FindPoint(IReadOnlyList<LinearConstraint> system, int variables)
    {
        // stages[k] holds the constraints in variables x_0..x_k (before x_k is eliminated).
        var stages = new List<LinearConstraint>[variables];
        var current = system.ToList();
        for (int k = variables - 1; k >= 0; k--)
        {
            if (!Reduce(current, k + 1, out current)) return null;
            stages[k] = current;
            current = Eliminate(current, k);
        }
        if (!Reduce(current, 0, out _)) return null;

        var x = new Rational[variables];
        for (int k = 0; k < variables; k++) x[k] = Choose(stages[k], x, k);
        return x;
    }

    /// <summary>Drops constraints without variables (failing if one is violated) and duplicates.</summary>
    private static bool Reduce(List<LinearConstraint> constraints, int variables, out List<LinearConstraint> reduced)
    {
        reduced = new List<LinearConstraint>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in constraints)
        {
            bool constant = true;
            for (int k = 0; k < variables && constant; k++) constant = c.Coefficients[k].IsZero;
            if (constant)
            {
                if (c.Constant.Sign < 0 || (c.Strict && c.Constant.IsZero)) return false;
                continue;
            }
            if (seen.Add(c.Key(variables))) reduced.Add(c);
        }
        if (reduced.Count > MaxConstraints) throw new TooComplexException();
        return true;
    }

    private static List<LinearConstraint> Eliminate(List<LinearConstraint> constraints, int k)
    {
        var result = new List<LinearConstraint>();
        var positive = new List<LinearConstraint>();
        var negative = new List<LinearConstraint>();
        foreach (var c in constraints)
        {
            int sign = c.Coefficients[k].Sign;
            if (sign > 0) positive.Add(c);
            else if (sign < 0) negative.Add(c);
            else result.Add(c);
        }
        if ((long)positive.Count * negative.Count > MaxConstraints) throw new TooComplexException();
        foreach (var p in positive)
        {
            foreach (var n in negative)
            {
                // β·p + α·n cancels x_k when p has α > 0 and n has −β < 0 there.
                var alpha = p.Coefficients[k];
                var beta = -n.Coefficients[k];
                var coefficients = new Rational[p.Coefficients.Length];
                for (int i = 0; i < coefficients.Length; i++) coefficients[i] = beta * p.Coefficients[i] + alpha * n.Coefficients[i];
                coefficients[k] = Rational.Zero;
                result.Add(new LinearConstraint(coefficients, beta * p.Constant + alpha * n.Constant, p.Strict || n.Strict));
            }
        }
        return result;
    }

    /// <summary>A value of x_k satisfying every constraint of its stage, given x_0..x_{k−1}.</summary>
    private static Rational Choose(List<LinearConstraint> stage, Rational[] x, int k)
    {
        Rational? lower = null, upper = null;
        bool lowerStrict = false, upperStrict = false;
        foreach (var c in stage)
        {
            var a = c.Coefficients[k];
            if (a.IsZero) continue;
            var rest = c.Evaluate(x, k);
            var bound = -rest / a;
            if (a.Sign > 0)
            {
                if (lower is null || bound > lower.Value || (bound == lower.Value && c.Strict)) { lowerStrict = c.Strict || (lower == bound && lowerStrict); lower = bound; }
            }
            else if (upper is null || bound < upper.Value || (bound == upper.Value && c.Strict)) { upperStrict = c.Strict || (upper == bound && upperStrict); upper = bound; }
        }
        if (lower is { } l && upper is { } u) return l == u ? l : (l + u) * Rational.Half;
        if (lower is { } onlyLower) return lowerStrict ? onlyLower + Rational.One : onlyLower;
        if (upper is { } onlyUpper) return upperStrict ? onlyUpper - Rational.One : onlyUpper;
        return Rational.Zero;
    }
}
