using System.Numerics;
using System.Text;
using BilateralTrade.Dsl.Diagrams;
using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Solving;
using BilateralTrade.Dsl.Verification;

namespace BilateralTrade.Dsl.Games.Cli;

/// <summary>
/// The commands. Output is built completely before anything is written to stdout, so bad input
/// leaves stdout empty: one located line on stderr and exit status 2.
/// </summary>
internal sealed class CliApp(TextWriter stdout, TextWriter stderr, bool showProgress, CancellationToken interrupt)
{
    public const int Ok = 0, VerificationFailed = 1, BadInput = 2, InternalError = 70, CannotWriteOutput = 74, Interrupted = 130;

    public int Run(IReadOnlyList<string> args)
    {
        CommandLine? command = null;
        try
        {
            command = CommandLine.Parse(args);
            return command.Command switch
            {
                "help" => Help(),
                "list" => List(),
                "describe" => Describe(command),
                "solve" => Solve(command),
                "protocol" => Protocol(command),
                "plot" => Plot(command),
                "sweep" => new SweepCommand(stdout, stderr, showProgress, interrupt).Run(command),
                _ => throw new CliException($"{command.Command}: unknown command", showUsage: true),
            };
        }
        catch (CliException e)
        {
            stderr.Write(e.Message + "\n");
            if (e.ShowUsage) stderr.Write("\n" + CommandLine.Usage + "\n");
            return BadInput;
        }
        catch (GameFileException e)
        {
            stderr.Write(e.Message + "\n");
            return BadInput;
        }
        catch (InterruptedException)
        {
            return Interrupted;
        }
        catch (TimedOutException)
        {
            return Ok;
        }
        catch (Exception e)
        {
            // Last resort: a bug, not bad input. One line, no stack trace, a status of its own (EX_SOFTWARE).
            stderr.Write(InternalErrorLine(command?.Game ?? command?.Command ?? "error", e) + "\n");
            return InternalError;
        }
    }

    /// <summary>"GAME: internal error: MESSAGE (please report)", on one line.</summary>
    internal static string InternalErrorLine(string where, Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e;
        return $"{OneLine(where)}: internal error: {inner.GetType().Name}: {OneLine(inner.Message)} (please report)";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The problem a <see cref="GridInputException"/> states, without ArgumentException's
    /// " (Parameter 'NAME')" suffix (the user gave --grid, not a parameter).
    /// </summary>
    internal static string Problem(ArgumentException e)
    {
        var message = e.Message;
        if (e.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
            message = message[..^$" (Parameter '{name}')".Length];
        return OneLine(message);
    }

    private int Help()
    {
        stdout.Write(CommandLine.Usage + "\n");
        return Ok;
    }

    private int List()
    {
        var rows = new List<List<string>> { new() { "name", "types (Sally x Bob)", "title" } };
        foreach (var game in GameCatalog.BuiltIn)
            rows.Add([game.Name, $"{game.SallyTypes.Length} x {game.BobTypes.Length}", game.Title ?? ""]);
        var text = new StringBuilder();
        TableWriter.AppendAligned(text, rows, rightAlignFirst: false);
        stdout.Write(text.ToString());
        return Ok;
    }

    private int Describe(CommandLine command)
    {
        stdout.Write(GameDescriptionWriter.Write(LoadGame(command)));
        return Ok;
    }

    private int Solve(CommandLine command)
    {
        if (SolveMultiType(command) is { } grid)
        {
            stdout.Write(MultiTypeWriter.Write(grid, SolutionWriter.ParseFormat(command.Format)!.Value));
            return FinishMultiType(command, grid);
        }
        var solved = SolveGame(command);
        var report = SolutionReport.From(solved.Solution);
        stdout.Write(SolutionWriter.Write(report, SolutionWriter.ParseFormat(command.Format)!.Value));
        return Finish(command, solved);
    }

    private int Protocol(CommandLine command)
    {
        if (SolveMultiType(command) is { } grid)
        {
            stdout.Write(command.Format == "json" ? MultiTypeWriter.ProtocolJson(grid) : MultiTypeWriter.ProtocolText(grid));
            return FinishMultiType(command, grid);
        }
        var solved = SolveGame(command);
        var (game, solution) = (solved.Game, solved.Solution);
        var root = solution.ProtocolFrom(solution.PriorP, solution.PriorQ);
        stdout.Write(command.Format == "json" ? ProtocolWriter.WriteJson(game, root) : ProtocolWriter.WriteText(game, root));
        return Finish(command, solved);
    }

    private int Plot(CommandLine command)
    {
        if (SolveMultiType(command) is { } grid)
        {
            var gridFiles = new List<(string Name, string Svg)> { ("payoffs.svg", PayoffChart.Write(grid)) };
            if (grid.Game.BobTypes.Length == 3) gridFiles.Add(("protocol-simplex.svg", SimplexProtocolDiagram.Write(grid)));
            WriteFiles(command, gridFiles);
            return FinishMultiType(command, grid);
        }
        var solved = SolveGame(command);
        var (game, solution) = (solved.Game, solved.Solution);
        var files = new List<(string Name, string Svg)> { ("partition-0.svg", PartitionDiagram.WriteBaseGame(game)) };
        foreach (var round in solution.Rounds.Skip(1))
            files.Add(($"partition-{round.Round}.svg", PartitionDiagram.Write(game, round.Round, round.Partition)));
        files.Add(("protocol.svg", ProtocolDiagram.Write(game, solution.ProtocolFrom(solution.PriorP, solution.PriorQ))));
        files.Add(("payoffs.svg", PayoffChart.Write(SolutionReport.From(solution))));
        WriteFiles(command, files);
        return Finish(command, solved);
    }

    private void WriteFiles(CommandLine command, List<(string Name, string Svg)> files)
    {
        var dir = command.OutDirectory!;
        try
        {
            Directory.CreateDirectory(dir);
            foreach (var (name, svg) in files) File.WriteAllText(Path.Combine(dir, name), svg, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{dir}: --out: cannot write the diagrams: {e.Message.Replace('\n', ' ')}");
        }
        stdout.Write(string.Concat(files.Select(f => Path.Combine(dir, f.Name) + "\n")));
    }

    private static bool IsMultiType(GameDefinition game) => game.SallyTypes.Length > 2 || game.BobTypes.Length > 2;

    /// <summary>
    /// For a game with more than two types for a player: the grid solve (MultiTypeSolver) at the prior,
    /// on --grid or the default grid; null for a two-type game (solved exactly; --grid is then an error).
    /// An off-grid prior or an unaffordable grid is bad input (exit 2).
    /// </summary>
    private MultiTypeReport? SolveMultiType(CommandLine command)
    {
        var game = LoadGame(command);
        if (!IsMultiType(game))
        {
            if (command.Grid is not null)
                throw new CliException($"--grid: {command.Game} has at most two types per player and is solved exactly, without a grid (--grid is for games with three or more types)");
            return null;
        }
        foreach (var option in new[] { "--digit-budget", "--verify" })
            if (command.Given.Contains(option))
                throw new CliException($"{option}: applies to the exact two-type solver only; {command.Game} has more than two types for a player and is solved on a belief grid");
        var grid = command.Grid ?? MultiTypeSolver.DefaultGrid(game); // docs/cli.md: 1/lcm(d, m), m in 60, 30, 24, 12, 6, 1, within 120,000 states
        if (command.Grid is null && States(game, grid) > MaxDefaultGridStates)
            throw new CliException($"{command.Game}: --grid: the least grid holding the priors (--grid {grid.SallyDenominator},{grid.BobDenominator}) has {States(game, grid)} states, "
                + $"too many to pick by default; give --grid {grid.SallyDenominator},{grid.BobDenominator} (or a multiple) to solve on it anyway");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (command.TimeoutSeconds is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var progress = showProgress ? new StderrProgress(stderr, "grid states") : null;
        try
        {
            var report = MultiTypeSolver.Solve(game, new MultiTypeOptions
            {
                Rounds = command.Rounds,
                Grid = grid,
                ExactEarlyRounds = true,
                Solve = new SolveOptions { Cancellation = stop.Token, Progress = progress, Parallel = true },
            });
            progress?.Done();
            return report;
        }
        catch (GridInputException e)
        {
            // Only the solver's user-input exception is bad input; any other ArgumentException is a bug
            // and reaches Run's last-resort handler (exit 70), not a misleading "--grid" line.
            progress?.Done();
            var message = Problem(e);
            var least = GridSolver.GridFor(game);
            if (grid.SallyDenominator % least.SallyDenominator != 0 || grid.BobDenominator % least.BobDenominator != 0)
            {
                // A prior is off the grid: name the grids that hold both priors.
                long both = MultiTypeSolver.Lcm(least.SallyDenominator, least.BobDenominator);
                message = message.TrimEnd('.') + $" (--grid {both}, or {least.SallyDenominator},{least.BobDenominator}, or multiples, hold both priors)";
            }
            throw new CliException($"{command.Game}: --grid: {message}");
        }
        catch (OperationCanceledException)
        {
            // Cancelled before round 0 was finished: there is nothing to print.
            progress?.Done();
            var why = interrupt.IsCancellationRequested ? "interrupted" : $"timed out after {command.TimeoutSeconds} s";
            stderr.Write($"{game.Name}: {why} before round 0 of the grid solve finished; nothing to print\n");
            return interrupt.IsCancellationRequested ? throw new InterruptedException() : throw new TimedOutException();
        }
    }

    /// <summary>Beyond this many states (when even the least grid holding the priors is that large) the default is refused: --grid must be given.</summary>
    internal const long MaxDefaultGridStates = 1_000_000;

    /// <summary>
    /// Grid states (Sally's grid points times Bob's), exactly. A long product used to wrap (each factor can
    /// be near long.MaxValue, where SimplexGrid.CountPoints saturates) and let a huge grid pass as small.
    /// </summary>
    internal static BigInteger States(GameDefinition game, GridSpec grid) =>
        Points(game.SallyTypes.Length, grid.SallyDenominator) * Points(game.BobTypes.Length, grid.BobDenominator);

    /// <summary>Points of the grid of step 1/n on the simplex over k types: C(n + k - 1, k - 1), unsaturated.</summary>
    private static BigInteger Points(int types, int n)
    {
        BigInteger count = BigInteger.One;
        for (int i = 1; i < types; i++) count = count * (n + i) / i;
        return count;
    }

    /// <summary>After a grid solve's output was printed: 130 after Ctrl-C, else 0; a stopped solve gets one stderr line.</summary>
    private int FinishMultiType(CommandLine command, MultiTypeReport report)
    {
        var solution = report.Solution;
        if (solution.StopReason == StopReason.Completed) return Ok;
        var why = interrupt.IsCancellationRequested ? "interrupted" : $"timed out after {command.TimeoutSeconds} s";
        stderr.Write($"{report.Game.Name}: {why}: printed rounds 0..{solution.LastRound} of {solution.RequestedRounds}\n");
        return interrupt.IsCancellationRequested ? Interrupted : Ok;
    }

    /// <summary>
    /// Exit status after a solve whose output was printed: 130 after Ctrl-C; 1 when --verify found a
    /// violation; else 0 (a timeout or digit budget is asked for). A stopped solve gets one stderr line
    /// saying why; --verify prints each violation and then its summary line on stderr.
    /// </summary>
    private int Finish(CommandLine command, Solved solved)
    {
        var solution = solved.Solution;
        var name = solution.Game.Name;
        if (solution.StopReason != StopReason.Completed)
        {
            var why = interrupt.IsCancellationRequested ? "interrupted"
                : solution.StopReason == StopReason.Cancelled ? $"timed out after {command.TimeoutSeconds} s"
                : $"digit budget exceeded (round {solution.LastRound} has {solved.Digits}-digit numbers, more than --digit-budget {command.DigitBudget})";
            stderr.Write($"{name}: {why}: printed rounds 0..{solution.LastRound} of {solution.RequestedRounds}\n");
            if (interrupt.IsCancellationRequested) return Interrupted;
        }
        if (!command.Verify) return Ok;
        VerificationReport report;
        try
        {
            report = SolutionVerifier.Verify(solution, new VerifyOptions { Cancellation = interrupt });
        }
        catch (OperationCanceledException)
        {
            stderr.Write($"{name}: interrupted during verification\n");
            return Interrupted;
        }
        foreach (var violation in report.Violations) stderr.Write($"{name}: violation: {violation}\n");
        if (report.ViolationCount > report.Violations.Count)
            stderr.Write($"{name}: ... and {report.ViolationCount - report.Violations.Count} more violations\n");
        stderr.Write($"{name}: {report.Summary} (rounds 0..{solution.LastRound})\n");
        return report.Passed ? Ok : VerificationFailed;
    }

    /// <summary>A run stopped (its stderr line written) before anything could be printed.</summary>
    private sealed class InterruptedException : Exception;

    private sealed class TimedOutException : Exception;

    /// <summary>A solved game, with the digits of the last finished round (for the digit-budget message).</summary>
    private sealed record Solved(GameDefinition Game, Solution Solution, int Digits);

    private GameDefinition LoadGame(CommandLine command)
    {
        var game = GameCatalog.Resolve(command.Game!);
        if (command.PriorSally is null && command.PriorBob is null) return game;
        var changed = game.WithPriors(command.PriorSally, command.PriorBob);
        // The game itself was valid, so any problem now is in a prior given on the command line.
        var problem = changed.Validate().FirstOrDefault();
        if (problem is not null)
        {
            var location = problem.Location.Replace("sally.prior", "--prior-sally", StringComparison.Ordinal).Replace("bob.prior", "--prior-bob", StringComparison.Ordinal);
            throw new CliException($"{command.Game}: {location}: {problem.Message}");
        }
        return changed;
    }

    private Solved SolveGame(CommandLine command)
    {
        var game = LoadGame(command);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (command.TimeoutSeconds is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var progress = showProgress ? new StderrProgress(stderr) : null;
        int digits = 0;
        var observe = new Observer(value => { digits = value.Digits; progress?.Report(value); });
        var solution = ExactSolver.Solve(game, command.Rounds,
            new SolveOptions { Cancellation = stop.Token, Progress = observe, DigitBudget = command.DigitBudget });
        progress?.Done();
        return new Solved(game, solution, digits);
    }

    /// <summary>Called synchronously by the solver after each round.</summary>
    private sealed class Observer(Action<RoundProgress> report) : IProgress<RoundProgress>
    {
        public void Report(RoundProgress value) => report(value);
    }

    /// <summary>"round t of T, N breakpoints, D digits" on one rewritten stderr line (only when stderr is a terminal).</summary>
    private sealed class StderrProgress(TextWriter stderr, string points = "breakpoints") : IProgress<RoundProgress>
    {
        private bool _wrote;

        public void Report(RoundProgress value)
        {
            lock (this)
            {
                stderr.Write($"\rround {value.Round} of {value.Of}, {value.Breakpoints} {points}, {value.Digits} digits   ");
                stderr.Flush();
                _wrote = true;
            }
        }

        public void Done()
        {
            if (_wrote) stderr.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}
