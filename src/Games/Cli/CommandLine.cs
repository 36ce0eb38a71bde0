using System.Globalization;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;

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

    public const string Usage =
        """
        usage: dotnet run --project src/Games -- COMMAND [GAME] [options]

        commands:
          solve GAME      payoffs after t = 0..T rounds at the prior
                          [--rounds T] [--prior-sally a,b] [--prior-bob a,b]
                          [--format table|json|csv|latex|markdown] [--timeout S] [--digit-budget D] [--verify]
          protocol GAME   the optimal protocol tree from the prior
                          [--rounds T] [--prior-sally a,b] [--prior-bob a,b] [--format text|json]
                          [--timeout S] [--digit-budget D] [--verify]
          describe GAME   types, priors, actions, payoff tables and base-game thresholds
          plot GAME       SVG diagrams: --out DIR [--rounds T] [--prior-sally a,b] [--prior-bob a,b]
                          [--timeout S] [--digit-budget D] [--verify]
          list            the built-in games
          help            this text

        GAME is a built-in game name (see list) or the path of a JSON game file.
        Numbers are exact: 1/3, -2, 0.25. Default rounds: 6.
        --timeout S / --digit-budget D stop the solve after S seconds / once a round's numbers have
        more than D digits, printing the rounds finished. --verify re-checks every splitting by
        brute force and exits 1 on a violation.
        """;

    /// <summary>Options that take no value.</summary>
    private static readonly string[] Flags = ["--verify"];

    private static readonly Dictionary<string, string[]> OptionsOf = new(StringComparer.Ordinal)
    {
        ["solve"] = ["--rounds", "--prior-sally", "--prior-bob", "--format", "--timeout", "--digit-budget", "--verify"],
        ["protocol"] = ["--rounds", "--prior-sally", "--prior-bob", "--format", "--timeout", "--digit-budget", "--verify"],
        ["plot"] = ["--rounds", "--prior-sally", "--prior-bob", "--out", "--timeout", "--digit-budget", "--verify"],
        ["describe"] = ["--prior-sally", "--prior-bob"],
        ["list"] = [],
        ["help"] = [],
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new CliException("missing COMMAND", showUsage: true);
        var command = args[0] switch { "--help" or "-h" => "help", var c => c };
        if (!OptionsOf.TryGetValue(command, out var allowed))
            throw new CliException($"{command}: unknown command (commands: solve, protocol, describe, plot, list, help)", showUsage: true);

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
            else if (command is "list" or "help" || game is not null)
            {
                throw new CliException($"{arg}: unexpected argument for {command}", showUsage: true);
            }
            else
            {
                game = arg;
            }
        }
        if (game is null && command is not ("list" or "help"))
            throw new CliException($"{command}: missing GAME (a built-in game name or the path of a game file)", showUsage: true);

        int rounds = values.TryGetValue("--rounds", out var r) ? ParseRounds(r) : DefaultRounds;
        var format = values.GetValueOrDefault("--format") ?? (command == "protocol" ? "text" : "table");
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
            format, timeout, outDir, digitBudget, values.ContainsKey("--verify"));
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

    private static double ParseTimeout(string text)
    {
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || double.IsInfinity(seconds))
            throw new CliException($"--timeout: expected a positive number of seconds, got \"{text}\"");
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
