using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Solving;

/// <summary>Alternating concavification (MODEL.md), exactly, for games with at most two types per player.</summary>
public static class ExactSolver
{
    /// <summary>
    /// Computes π^0 … π^rounds. Stops early, keeping the finished rounds, when cancelled or
    /// over the digit budget (see <see cref="Solution.StopReason"/>).
    /// </summary>
    public static Solution Solve(GameDefinition game, int rounds, SolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (rounds < 0) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "The number of rounds cannot be negative.");
        game.EnsureValid();
        options ??= new SolveOptions();
        var square = new TwoTypeGame(game);
        var functions = new List<RoundFunction> { new(0, square.BaseSurface(), null) };
        var warnings = new List<SolverWarning>();
        var stop = StopReason.Completed;
        int? stabilizedFrom = null;
        string pName = "p", qName = "q";
        int previousDigits = 0;

        for (int t = 1; t <= rounds; t++)
        {
            if (options.Cancellation.IsCancellationRequested) { stop = StopReason.Cancelled; break; }
            var previous = functions[t - 1].Surface;
            if (stabilizedFrom is not null)
            {
                // Proven: every later round has the same functions and nobody speaks. Share them
                // instead of recomputing, so asking for many rounds costs nothing.
                var xs = t % 2 == 1 ? previous.Xs : previous.Ys;
                functions.Add(new RoundFunction(t, previous, MoverPlan.Silent(xs)));
                options.Progress?.Report(new RoundProgress(t, rounds, previous.Xs.Length + previous.Ys.Length, previousDigits));
                continue;
            }
            // Below a few hundred digits the pieces of a strip are too cheap to share out.
            bool parallelStrips = previousDigits >= 200;
            var mover = t % 2 == 1 ? Player.Bob : Player.Sally;
            ConcavificationRound.Result result;
            try
            {
                result = mover == Player.Bob
                    ? ConcavificationRound.Run(previous, mover, pName, qName, options.Parallel, parallelStrips, options.Cancellation)
                    : Transposed(ConcavificationRound.Run(previous.Transposed(), mover, qName, pName, options.Parallel, parallelStrips, options.Cancellation));
            }
            catch (Exception e) when (options.Cancellation.IsCancellationRequested && IsCancellation(e))
            {
                stop = StopReason.Cancelled;
                break;
            }
            functions.Add(new RoundFunction(t, result.Surface, result.Plan));
            warnings.AddRange(result.Warnings.Select(w => new SolverWarning(t, w.Place, w.Message)));

            int digits = result.Surface.Digits();
            previousDigits = digits;
            options.Progress?.Report(new RoundProgress(t, rounds, result.Surface.Xs.Length + result.Surface.Ys.Length, digits));

            stabilizedFrom ??= Stabilization(functions);
            if (options.DigitBudget is { } budget && digits > budget && t < rounds)
            {
                stop = StopReason.DigitBudgetExceeded;
                break;
            }
        }
        return new Solution(game, square, functions, rounds, stop, warnings, stabilizedFrom);
    }

    // Parallel loops wrap a cancellation thrown inside them in (nested) AggregateExceptions.
    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException all && all.Flatten().InnerExceptions.All(IsCancellation));

    private static ConcavificationRound.Result Transposed(ConcavificationRound.Result r) =>
        r with { Surface = r.Surface.Transposed() };

    /// <summary>
    /// When the last two rounds (one by each player) changed nothing anywhere, every later round
    /// changes nothing either; returns the first round of the final run of equal functions.
    /// </summary>
    private static int? Stabilization(List<RoundFunction> functions) =>
        StabilizationProof.FirstStableRound(functions, (a, b) => a.Surface.SameFunctions(b.Surface));
}
