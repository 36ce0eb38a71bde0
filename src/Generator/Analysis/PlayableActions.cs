using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Generator.Analysis;

/// <summary>
/// Whether a Sally type ever plays an action when Bob has three or more types, decided exactly.
/// </summary>
/// <remarks>
/// With beliefs b in the simplex Δ(Θ_B), Sally's type i plays a at b iff, for every other action a',
/// (S_a − S_a', B_a − B_a', [a &lt; a']) is lexicographically positive at b, where S and B are the
/// expected utilities (linear in b). For each a' that is one of three linear patterns:
/// S_a − S_a' &gt; 0; or S_a = S_a' and B_a − B_a' &gt; 0; or (only when a is declared before a')
/// S_a = S_a' and B_a = B_a'. So the set where a is played is the union, over the choices of one
/// pattern per a', of polyhedra given by linear equalities and strict and weak inequalities
/// intersected with the simplex; a is played iff one of them is non-empty. A depth-first search
/// over the choices, pruning as soon as the chosen patterns are infeasible, decides each with
/// exact Fourier–Motzkin elimination, and the point it finds is checked with the run time's
/// <see cref="BaseGameAnalyzer.ChooseAction"/> (so "played" always comes with a verified belief).
/// If elimination grows beyond <see cref="FourierMotzkin.MaxConstraints"/>, the action is
/// conservatively taken as played (no warning), never as unplayed.
/// </remarks>
internal static class PlayableActions
{
    public enum Outcome { Played, NeverPlayed, TooComplex }

    public static Outcome Find(Rational[][][] sally, Rational[][][] bob, int sallyType, int action,
        CancellationToken cancellationToken, out Rational[]? belief)
    {
        belief = null;
        int n = sally[0][sallyType].Length;
        int d = n - 1;
        var constraints = new List<LinearConstraint>();
        for (int k = 0; k < d; k++)
        {
            var unit = Zero(d);
            unit[k] = Rational.One;
            constraints.Add(new LinearConstraint(unit, Rational.Zero, strict: false));
        }
        var minusOnes = Zero(d);
        for (int k = 0; k < d; k++) minusOnes[k] = -Rational.One;
        constraints.Add(new LinearConstraint(minusOnes, Rational.One, strict: false));

        var others = Enumerable.Range(0, sally.Length).Where(a => a != action).ToArray();
        try
        {
            belief = Search(0);
            return belief is null ? Outcome.NeverPlayed : Outcome.Played;
        }
        catch (FourierMotzkin.TooComplexException)
        {
            return Outcome.TooComplex;
        }

        Rational[]? Search(int index)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var point = FourierMotzkin.FindPoint(constraints, d);
            if (point is null) return null;
            if (index == others.Length)
            {
                var b = ToBelief(point);
                return BaseGameAnalyzer.ChooseAction(sally, bob, sallyType, b) == action ? b : null;
            }
            int other = others[index];
            var sallyDifference = Difference(sally, other);
            var bobDifference = Difference(bob, other);
            var patterns = new List<LinearConstraint[]>
            {
                new[] { Positive(sallyDifference) },
                new[] { NonNegative(sallyDifference), NonNegative(Negate(sallyDifference)), Positive(bobDifference) },
            };
            if (action < other)
            {
                patterns.Add(new[] { NonNegative(sallyDifference), NonNegative(Negate(sallyDifference)),
                    NonNegative(bobDifference), NonNegative(Negate(bobDifference)) });
            }
            foreach (var pattern in patterns)
            {
                constraints.AddRange(pattern);
                var found = Search(index + 1);
                constraints.RemoveRange(constraints.Count - pattern.Length, pattern.Length);
                if (found is not null) return found;
            }
            return null;
        }

        // u_a − u_other as a function of x = (b_0, …, b_{n−2}), with b_{n−1} = 1 − Σ x.
        (Rational[] Coefficients, Rational Constant) Difference(Rational[][][] table, int other)
        {
            var u = table[action][sallyType];
            var v = table[other][sallyType];
            var last = u[n - 1] - v[n - 1];
            var coefficients = new Rational[d];
            for (int k = 0; k < d; k++) coefficients[k] = (u[k] - v[k]) - last;
            return (coefficients, last);
        }

        Rational[] ToBelief(Rational[] x)
        {
            var b = new Rational[n];
            var rest = Rational.One;
            for (int k = 0; k < d; k++) { b[k] = x[k]; rest -= x[k]; }
            b[n - 1] = rest;
            return b;
        }
    }

    private static Rational[] Zero(int d) => new Rational[d];

    private static (Rational[], Rational) Negate((Rational[] Coefficients, Rational Constant) form) =>
        (form.Coefficients.Select(c => -c).ToArray(), -form.Constant);

    private static LinearConstraint Positive((Rational[] Coefficients, Rational Constant) form) =>
        new(form.Coefficients, form.Constant, strict: true);

    private static LinearConstraint NonNegative((Rational[] Coefficients, Rational Constant) form) =>
        new(form.Coefficients, form.Constant, strict: false);
}
