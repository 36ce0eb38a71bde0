using System.Globalization;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Simplex.Sweep;

namespace BilateralTrade.Dsl.Games.Cli;

/// <summary>A parsed command: the command name, GAME when it takes one, and its options.</summary>
internal sealed record CommandLine(
    string Command,
    string? Game,
    int Rounds,
    IReadOnlyList<Rational>? PriorSally,
    IReadOnlyList<Rational>? PriorBob,
    string Format,
    double? TimeoutSeconds,
    string? OutDirectory,
    int? DigitBudget = null,
    bool Verify = false)
{
    public const int DefaultRounds = 6;

    /// <summary>sweep's defaults: seed 1, 100 instances, round budget 6, grid 1/6.</summary>
    public const int DefaultSweepSeed = 1, DefaultSweepCount = 100, DefaultSweepRounds = 6, DefaultSweepGrid = 6;

    /// <summary>--grid N (or S,B): the belief grids for games with more than two types; null = the default for the game.</summary>
    public GridSpec? Grid { get; init; }

    /// <summary>Which options were given (by name), e.g. to reject an exact-solver option on a grid solve.</summary>
    public IReadOnlyCollection<string> Given { get; init; } = [];

    public int Seed { get; init; } = DefaultSweepSeed;
    public int Count { get; init; } = DefaultSweepCount;
    public (int Index, int Count) Shard { get; init; } = (0, 1);

    public const string Usage =
        """
        usage: dotnet run --project src/Games -- COMMAND [GAME] [options]

        commands:
          solve GAME      payoffs after t = 0..T rounds at the prior
                          [--rounds T] [--prior-sally a,b] [--prior-bob a,b] [--grid N]
                          [--format table|json|csv|latex|markdown] [--timeout S] [--digit-budget D] [--verify]
          protocol GAME   the optimal protocol tree from the prior
                          [--rounds T] [--prior-sally a,b] [--prior-bob a,b] [--grid N] [--format text|json]
                          [--timeout S] [--digit-budget D] [--verify]
          describe GAME   types, priors, actions, payoff tables and base-game thresholds (or linear forms)
          plot GAME       SVG diagrams: --out DIR [--rounds T] [--prior-sally a,b] [--prior-bob a,b] [--grid N]
                          [--timeout S] [--digit-budget D] [--verify]
          sweep           seeded random bilateral trades (3 values, 2-3 costs) on the grid, all cores
                          [--seed S] [--count N] [--shard i/n] [--rounds T] [--grid N] [--out DIR]
                          [--format table|json|csv] [--timeout S]
          list            the built-in games
          help            this text

        GAME is a built-in game name (see list) or the path of a JSON game file.
        Numbers are exact: 1/3, -2, 0.25. Default rounds: 6.
        --timeout S / --digit-budget D stop the solve after S seconds (at most 2592000, 30 days) /
        once a round's numbers have more than D digits, printing the rounds finished. --verify re-checks every splitting by
        brute force and exits 1 on a violation.
        Games with more than two types for a player are solved on a belief grid of step 1/N
        (--grid N, or --grid S,B for Sally's and Bob's simplices; the default fits the prior):
        an APPROXIMATION, labelled so in every output, with the rounds known to be exact marked.
        sweep defaults: --seed 1 --count 100 --rounds 6 --grid 6; --out DIR writes the game file of
        every instance not efficient within the budget.
        """;

    /// <summary>Options that take no value.</summary>
    private static readonly string[] Flags = ["--verify"];

    private static readonly Dictionary<string, string[]> OptionsOf = new(StringComparer.Ordinal)
    {
        ["solve"] = ["--rounds", "--prior-sally", "--prior-bob", "--format", "--timeout", "--digit-budget", "--verify", "--grid"],
        ["protocol"] = ["--rounds", "--prior-sally", "--prior-bob", "--format", "--timeout", "--digit-budget", "--verify", "--grid"],
        ["plot"] = ["--rounds", "--prior-sally", "--prior-bob", "--out", "--timeout", "--digit-budget", "--verify", "--grid"],
        ["sweep"] = ["--seed", "--count", "--shard", "--rounds", "--grid", "--out", "--format", "--timeout"],
        ["describe"] = ["--prior-sally", "--prior-bob"],
        ["list"] = [],
        ["help"] = [],
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new CliException("missing COMMAND", showUsage: true);
        var command = args[0] switch { "--help" or "-h" => "help", var c => c };
        if (!OptionsOf.TryGetValue(command, out var allowed))
            throw new CliException($"{command}: unknown command (commands: solve, protocol, describe, plot, sweep, list, help)", showUsage: true);

        string? game = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg; string? value = null;
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) { name = arg.Substring(0, eq); value = arg.Substring(eq + 1); }
                if (!allowed.Contains(name, StringComparer.Ordinal))
                    throw new CliException($"{name}: unknown option for {command}" + (allowed.Length > 0 ? $" (options: {string.Join(", ", allowed)})" : " (it takes none)"), showUsage: true);
                if (Flags.Contains(name, StringComparer.Ordinal))
                {
                    if (value is not null) throw new CliException($"{name}: takes no value, got \"{value}\"");
                    value = "";
                }
                else if (value is null)
                {
                    if (i + 1 >= args.Count) throw new CliException($"{name}: missing value");
                    value = args[++i];
                }
                if (!values.TryAdd(name, value)) throw new CliException($"{name}: given twice");
            }
            else if (command is "list" or "help" or "sweep" || game is not null)
            {
                throw new CliException($"{arg}: unexpected argument for {command}", showUsage: true);
            }
            else
            {
                game = arg;
            }
        }
        if (game is null && command is not ("list" or "help" or "sweep"))
            throw new CliException($"{command}: missing GAME (a built-in game name or the path of a game file)", showUsage: true);

        int rounds = values.TryGetValue("--rounds", out var r) ? ParseRounds(r) : command == "sweep" ? DefaultSweepRounds : DefaultRounds;
        var format = values.GetValueOrDefault("--format") ?? (command == "protocol" ? "text" : "table");
        if (command == "sweep" && format is not ("table" or "json" or "csv"))
            throw new CliException($"--format: unknown format \"{format}\" for sweep (formats: table, json, csv)");
        GridSpec? grid = values.TryGetValue("--grid", out var g) ? ParseGrid(g, command) : null;
        if (command == "solve" && SolutionWriter.ParseFormat(format) is null)
            throw new CliException($"--format: unknown format \"{format}\" (formats: table, json, csv, latex, markdown)");
        if (command == "protocol" && format is not ("text" or "json"))
            throw new CliException($"--format: unknown format \"{format}\" for protocol (formats: text, json)");
        double? timeout = values.TryGetValue("--timeout", out var s) ? ParseTimeout(s) : null;
        int? digitBudget = values.TryGetValue("--digit-budget", out var d) ? ParseDigitBudget(d) : null;
        if (command == "plot" && !values.ContainsKey("--out")) throw new CliException("--out: plot needs an output directory, --out DIR");
        var outDir = values.GetValueOrDefault("--out");
        if (outDir is { Length: 0 }) throw new CliException("--out: expected a directory, got an empty string");

        return new CommandLine(command, game, rounds,
            values.TryGetValue("--prior-sally", out var ps) ? ParsePrior("--prior-sally", ps) : null,
            values.TryGetValue("--prior-bob", out var pb) ? ParsePrior("--prior-bob", pb) : null,
            format, timeout, outDir, digitBudget, values.ContainsKey("--verify"))
        {
            Grid = grid,
            Given = values.Keys.ToArray(),
            Seed = values.TryGetValue("--seed", out var seed) ? ParseSeed(seed) : DefaultSweepSeed,
            Count = values.TryGetValue("--count", out var count) ? ParseCount(count) : DefaultSweepCount,
            Shard = values.TryGetValue("--shard", out var shard) ? ParseShard(shard) : (0, 1),
        };
    }

    /// <summary>The largest grid denominator accepted (a finer grid is far beyond what a run can afford).</summary>
    public const int MaxGridDenominator = MultiTypeSolver.MaxDefaultDenominator;

    /// <summary>"N" (both simplices) or "S,B" (Sally's simplex, Bob's); sweep takes N only, at least 3 (full-support priors over 3 values).</summary>
    private static GridSpec ParseGrid(string text, string command)
    {
        var parts = text.Split(',');
        int Denominator(string part)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxGridDenominator)
                throw new CliException(command == "sweep"
                    ? $"--grid: expected a whole number N from 3 to {MaxGridDenominator} (the grid of step 1/N), got \"{text}\""
                    : $"--grid: expected a whole number N from 1 to {MaxGridDenominator} (the grid of step 1/N), or S,B for Sally's and Bob's simplices, got \"{text}\"");
            return n;
        }
        if (command == "sweep")
        {
            var n = parts.Length == 1 ? Denominator(parts[0]) : Denominator(text);
            if (n < 3) throw new CliException($"--grid: expected a whole number N from 3 to {MaxGridDenominator} (the grid of step 1/N), got \"{text}\"");
            return new GridSpec(n);
        }
        return parts.Length switch
        {
            1 => new GridSpec(Denominator(parts[0])),
            2 => new GridSpec(Denominator(parts[0]), Denominator(parts[1])),
            _ => new GridSpec(Denominator(text)),
        };
    }

    private static int ParseSeed(string text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            throw new CliException($"--seed: expected a whole number, got \"{text}\"");
        return seed;
    }

    private static int ParseCount(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new CliException($"--count: expected a positive whole number of instances, got \"{text}\"");
        return count;
    }

    private static (int, int) ParseShard(string text)
    {
        try
        {
            return SweepOptions.ParseShard(text);
        }
        catch (FormatException e)
        {
            throw new CliException("--shard: " + e.Message);
        }
    }

    private static int ParseDigitBudget(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) || digits < 1)
            throw new CliException($"--digit-budget: expected a positive whole number of decimal digits, got \"{text}\"");
        return digits;
    }

    private static int ParseRounds(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds))
            throw new CliException($"--rounds: expected a whole number of rounds (0 or more), got \"{text}\"");
        return rounds;
    }

    /// <summary>
    /// The longest --timeout accepted: 30 days. A longer one is refused rather than clamped (a
    /// CancellationTokenSource cannot wait longer than about 49.7 days, and TimeSpan overflows
    /// far beyond that); without --timeout there is no limit at all.
    /// </summary>
    public const int MaxTimeoutSeconds = 30 * 24 * 60 * 60;

    private static double ParseTimeout(string text)
    {
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
            throw new CliException($"--timeout: expected a positive number of seconds, got \"{text}\"");
        if (seconds > MaxTimeoutSeconds)
            throw new CliException($"--timeout: at most {MaxTimeoutSeconds} seconds (30 days), got \"{text}\"; leave --timeout out for no limit");
        return seconds;
    }

    private static Rational[] ParsePrior(string option, string text)
    {
        var parts = text.Split(',');
        var prior = new Rational[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!Rational.TryParse(parts[i], out prior[i], out var error)) throw new CliException($"{option}[{i}]: {error}");
        }
        return prior;
    }
}
