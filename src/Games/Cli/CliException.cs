namespace BilateralTrade.Dsl.Games.Cli;

/// <summary>
/// Bad input on the command line: the message is the one line printed on stderr (exit status 2).
/// <see cref="ShowUsage"/> is set for an unknown command or option, which also prints the usage.
/// </summary>
internal sealed class CliException(string message, bool showUsage = false) : Exception(message)
{
    public bool ShowUsage { get; } = showUsage;
}
