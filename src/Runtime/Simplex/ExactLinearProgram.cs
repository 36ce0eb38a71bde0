using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Simplex;

/// <summary>How the simplex method picks the entering column.</summary>
public enum PivotRule
{
    /// <summary>Bland's rule: the lowest-index improving column, ties in the ratio test to the lowest basic index. Never cycles.</summary>
    Bland,

    /// <summary>
    /// The most improving column (Dantzig) while the basic solution is non-degenerate, Bland's rule
    /// while it is degenerate. A cycle only visits one degenerate solution, where Bland's rule
    /// applies throughout, so this never cycles either; it usually needs far fewer pivots.
    /// </summary>
    LargestCoefficient,
}

public enum LinearProgramStatus
{
    Optimal,
    Infeasible,
    Unbounded,
}

/// <summary>The outcome of <see cref="ExactLinearProgram.Solve"/>.</summary>
/// <param name="Solution">x, one entry per column (empty unless optimal).</param>
/// <param name="ObjectiveValues">c_k · x for each objective, in order (empty unless optimal).</param>
/// <param name="Basis">The optimal basis: the column basic in each remaining row (redundant rows dropped).</param>
public sealed record LinearProgramResult(
    LinearProgramStatus Status,
    IReadOnlyList<Rational> Solution,
    IReadOnlyList<Rational> ObjectiveValues,
    IReadOnlyList<int> Basis,
    int Pivots)
{
    public bool IsOptimal => Status == LinearProgramStatus.Optimal;
}

/// <summary>
/// An exact linear program in standard equality form, solved by a dense-tableau simplex method
/// over <see cref="Rational"/>:
/// <code>lexmax (c_1 · x, c_2 · x, …)  subject to  A x = b,  x ≥ 0.</code>
/// Objectives are optimized in order; after each, every column with a negative reduced cost is
/// barred from entering (such columns are zero in every optimal solution), which is the same as
/// fixing that objective at its optimum with an equality. Meant for small programs: a few rows,
/// up to a few thousand columns. Inequalities are written with slack columns by the caller.
/// </summary>
public sealed class ExactLinearProgram
{
    private readonly Rational[][] _rows;
    private readonly Rational[] _rhs;
    private readonly IReadOnlyList<Rational[]> _objectives;
    private readonly int _columns;

    /// <param name="rows">A, one array of <paramref name="columns"/> entries per constraint.</param>
    /// <param name="rhs">b, one entry per constraint (any sign).</param>
    /// <param name="objectives">c_1, c_2, …: maximized lexicographically; at least one.</param>
    public ExactLinearProgram(int columns, IReadOnlyList<Rational[]> rows, IReadOnlyList<Rational> rhs, IReadOnlyList<Rational[]> objectives)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rhs);
        ArgumentNullException.ThrowIfNull(objectives);
        if (columns < 0) throw new ArgumentOutOfRangeException(nameof(columns));
        if (rows.Count != rhs.Count) throw new ArgumentException($"{rows.Count} rows but {rhs.Count} right-hand sides.", nameof(rhs));
        if (objectives.Count == 0) throw new ArgumentException("At least one objective is needed.", nameof(objectives));
        foreach (var row in rows)
            if (row.Length != columns) throw new ArgumentException($"Every row needs {columns} entries.", nameof(rows));
        foreach (var c in objectives)
            if (c.Length != columns) throw new ArgumentException($"Every objective needs {columns} entries.", nameof(objectives));
        _columns = columns;
        _rows = rows.ToArray();
        _rhs = rhs.ToArray();
        _objectives = objectives;
    }

    public PivotRule Rule { get; init; } = PivotRule.Bland;

    /// <summary>
    /// Optional columns forming a feasible basis (one per row, the basic solution non-negative):
    /// skips phase 1. Checked; an infeasible or singular start throws.
    /// </summary>
    public IReadOnlyList<int>? InitialBasis { get; init; }

    public LinearProgramResult Solve()
    {
        var t = new Tableau(_rows, _rhs, _columns, Rule);
        if (InitialBasis is { } start)
        {
            t.EnterBasis(start);
        }
        else if (!t.PhaseOne())
        {
            return new LinearProgramResult(LinearProgramStatus.Infeasible, [], [], [], t.Pivots);
        }

        var allowed = new bool[_columns];
        Array.Fill(allowed, true);
        foreach (var c in _objectives)
        {
            var reduced = t.Optimize(c, allowed);
            if (reduced is null) return new LinearProgramResult(LinearProgramStatus.Unbounded, [], [], [], t.Pivots);
            for (int j = 0; j < _columns; j++)
                if (reduced[j].Sign < 0) allowed[j] = false;
        }
        var x = t.Solution();
        var values = _objectives.Select(c => Dot(c, x)).ToArray();
        return new LinearProgramResult(LinearProgramStatus.Optimal, x, values, t.Basis.ToArray(), t.Pivots);
    }

    private static Rational Dot(Rational[] c, Rational[] x)
    {
        Rational sum = Rational.Zero;
        for (int j = 0; j < c.Length; j++)
            if (!x[j].IsZero && !c[j].IsZero) sum += c[j] * x[j];
        return sum;
    }

    /// <summary>B⁻¹A and B⁻¹b for the current basis, with artificial columns appended in phase 1.</summary>
    private sealed class Tableau
    {
        private readonly List<Rational[]> _a = new();
        private readonly List<Rational> _b = new();
        private readonly PivotRule _rule;
        private int _width; // columns including artificials
        private readonly int _real;

        public List<int> Basis { get; } = new();
        public int Pivots { get; private set; }

        public Tableau(Rational[][] rows, Rational[] rhs, int columns, PivotRule rule)
        {
            _rule = rule;
            _real = columns;
            _width = columns;
            for (int i = 0; i < rows.Length; i++)
            {
                var row = (Rational[])rows[i].Clone();
                var b = rhs[i];
                if (b.Sign < 0)
                {
                    for (int j = 0; j < row.Length; j++) row[j] = -row[j];
                    b = -b;
                }
                _a.Add(row);
                _b.Add(b);
            }
        }

        public void EnterBasis(IReadOnlyList<int> start)
        {
            if (start.Count != _a.Count) throw new ArgumentException($"An initial basis needs {_a.Count} columns, got {start.Count}.");
            Basis.Clear();
            for (int i = 0; i < _a.Count; i++) Basis.Add(-1);
            var used = new bool[_a.Count];
            foreach (var column in start)
            {
                int row = -1;
                for (int i = 0; i < _a.Count; i++)
                {
                    if (!used[i] && !_a[i][column].IsZero) { row = i; break; }
                }
                if (row < 0) throw new ArgumentException("The initial basis is singular.");
                Pivot(row, column);
                used[row] = true;
            }
            for (int i = 0; i < _b.Count; i++)
                if (_b[i].Sign < 0) throw new ArgumentException("The initial basis is not feasible.");
            Pivots = 0;
        }

        /// <summary>Finds a feasible basis with artificial columns; false when the program is infeasible.</summary>
        public bool PhaseOne()
        {
            int m = _a.Count;
            _width = _real + m;
            for (int i = 0; i < m; i++)
            {
                var row = new Rational[_width];
                Array.Copy(_a[i], row, _real);
                row[_real + i] = Rational.One;
                _a[i] = row;
                Basis.Add(_real + i);
            }
            var cost = new Rational[_width];
            for (int i = 0; i < m; i++) cost[_real + i] = -Rational.One;
            var allowed = new bool[_width];
            Array.Fill(allowed, true);
            Optimize(cost, allowed, includeArtificial: true);
            Rational residual = Rational.Zero;
            for (int i = 0; i < m; i++)
                if (Basis[i] >= _real) residual += _b[i];
            if (residual.Sign != 0) return false;

            // Drive the remaining (zero) artificials out; a row with no real entry is redundant.
            for (int i = m - 1; i >= 0; i--)
            {
                if (Basis[i] < _real) continue;
                int entering = -1;
                for (int j = 0; j < _real; j++)
                {
                    if (!_a[i][j].IsZero) { entering = j; break; }
                }
                if (entering >= 0) Pivot(i, entering);
                else { _a.RemoveAt(i); _b.RemoveAt(i); Basis.RemoveAt(i); }
            }
            for (int i = 0; i < _a.Count; i++) _a[i] = _a[i][.._real];
            _width = _real;
            return true;
        }

        /// <summary>Maximizes c · x over the allowed columns from the current feasible basis; returns the reduced costs, or null when unbounded.</summary>
        public Rational[]? Optimize(Rational[] c, bool[] allowed, bool includeArtificial = false)
        {
            int limit = includeArtificial ? _width : _real;
            while (true)
            {
                var reduced = ReducedCosts(c, limit);
                bool degenerate = false;
                for (int i = 0; i < _b.Count; i++) if (_b[i].IsZero) { degenerate = true; break; }

                int entering = -1;
                for (int j = 0; j < limit; j++)
                {
                    if (!allowed[j] || reduced[j].Sign <= 0) continue;
                    if (entering < 0) { entering = j; if (_rule == PivotRule.Bland || degenerate) break; continue; }
                    if (reduced[j] > reduced[entering]) entering = j;
                }
                if (entering < 0) return reduced;

                int leaving = -1;
                Rational best = default;
                for (int i = 0; i < _a.Count; i++)
                {
                    var coefficient = _a[i][entering];
                    if (coefficient.Sign <= 0) continue;
                    var ratio = _b[i] / coefficient;
                    if (leaving < 0 || ratio < best || (ratio == best && Basis[i] < Basis[leaving]))
                    {
                        leaving = i; best = ratio;
                    }
                }
                if (leaving < 0) return null;
                Pivot(leaving, entering);
            }
        }

        private Rational[] ReducedCosts(Rational[] c, int limit)
        {
            var reduced = new Rational[limit];
            for (int j = 0; j < limit; j++) reduced[j] = j < c.Length ? c[j] : Rational.Zero;
            for (int i = 0; i < _a.Count; i++)
            {
                var cb = Basis[i] < c.Length ? c[Basis[i]] : Rational.Zero;
                if (cb.IsZero) continue;
                var row = _a[i];
                for (int j = 0; j < limit; j++)
                    if (!row[j].IsZero) reduced[j] -= cb * row[j];
            }
            return reduced;
        }

        private void Pivot(int row, int column)
        {
            Pivots++;
            var pivotRow = _a[row];
            var inverse = pivotRow[column].Reciprocal();
            for (int j = 0; j < pivotRow.Length; j++)
                if (!pivotRow[j].IsZero) pivotRow[j] *= inverse;
            _b[row] *= inverse;
            for (int i = 0; i < _a.Count; i++)
            {
                if (i == row) continue;
                var r = _a[i];
                var factor = r[column];
                if (factor.IsZero) continue;
                for (int j = 0; j < r.Length; j++)
                    if (!pivotRow[j].IsZero) r[j] -= factor * pivotRow[j];
                _b[i] -= factor * _b[row];
            }
            Basis[row] = column;
        }

        public Rational[] Solution()
        {
            var x = new Rational[_real];
            for (int i = 0; i < Basis.Count; i++) x[Basis[i]] = _b[i];
            return x;
        }
    }
}
