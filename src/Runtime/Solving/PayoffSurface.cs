using System.Numerics;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// Both players' payoffs as exact piecewise-bilinear functions on a grid Xs × Ys of [0,1]².
/// Strata are indexed 0..2n−2 per axis: even = a grid line (vertex), odd = the open interval
/// after it; each stratum pair holds a canonical <see cref="Bilinear"/> form, so values on
/// grid lines are the values the function takes there, not limits.
/// </summary>
internal sealed class PayoffSurface
{
    public PayoffSurface(Rational[] xs, Rational[] ys, Bilinear[] sally, Bilinear[] bob)
    {
        Xs = xs; Ys = ys; Sally = sally; Bob = bob;
    }

    public Rational[] Xs { get; }
    public Rational[] Ys { get; }
    public Bilinear[] Sally { get; }
    public Bilinear[] Bob { get; }

    public int XStrata => 2 * Xs.Length - 1;
    public int YStrata => 2 * Ys.Length - 1;

    public int Index(int xStratum, int yStratum) => xStratum * YStrata + yStratum;

    public Bilinear[] Of(Player player) => player == Player.Sally ? Sally : Bob;

    public PayoffPair Evaluate(Rational x, Rational y)
    {
        int index = Index(Locate(Xs, x), Locate(Ys, y));
        return new PayoffPair(Sally[index].Evaluate(x, y), Bob[index].Evaluate(x, y));
    }

    /// <summary>The stratum of a value: 2k on grid line k, 2k+1 strictly between lines k and k+1.</summary>
    public static int Locate(Rational[] grid, Rational value)
    {
        if (value < grid[0] || value > grid[^1])
            throw new ArgumentOutOfRangeException(nameof(value), value, "A belief must lie in [0, 1].");
        int lo = 0, hi = grid.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int c = grid[mid].CompareTo(value);
            if (c == 0) return 2 * mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return 2 * hi + 1;
    }

    /// <summary>The same functions with the axes swapped, so one round along y can run as a round along x.</summary>
    public PayoffSurface Transposed()
    {
        int xn = XStrata, yn = YStrata;
        var sally = new Bilinear[Sally.Length];
        var bob = new Bilinear[Bob.Length];
        for (int i = 0; i < xn; i++)
        {
            for (int j = 0; j < yn; j++)
            {
                int from = i * yn + j, to = j * xn + i;
                sally[to] = Sally[from].Transposed();
                bob[to] = Bob[from].Transposed();
            }
        }
        return new PayoffSurface(Ys, Xs, sally, bob);
    }

    /// <summary>
    /// Drops every interior grid line across which both functions continue unchanged. Each
    /// removal only looks at its own line, so the result is canonical: equal functions give
    /// equal surfaces. Forms marked <paramref name="deferred"/> (on x lines) are known to continue
    /// their neighbours and are filled in only where their line survives.
    /// </summary>
    public PayoffSurface Pruned(bool[]? deferred = null, CancellationToken cancellation = default)
    {
        var keepX = KeepLines(Xs.Length, YStrata, (k, j) => (Index(2 * k - 1, j), Index(2 * k, j), Index(2 * k + 1, j)), deferred);
        if (deferred is not null)
        {
            for (int k = 1; k + 1 < Xs.Length; k++)
            {
                if (!keepX[k]) continue;
                cancellation.ThrowIfCancellationRequested();
                for (int j = 0; j < YStrata; j++)
                {
                    int on = Index(2 * k, j), after = Index(2 * k + 1, j);
                    if (!deferred[on]) continue;
                    Sally[on] = Canonical(Sally[after], on);
                    Bob[on] = Canonical(Bob[after], on);
                }
            }
        }
        var alongX = Select(keepX, Enumerable.Repeat(true, Ys.Length).ToArray());
        var keepY = alongX.KeepLines(alongX.Ys.Length, alongX.XStrata, (l, i) => (alongX.Index(i, 2 * l - 1), alongX.Index(i, 2 * l), alongX.Index(i, 2 * l + 1)), null);
        return alongX.Select(Enumerable.Repeat(true, alongX.Xs.Length).ToArray(), keepY);
    }

    private PayoffSurface Select(bool[] keepX, bool[] keepY)
    {
        if (keepX.All(k => k) && keepY.All(k => k)) return this;
        var xMap = StrataKept(keepX);
        var yMap = StrataKept(keepY);
        var sally = new Bilinear[xMap.Count * yMap.Count];
        var bob = new Bilinear[sally.Length];
        for (int i = 0; i < xMap.Count; i++)
        {
            for (int j = 0; j < yMap.Count; j++)
            {
                int from = Index(xMap[i], yMap[j]);
                sally[i * yMap.Count + j] = Sally[from];
                bob[i * yMap.Count + j] = Bob[from];
            }
        }
        return new PayoffSurface(
            Xs.Where((_, k) => keepX[k]).ToArray(), Ys.Where((_, k) => keepY[k]).ToArray(), sally, bob);
    }

    private bool[] KeepLines(int lines, int across, Func<int, int, (int Before, int On, int After)> strata, bool[]? deferred)
    {
        var keep = new bool[lines];
        keep[0] = keep[lines - 1] = true;
        for (int k = 1; k < lines - 1; k++)
        {
            for (int j = 0; j < across && !keep[k]; j++)
            {
                var (before, on, after) = strata(k, j);
                if (deferred is not null && deferred[on]) continue;
                keep[k] = !Continues(Sally, before, on, after) || !Continues(Bob, before, on, after);
            }
        }
        return keep;
    }

    /// <summary>Whether a function is the same bilinear form before, on and after a grid line.</summary>
    private bool Continues(Bilinear[] forms, int before, int on, int after) =>
        forms[before] == forms[after] && forms[on] == Canonical(forms[before], on);

    /// <summary>Brings a restricted form to the canonical shape of the stratum it is stored on.</summary>
    public Bilinear Canonical(Bilinear form, int index)
    {
        int i = index / YStrata, j = index % YStrata;
        if (i % 2 == 0 && j % 2 == 0) return Bilinear.Constant(form.Evaluate(Xs[i / 2], Ys[j / 2]));
        if (j % 2 == 0) return form.FixY(Ys[j / 2]);
        if (i % 2 == 0) return form.FixX(Xs[i / 2]);
        return form;
    }

    private static List<int> StrataKept(bool[] keepLine)
    {
        // Stratum 2k is line k; an open stratum survives once per run of merged intervals.
        var kept = new List<int>();
        for (int k = 0; k < keepLine.Length; k++)
        {
            if (!keepLine[k]) continue;
            kept.Add(2 * k);
            if (k + 1 < keepLine.Length) kept.Add(2 * k + 1);
        }
        return kept;
    }

    public bool SameFunctions(PayoffSurface other) =>
        Xs.AsSpan().SequenceEqual(other.Xs) && Ys.AsSpan().SequenceEqual(other.Ys)
        && Sally.AsSpan().SequenceEqual(other.Sally) && Bob.AsSpan().SequenceEqual(other.Bob);

    /// <summary>Decimal digits of the largest numerator or denominator held: how large the exact numbers have grown.</summary>
    public int Digits()
    {
        long bits = 0;
        void See(Rational r) => bits = Math.Max(bits, DecimalDigits.Bits(r));
        foreach (var forms in new[] { Sally, Bob })
            foreach (var f in forms) { See(f.A); See(f.B); See(f.C); See(f.D); }
        return DecimalDigits.FromBits(bits);
    }
}
