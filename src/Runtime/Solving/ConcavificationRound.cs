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
    public sealed record Result(PayoffSurface Surface, MoverPlan Plan, IReadOnlyList<string> Warnings);

    public static Result Run(PayoffSurface surface, Player mover, string xName, string yName, bool parallel, CancellationToken cancellation)
    {
        int yStrata = surface.YStrata;
        var pieces = new List<Piece>[yStrata];
        var warnings = new List<string>[yStrata];
        void Solve(int j)
        {
            cancellation.ThrowIfCancellationRequested();
            warnings[j] = new List<string>();
            pieces[j] = j % 2 == 0
                ? new List<Piece> { OnLine(surface, mover, j, surface.Ys[j / 2], warnings[j], yName) }
                : OnStrip(surface, mover, j, warnings[j], yName, cancellation);
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
        for (int j = 0; j < newYStrata; j++)
        {
            for (int i = 0; i < xStrata; i++)
            {
                sally[i * newYStrata + j] = all[j].Sally[i];
                bob[i * newYStrata + j] = all[j].Bob[i];
            }
        }
        var next = new PayoffSurface(surface.Xs, ys, sally, bob).Pruned();
        var plan = new MoverPlan(surface.Xs, all.Select(p => new PlanStrip(p.Y, p.Moves)).ToList());
        var messages = warnings.SelectMany(w => w).Select(w => $"{xName} {w}").ToList();
        return new Result(next, plan, messages);
    }

    /// <summary>A new y stratum: its interval, the mover's moves and both players' new forms along x.</summary>
    private sealed record Piece(BeliefInterval Y, Move[] Moves, Bilinear[] Sally, Bilinear[] Bob);

    private static Piece OnLine(PayoffSurface surface, Player mover, int j, Rational y, List<string> warnings, string yName)
    {
        // On an old grid line the stored forms are already restricted; inside an old strip, restrict them.
        bool oldLine = j % 2 == 0;
        var line = Line(surface, mover, j, form => Affine.Of(form.At(y)));
        var moves = LineConcavifier.Run(line, StripOracle.ForLine(y), warnings, () => $"{yName} = {y}");
        Bilinear OpenForm(Bilinear[] forms, int i) => oldLine ? forms[surface.Index(i, j)] : forms[surface.Index(i, j)].FixY(y);
        return Assemble(surface, mover, line, moves, BeliefInterval.Point(y), OpenForm);
    }

    private static List<Piece> OnStrip(PayoffSurface surface, Player mover, int j, List<string> warnings, string yName, CancellationToken cancellation)
    {
        var line = Line(surface, mover, j, form => form);
        var result = new List<Piece>();
        Bilinear OpenForm(Bilinear[] forms, int i) => forms[surface.Index(i, j)];

        void Sweep(Rational lo, Rational hi)
        {
            cancellation.ThrowIfCancellationRequested();
            var sample = SimplestRational.Between(lo, hi);
            var oracle = StripOracle.ForStrip(lo, hi, sample);
            var stripWarnings = new List<string>();
            var moves = LineConcavifier.Run(line, oracle, stripWarnings, () => $"{yName} in ({lo}, {hi})");
            if (oracle.SampleIsRoot)
            {
                Sweep(lo, sample);
                result.Add(OnLine(surface, mover, j, sample, warnings, yName));
                Sweep(sample, hi);
                return;
            }
            Rational left = oracle.Left, right = oracle.Right;
            if (left > lo)
            {
                Sweep(lo, left);
                result.Add(OnLine(surface, mover, j, left, warnings, yName));
            }
            warnings.AddRange(stripWarnings.Select(w => w.Replace($"({lo}, {hi})", $"({left}, {right})")));
            result.Add(Assemble(surface, mover, line, moves, new BeliefInterval(left, right, false, false), OpenForm));
            if (right < hi)
            {
                result.Add(OnLine(surface, mover, j, right, warnings, yName));
                Sweep(right, hi);
            }
        }

        Sweep(surface.Ys[(j - 1) / 2], surface.Ys[(j + 1) / 2]);
        return result;
    }

    /// <summary>The values along x on y stratum j, each as an affine function of y (or a constant via <paramref name="restrict"/>).</summary>
    private static LineData Line(PayoffSurface surface, Player mover, int j, Func<Affine, Affine> restrict)
    {
        var xs = surface.Xs;
        int m = xs.Length;
        var moverForms = surface.Of(mover);
        var otherForms = surface.Of(mover == Player.Sally ? Player.Bob : Player.Sally);
        var moverAt = new Affine[m]; var otherAt = new Affine[m];
        var moverRight = new Affine[m - 1]; var moverLeft = new Affine[m - 1];
        var otherRight = new Affine[m - 1]; var otherLeft = new Affine[m - 1];
        for (int k = 0; k < m; k++)
        {
            moverAt[k] = restrict(moverForms[surface.Index(2 * k, j)].AtX(xs[k]));
            otherAt[k] = restrict(otherForms[surface.Index(2 * k, j)].AtX(xs[k]));
            if (k + 1 == m) break;
            var mo = moverForms[surface.Index(2 * k + 1, j)];
            var ot = otherForms[surface.Index(2 * k + 1, j)];
            moverRight[k] = restrict(mo.AtX(xs[k])); moverLeft[k] = restrict(mo.AtX(xs[k + 1]));
            otherRight[k] = restrict(ot.AtX(xs[k])); otherLeft[k] = restrict(ot.AtX(xs[k + 1]));
        }
        return new LineData(xs, moverAt, otherAt, moverRight, moverLeft, otherRight, otherLeft);
    }

    /// <summary>Both players' new forms along x from the moves: silence keeps the old form, a split interpolates its two ends.</summary>
    private static Piece Assemble(PayoffSurface surface, Player mover, LineData line, Move[] moves, BeliefInterval y,
        Func<Bilinear[], int, Bilinear> openForm)
    {
        var xs = line.Xs;
        int strata = moves.Length;
        var moverNew = new Bilinear[strata];
        var otherNew = new Bilinear[strata];
        var moverOld = surface.Of(mover);
        var otherOld = surface.Of(mover == Player.Sally ? Player.Bob : Player.Sally);
        for (int i = 0; i < strata; i++)
        {
            var move = moves[i];
            if (i % 2 == 0)
            {
                int k = i / 2;
                var mv = move.IsSilent ? line.MoverAt[k] : Affine.Interpolate(xs[move.Low], line.MoverAt[move.Low], xs[move.High], line.MoverAt[move.High], xs[k]);
                var ov = move.IsSilent ? line.OtherAt[k] : Affine.Interpolate(xs[move.Low], line.OtherAt[move.Low], xs[move.High], line.OtherAt[move.High], xs[k]);
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
                moverNew[i] = Bilinear.Interpolate(xs[move.Low], line.MoverAt[move.Low], xs[move.High], line.MoverAt[move.High]);
                otherNew[i] = Bilinear.Interpolate(xs[move.Low], line.OtherAt[move.Low], xs[move.High], line.OtherAt[move.High]);
            }
        }
        return mover == Player.Sally
            ? new Piece(y, moves, moverNew, otherNew)
            : new Piece(y, moves, otherNew, moverNew);
    }
}
