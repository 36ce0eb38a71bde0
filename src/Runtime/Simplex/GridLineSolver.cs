using System.Numerics;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>
/// One mover's message at one grid state: the expected payoffs (mover, other) it gives, and the
/// posteriors (indices into the mover's grid) with their probabilities; no posteriors means silence.
/// </summary>
internal sealed record GridMove(Rational Mover, Rational Other, int[] Posteriors, Rational[] Weights, bool VoluntaryBinds)
{
    public bool IsSilent => Posteriors.Length == 0;
}

/// <summary>
/// A round along one line: the other player's belief is fixed and the mover refines their own
/// belief x, a point of their grid. At every x it solves, exactly,
/// <code>lexmax (Σ λ_g f_M(g), Σ λ_g f_O(g))  s.t.  Σ λ_g g = x,  λ ≥ 0,  Σ λ_g f_O(g) ≥ f_O(x)</code>
/// over the grid points g (the last constraint is voluntary communication), then prefers silence
/// when silence attains both optima.
/// </summary>
/// <remarks>
/// Without the voluntary constraint the program's optimal bases do not depend on x: an optimal
/// basis B found at one x (an LP over the points that can be extreme in the lexicographic upper
/// hull) is optimal at every x in the convex hull of B's points. So a line needs one LP per hull
/// simplex, and each x only computes its barycentric coordinates in known bases (integer
/// arithmetic). When that answer lowers the receiver below silence, the full program with the
/// voluntary row is solved at that x over every grid point.
/// </remarks>
internal static class GridLineSolver
{
    public static GridMove[] Solve(SimplexGrid grid, Rational[] mover, Rational[] other)
    {
        int count = grid.Count;
        var result = new GridMove[count];
        if (grid.Dimension == 1)
        {
            result[0] = Silence(mover[0], other[0]);
            return result;
        }

        var candidates = Candidates(grid, mover, other);
        var lp = new LineProgram(grid, candidates, mover, other);
        var bases = new List<Certificate>();
        int k = grid.Dimension;
        var numerators = new long[k];

        for (int x = 0; x < count; x++)
        {
            var coords = grid.Coordinates(x);
            Certificate? found = null;
            for (int i = 0; i < bases.Count; i++)
            {
                if (bases[i].Contains(coords, numerators))
                {
                    found = bases[i];
                    if (i > 0) { bases.RemoveAt(i); bases.Insert(0, found); }
                    break;
                }
            }
            if (found is null)
            {
                found = new Certificate(grid, lp.OptimalBasis(coords));
                if (!found.Contains(coords, numerators))
                    throw new InvalidOperationException("Internal error: an optimal basis does not contain its own point.");
                bases.Insert(0, found);
            }

            var posteriors = new List<int>(k);
            var weights = new List<Rational>(k);
            Rational vm = Rational.Zero, vo = Rational.Zero;
            var det = new BigInteger(found.Determinant);
            for (int i = 0; i < k; i++)
            {
                if (numerators[i] == 0) continue;
                var w = new Rational(numerators[i], det);
                int g = found.Points[i];
                posteriors.Add(g);
                weights.Add(w);
                vm += w * mover[g];
                vo += w * other[g];
            }

            if (vo < other[x])
            {
                result[x] = VoluntarySolution(grid, mover, other, x);
                continue;
            }
            result[x] = Choose(x, mover, other, vm, vo, posteriors, weights, voluntaryBinds: false);
        }
        return result;
    }

    private static GridMove Silence(Rational mover, Rational other) => new(mover, other, [], [], false);

    private static GridMove Choose(int x, Rational[] mover, Rational[] other, Rational vm, Rational vo,
        List<int> posteriors, List<Rational> weights, bool voluntaryBinds)
    {
        if ((mover[x] == vm && other[x] == vo) || (posteriors.Count == 1 && posteriors[0] == x))
            return new GridMove(mover[x], other[x], [], [], voluntaryBinds);
        return new GridMove(vm, vo, posteriors.ToArray(), weights.ToArray(), voluntaryBinds);
    }

    /// <summary>
    /// The points that can be extreme in the lexicographic upper hull: a point whose value pair is
    /// lexicographically at most the average of its two neighbours along a grid direction is a
    /// (weakly dominated) midpoint and never needed. The corners always stay.
    /// </summary>
    internal static int[] Candidates(SimplexGrid grid, Rational[] mover, Rational[] other)
    {
        int k = grid.Dimension;
        var kept = new List<int>();
        Span<int> plus = stackalloc int[k];
        Span<int> minus = stackalloc int[k];
        for (int g = 0; g < grid.Count; g++)
        {
            var c = grid.Coordinates(g);
            bool dominated = false;
            for (int i = 0; i < k && !dominated; i++)
            {
                if (c[i] == 0) continue;
                for (int j = i + 1; j < k && !dominated; j++)
                {
                    if (c[j] == 0) continue;
                    c.CopyTo(plus); c.CopyTo(minus);
                    plus[i]++; plus[j]--; minus[i]--; minus[j]++;
                    int a = grid.IndexOf(plus), b = grid.IndexOf(minus);
                    var twiceMover = mover[g] + mover[g];
                    var sumMover = mover[a] + mover[b];
                    int cmp = twiceMover.CompareTo(sumMover);
                    if (cmp < 0) dominated = true;
                    else if (cmp == 0 && other[g] + other[g] <= other[a] + other[b]) dominated = true;
                }
            }
            if (!dominated) kept.Add(g);
        }
        return kept.ToArray();
    }

    /// <summary>The full program with the voluntary row, over every grid point, at one x.</summary>
    private static GridMove VoluntarySolution(SimplexGrid grid, Rational[] mover, Rational[] other, int x)
    {
        int k = grid.Dimension, n = grid.Count;
        var rows = new Rational[k + 1][];
        for (int r = 0; r < k; r++)
        {
            rows[r] = new Rational[n + 1];
            for (int g = 0; g < n; g++) rows[r][g] = grid.Coordinates(g)[r];
        }
        rows[k] = new Rational[n + 1];
        for (int g = 0; g < n; g++) rows[k][g] = other[g];
        rows[k][n] = -Rational.One; // slack: Σ λ f_O − s = f_O(x)
        var rhs = new Rational[k + 1];
        var xc = grid.Coordinates(x);
        for (int r = 0; r < k; r++) rhs[r] = xc[r];
        rhs[k] = other[x];
        var cm = new Rational[n + 1];
        var co = new Rational[n + 1];
        Array.Copy(mover, cm, n);
        Array.Copy(other, co, n);
        // Silence (λ_x = 1, slack 0) is feasible; start phase 1 anyway: the basis needs k + 1 columns.
        var program = new ExactLinearProgram(n + 1, rows, rhs, [cm, co]) { Rule = PivotRule.LargestCoefficient };
        var solution = program.Solve();
        if (!solution.IsOptimal) throw new InvalidOperationException($"Internal error: the voluntary program at a grid point is {solution.Status}.");
        var posteriors = new List<int>();
        var weights = new List<Rational>();
        for (int g = 0; g < n; g++)
        {
            var w = solution.Solution[g];
            if (w.IsZero) continue;
            posteriors.Add(g);
            weights.Add(w);
        }
        return Choose(x, mover, other, solution.ObjectiveValues[0], solution.ObjectiveValues[1], posteriors, weights, voluntaryBinds: true);
    }

    /// <summary>The lexicographic program over the candidate points, with the corners as the starting basis.</summary>
    private sealed class LineProgram
    {
        private readonly int[] _candidates;
        private readonly Rational[][] _rows;
        private readonly Rational[][] _objectives;
        private readonly int[] _start;

        public LineProgram(SimplexGrid grid, int[] candidates, Rational[] mover, Rational[] other)
        {
            _candidates = candidates;
            int k = grid.Dimension;
            _rows = new Rational[k][];
            for (int r = 0; r < k; r++)
            {
                _rows[r] = new Rational[candidates.Length];
                for (int c = 0; c < candidates.Length; c++) _rows[r][c] = grid.Coordinates(candidates[c])[r];
            }
            _objectives = [candidates.Select(g => mover[g]).ToArray(), candidates.Select(g => other[g]).ToArray()];
            _start = grid.Corners.Select(corner => Array.IndexOf(candidates, corner)).ToArray();
        }

        /// <summary>The grid points of an optimal basis at x.</summary>
        public int[] OptimalBasis(int[] coords)
        {
            var program = new ExactLinearProgram(_candidates.Length, _rows, coords.Select(c => (Rational)c).ToArray(), _objectives)
            {
                Rule = PivotRule.LargestCoefficient,
                InitialBasis = _start,
            };
            var result = program.Solve();
            if (!result.IsOptimal) throw new InvalidOperationException($"Internal error: a line program is {result.Status}.");
            return result.Basis.Select(c => _candidates[c]).ToArray();
        }
    }

    /// <summary>An optimal basis: its points and the integer adjugate of their coordinate matrix, for barycentric coordinates.</summary>
    private sealed class Certificate
    {
        private readonly long[,] _adjugate;

        public Certificate(SimplexGrid grid, int[] points)
        {
            Points = points;
            int k = points.Length;
            var m = new long[k, k];
            for (int r = 0; r < k; r++)
                for (int c = 0; c < k; c++) m[r, c] = grid.Coordinates(points[c])[r];
            Determinant = IntegerMatrix.Determinant(m);
            if (Determinant == 0) throw new InvalidOperationException("Internal error: a singular basis.");
            _adjugate = IntegerMatrix.Adjugate(m);
        }

        public int[] Points { get; }
        public long Determinant { get; }

        /// <summary>Whether x is in the hull of the points; fills det·λ.</summary>
        public bool Contains(int[] coords, long[] numerators)
        {
            int k = Points.Length;
            int sign = Math.Sign(Determinant);
            for (int i = 0; i < k; i++)
            {
                long sum = 0;
                for (int j = 0; j < k; j++) sum = checked(sum + _adjugate[i, j] * coords[j]);
                if (Math.Sign(sum) * sign < 0) return false;
                numerators[i] = sum;
            }
            return true;
        }
    }
}

/// <summary>
/// Determinants and adjugates of small integer matrices, exactly: Bareiss fraction-free elimination
/// (O(n³) with BigInteger intermediates; the results are checked back into long).
/// </summary>
internal static class IntegerMatrix
{
    public static long Determinant(long[,] m)
    {
        int n = m.GetLength(0);
        if (n == 0) return 1;
        if (n == 1) return m[0, 0];
        if (n == 2) return checked(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]);
        var a = new BigInteger[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) a[r, c] = m[r, c];
        int sign = 1;
        BigInteger previous = BigInteger.One;
        for (int k = 0; k < n - 1; k++)
        {
            if (a[k, k].IsZero)
            {
                int p = k + 1;
                while (p < n && a[p, k].IsZero) p++;
                if (p == n) return 0;
                for (int c = k; c < n; c++) (a[k, c], a[p, c]) = (a[p, c], a[k, c]);
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++)
            {
                for (int j = k + 1; j < n; j++)
                    a[i, j] = (a[i, j] * a[k, k] - a[i, k] * a[k, j]) / previous; // exact (Sylvester's identity)
                a[i, k] = BigInteger.Zero;
            }
            previous = a[k, k];
        }
        return checked((long)(sign * a[n - 1, n - 1]));
    }

    /// <summary>adj(m)[i, j] = (−1)^(i+j) det(m without row j and column i): n² Bareiss determinants, O(n⁵).</summary>
    public static long[,] Adjugate(long[,] m)
    {
        int n = m.GetLength(0);
        var adj = new long[n, n];
        if (n == 1) { adj[0, 0] = 1; return adj; }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                adj[i, j] = checked(((i + j) % 2 == 0 ? 1 : -1) * Determinant(Minor(m, j, i)));
        return adj;
    }

    private static long[,] Minor(long[,] m, int row, int column)
    {
        int n = m.GetLength(0);
        var minor = new long[n - 1, n - 1];
        for (int r = 0, rr = 0; r < n; r++)
        {
            if (r == row) continue;
            for (int c = 0, cc = 0; c < n; c++)
            {
                if (c == column) continue;
                minor[rr, cc++] = m[r, c];
            }
            rr++;
        }
        return minor;
    }
}
