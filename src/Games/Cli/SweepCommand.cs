using System.Diagnostics;
using System.Globalization;
using System.Text;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Simplex.Sweep;

namespace BilateralTrade.Dsl.Games.Cli;

/// <summary>
/// <c>sweep</c>: ConjectureSweep on all cores. stdout gets the (deterministic) results; stderr gets one
/// timing line (instances per second), a progress bar only when stderr is a terminal, and a line saying
/// where a sweep stopped early (--timeout: exit 0; Ctrl-C: exit 130; the finished instances are printed).
/// </summary>
internal sealed class SweepCommand(TextWriter stdout, TextWriter stderr, bool showProgress, CancellationToken interrupt)
{
    public int Run(CommandLine command)
    {
        var grid = command.Grid?.SallyDenominator ?? CommandLine.DefaultSweepGrid;
        var outDir = command.OutDirectory;
        if (outDir is not null)
        {
            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"{outDir}: --out: cannot create the directory: {e.Message.Replace('\n', ' ')}");
            }
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (command.TimeoutSeconds is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var options = new SweepOptions
        {
            Seed = command.Seed,
            Count = command.Count,
            ShardIndex = command.Shard.Index,
            ShardCount = command.Shard.Count,
            RoundBudget = command.Rounds,
            GridDenominator = grid,
            Parallel = true,
            Cancellation = stop.Token,
        };
        var bar = showProgress ? new ProgressBar(stderr) : null;
        SweepResult result;
        try
        {
            result = ConjectureSweep.Run(options with { Progress = bar });
        }
        catch (GridInputException e)
        {
            // The sweep's grid cannot hold its priors or is too large (the other options were checked when parsed);
            // anything else is a bug, for CliApp's last-resort handler.
            bar?.Done();
            throw new CliException($"sweep: --grid: {CliApp.Problem(e)}");
        }
        bar?.Done();

        var files = new SortedDictionary<int, string>();
        if (outDir is not null)
        {
            foreach (var instance in result.NotEfficient)
            {
                var path = Path.Combine(outDir, $"sweep-{options.Seed}-{instance.Index}.json");
                try
                {
                    File.WriteAllText(path, instance.GameFileJson + "\n", new UTF8Encoding(false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"{path}: --out: cannot write the game file: {e.Message.Replace('\n', ' ')}");
                }
                files[instance.Index] = path;
            }
        }

        stdout.Write(SweepWriter.Write(result, command.Format, files));
        stdout.Flush(); // the results before the timing line, when both go to a terminal
        var rate = result.InstancesPerSecond.ToString("F1", CultureInfo.InvariantCulture);
        var elapsed = result.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        stderr.Write($"sweep: {result.Instances.Count} instances in {elapsed} s, {rate} instances/s on {Environment.ProcessorCount} cores\n");
        if (!result.Cancelled) return CliApp.Ok;
        var why = interrupt.IsCancellationRequested ? "interrupted" : $"timed out after {command.TimeoutSeconds} s";
        stderr.Write($"sweep: {why}: printed the {result.Instances.Count} of {SweepWriter.Assigned(options)} instances finished\n");
        return interrupt.IsCancellationRequested ? CliApp.Interrupted : CliApp.Ok;
    }

    /// <summary>"[#######.............] 35/100 instances, 12.3/s" on one rewritten stderr line; called from worker threads.</summary>
    private sealed class ProgressBar(TextWriter stderr) : IProgress<SweepProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private long _lastDraw = -1000;
        private bool _wrote, _done;

        public void Report(SweepProgress value)
        {
            lock (_lock)
            {
                if (_done) return;
                long now = _clock.ElapsedMilliseconds;
                if (now - _lastDraw < 100 && value.Done < value.Of) return;
                _lastDraw = now;
                const int Width = 30;
                int filled = value.Of == 0 ? Width : (int)((long)Width * value.Done / value.Of);
                var rate = now > 0 ? (value.Done * 1000.0 / now).ToString("F1", CultureInfo.InvariantCulture) : "-";
                stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Of} instances, {rate}/s   ");
                stderr.Flush();
                _wrote = true;
            }
        }

        public void Done()
        {
            lock (_lock)
            {
                _done = true;
                if (_wrote) stderr.Write("\r" + new string(' ', 70) + "\r");
            }
        }
    }
}
