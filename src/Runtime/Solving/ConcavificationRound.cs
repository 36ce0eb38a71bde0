using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// One round of alternating concavification along the x axis: on every grid line of y the 1-D
/// hull, and on every open strip of y the parametric hull, which splits the strip where the
/// hull's combinatorics change (new grid lines) and fills each piece with exact bilinear forms.
/// The caller transposes for Sally's rounds, so this is written once.
/// </summary>
internal static class ConcavificationRound
{
    public sealed record Result(PayoffSurface Surface, MoverPlan Plan, IReadOnlyList<(string Place, string Message)> Warnings);

    /// <param name="parallelStrips">Also sweep and assemble the pieces of one strip in parallel: worth it once numbers are large.</param>
    public static Result Run(PayoffSurface surface, Player mover, string xName, string yName, bool parallel, bool parallelStrips, CancellationToken cancellation)
    {
        int yStrata = surface.YStrata;
        var pieces = new List<Piece>[yStrata];
        var warnings = new List<(string Place, string Message)>[yStrata];
        void Solve(int j)
        {
            cancellation.ThrowIfCancellationRequested();
            warnings[j] = new List<(string Place, string Message)>();
            pieces[j] = j % 2 == 0
                ? new List<Piece> { OnLine(surface, mover, j, surface.Ys[j / 2], warnings[j], xName, yName) }
                : OnStrip(surface, mover, j, warnings[j], xName, yName, parallel && parallelStrips, cancellation);
        }
        if (parallel && yStrata > 1)
            System.Threading.Tasks.Parallel.For(0, yStrata, new ParallelOptions { CancellationToken = cancellation }, Solve);
        else
            for (int j = 0; j < yStrata; j++) Solve(j);

        var all = pieces.SelectMany(p => p).ToList();
        var ys = all.Where(p => p.Y.IsPoint).Select(p => p.Y.From).ToArray();
        int xStrata = surface.XStrata, newYStrata = all.Count;
        var sally = new Bilinear[xStrata * newYStrata];
        var bob = new Bilinear[sally.Length];
        var deferred = new bool[sally.Length];
        for (int j = 0; j < newYStrata; j++)
        {
            for (int i = 0; i < xStrata; i++)
            {
                sally[i * newYStrata + j] = all[j].Sally[i];
                bob[i * newYStrata + j] = all[j].Bob[i];
                deferred[i * newYStrata + j] = all[j].Deferred[i];
            }
        }
        cancellation.ThrowIfCancellationRequested();
        var next = new PayoffSurface(surface.Xs, ys, sally, bob).Pruned(deferred, cancellation);
        var plan = new MoverPlan(surface.Xs, all.Select(p => new PlanStrip(p.Y, p.Moves)).ToList());
        return new Result(next, plan, warnings.SelectMany(w => w).ToList());
    }

    /// <summary>
    /// A new y stratum: its interval, the mover's moves and both players' new forms along x.
    /// Deferred vertex forms lie inside a split and continue their neighbours' form.
    /// </summary>
    private sealed record Piece(BeliefInterval Y, Move[] Moves, Bilinear[] Sally, Bilinear[] Bob, bool[] Deferred);

    private static Piece OnLine(PayoffSurface surface, Player mover, int j, Rational y, List<(string, string)> warnings, string xName, string yName)
    {
        var slot = LineSlot(surface, mover, j, y, xName, yName, strip: null);
        warnings.AddRange(slot.Warnings);
        return Assemble(surface, mover, slot.Line, slot.Moves, slot.Y, slot.OpenForm);
    }

    /// <summary>The moves on one y stratum before both players' forms are built from them.</summary>
    private sealed record Slot(BeliefInterval Y, Move[] Moves, LineData Line, Func<Bilinear[], int, Bilinear> OpenForm,
        IReadOnlyList<(string Place, string Message)> Warnings);

    /// <param name="strip">The open strip's line when y lies inside it: what is equal there as a function of y is equal at y.</param>
    private static Slot LineSlot(PayoffSurface surface, Player mover, int j, Rational y, string xName, string yName, LineData? strip)
    {
        // On an old grid line the stored forms are already restricted; inside an old strip, restrict them.
        bool oldLine = j % 2 == 0;
        var line = LineAt(surface, mover, j, y, strip);
        var lineWarnings = new List<LineWarning>();
        var moves = LineConcavifier.Run(line, StripOracle.ForLine(y), lineWarnings);
        Bilinear OpenForm(Bilinear[] forms, int i) => oldLine ? forms[surface.Index(i, j)] : forms[surface.Index(i, j)].FixY(y);
        return new Slot(BeliefInterval.Point(y), moves, line, OpenForm,
            lineWarnings.Select(w => ($"{yName} = {y}, {xName} {w.XPlace}", w.Message)).ToList());
    }

    private static List<Piece> OnStrip(PayoffSurface surface, Player mover, int j, List<(string, string)> warnings, string xName, string yName,
        bool parallel, CancellationToken cancellation)
    {
        var line = LineOnStrip(surface, mover, j);
        Bilinear OpenForm(Bilinear[] forms, int i) => forms[surface.Index(i, j)];

        // The pieces left and right of a sampled sub-strip are independent: sweep them side by side.
        void Both(Action first, Action second)
        {
            if (parallel) System.Threading.Tasks.Parallel.Invoke(first, second);
            else { first(); second(); }
        }

        List<Slot> Sweep(Rational lo, Rational hi)
        {
            cancellation.ThrowIfCancellationRequested();
            var sample = SimplestRational.Between(lo, hi);
            var oracle = StripOracle.ForStrip(lo, hi, sample);
            var stripWarnings = new List<LineWarning>();
            var moves = LineConcavifier.Run(line, oracle, stripWarnings);
            List<Slot> before = new(), after = new();
            if (oracle.SampleIsRoot)
            {
                Both(() => before = Sweep(lo, sample), () => after = Sweep(sample, hi));
                return [.. before, LineSlot(surface, mover, j, sample, xName, yName, line), .. after];
            }
            Rational left = oracle.Left, right = oracle.Right;
            Both(
                () => { if (left > lo) before = [.. Sweep(lo, left), LineSlot(surface, mover, j, left, xName, yName, line)]; },
                () => { if (right < hi) after = [LineSlot(surface, mover, j, right, xName, yName, line), .. Sweep(right, hi)]; });
            var cell = new Slot(new BeliefInterval(left, right, false, false), moves, line, OpenForm,
                stripWarnings.Select(w => ($"{yName} in ({left}, {right}), {xName} {w.XPlace}", w.Message)).ToList());
            return [.. before, cell, .. after];
        }

        var slots = MergeEqualMoves(Sweep(surface.Ys[(j - 1) / 2], surface.Ys[(j + 1) / 2]));
        foreach (var slot in slots) warnings.AddRange(slot.Warnings);
        var pieces = new Piece[slots.Count];
        void Build(int i)
        {
            cancellation.ThrowIfCancellationRequested();
            var slot = slots[i];
            pieces[i] = Assemble(surface, mover, slot.Line, slot.Moves, slot.Y, slot.OpenForm);
        }
        if (parallel) System.Threading.Tasks.Parallel.For(0, pieces.Length, new ParallelOptions { CancellationToken = cancellation }, Build);
        else for (int i = 0; i < pieces.Length; i++) Build(i);
        return pieces.ToList();
    }

    /// <summary>
    /// Where the moves are the same on a strip, the line after it and the next strip, the forms
    /// built from them are the same functions: one strip, assembled once.
    /// </summary>
    private static List<Slot> MergeEqualMoves(List<Slot> slots)
    {
        var merged = new List<Slot> { slots[0] };
        for (int i = 1; i + 1 < slots.Count; i += 2)
        {
            var last = merged[^1];
            var (point, next) = (slots[i], slots[i + 1]);
            if (last.Moves.AsSpan().SequenceEqual(point.Moves) && last.Moves.AsSpan().SequenceEqual(next.Moves))
            {
                merged[^1] = last with
                {
                    Y = new BeliefInterval(last.Y.From, next.Y.To, false, false),
                    Warnings = [.. last.Warnings, .. point.Warnings, .. next.Warnings],
                };
            }
            else
            {
                merged.Add(point);
                merged.Add(next);
            }
        }
        return merged;
    }

    /// <summary>The values along x on the open y stratum j, as affine functions of y.</summary>
    private static LineData LineOnStrip(PayoffSurface surface, Player mover, int j) =>
        Line(surface, mover, j, (form, x, xa) => LineValue.AtX(form, x, xa), continuityFrom: null);

    /// <summary>The values along x at the grid line y inside (or on) y stratum j.</summary>
    private static LineData LineAt(PayoffSurface surface, Player mover, int j, Rational y, LineData? strip)
    {
        double ya = y.ToDouble();
        if (strip is null) return Line(surface, mover, j, (form, x, xa) => LineValue.AtPoint(form, x, xa, y, ya), continuityFrom: null);
        LineValue[] On(LineValue[] values) => values.Select(v => LineValue.OnLine(v, y, ya)).ToArray();
        return new LineData(strip.Xs, strip.XApprox, On(strip.MoverAt), On(strip.OtherAt),
            On(strip.MoverRightOf), On(strip.MoverLeftOf), On(strip.OtherRightOf), On(strip.OtherLeftOf),
            continuityFrom: strip) { StripY = y };
    }

    private static LineData Line(PayoffSurface surface, Player mover, int j, Func<Bilinear, Rational, double, LineValue> at, LineData? continuityFrom)
    {
        var xs = surface.Xs;
        int m = xs.Length;
        var xa = xs.Select(x => x.ToDouble()).ToArray();
        var moverForms = surface.Of(mover);
        var otherForms = surface.Of(mover == Player.Sally ? Player.Bob : Player.Sally);
        var moverAt = new LineValue[m]; var otherAt = new LineValue[m];
        var moverRight = new LineValue[m - 1]; var moverLeft = new LineValue[m - 1];
        var otherRight = new LineValue[m - 1]; var otherLeft = new LineValue[m - 1];
        var moverOpen = new Bilinear[m - 1]; var otherOpen = new Bilinear[m - 1];
        for (int k = 0; k < m; k++)
        {
            moverAt[k] = at(moverForms[surface.Index(2 * k, j)], xs[k], xa[k]);
            otherAt[k] = at(otherForms[surface.Index(2 * k, j)], xs[k], xa[k]);
            if (k + 1 == m) break;
            var mo = moverOpen[k] = moverForms[surface.Index(2 * k + 1, j)];
            var ot = otherOpen[k] = otherForms[surface.Index(2 * k + 1, j)];
            moverRight[k] = at(mo, xs[k], xa[k]); moverLeft[k] = at(mo, xs[k + 1], xa[k + 1]);
            otherRight[k] = at(ot, xs[k], xa[k]); otherLeft[k] = at(ot, xs[k + 1], xa[k + 1]);
        }
        return new LineData(xs, xa, moverAt, otherAt, moverRight, moverLeft, otherRight, otherLeft, moverOpen, otherOpen, continuityFrom);
    }

    /// <summary>Both players' new forms along x from the moves: silence keeps the old form, a split interpolates its two ends.</summary>
    private static Piece Assemble(PayoffSurface surface, Player mover, LineData line, Move[] moves, BeliefInterval y,
        Func<Bilinear[], int, Bilinear> openForm)
    {
        var xs = line.Xs;
        int strata = moves.Length;
        var moverNew = new Bilinear[strata];
        var otherNew = new Bilinear[strata];
        var deferred = new bool[strata];
        var moverOld = surface.Of(mover);
        var otherOld = surface.Of(mover == Player.Sally ? Player.Bob : Player.Sally);
        for (int i = 0; i < strata; i++)
        {
            var move = moves[i];
            if (i % 2 == 0)
            {
                int k = i / 2;
                if (!move.IsSilent && i > 0 && i + 1 < strata && moves[i - 1] == move && moves[i + 1] == move)
                {
                    // Inside a split on both sides the function continues through x_k: its value
                    // there is needed only if the grid line survives pruning.
                    deferred[i] = true;
                    continue;
                }
                var mv = move.IsSilent ? line.MoverAt[k].Exact : Affine.Interpolate(xs[move.Low], line.MoverAt[move.Low].Exact, xs[move.High], line.MoverAt[move.High].Exact, xs[k]);
                var ov = move.IsSilent ? line.OtherAt[k].Exact : Affine.Interpolate(xs[move.Low], line.OtherAt[move.Low].Exact, xs[move.High], line.OtherAt[move.High].Exact, xs[k]);
                moverNew[i] = Bilinear.FromAffineInY(mv);
                otherNew[i] = Bilinear.FromAffineInY(ov);
            }
            else if (move.IsSilent)
            {
                moverNew[i] = openForm(moverOld, i);
                otherNew[i] = openForm(otherOld, i);
            }
            else
            {
                (moverNew[i], otherNew[i]) = line.SplitForms(move.Low, move.High);
            }
        }
        return mover == Player.Sally
            ? new Piece(y, moves, moverNew, otherNew, deferred)
            : new Piece(y, moves, otherNew, moverNew, deferred);
    }
}
