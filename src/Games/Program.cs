using BilateralTrade.Dsl.Games.Cli;

// The command line (docs/cli.md). Ctrl-C cancels the solve; the rounds already computed are printed.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (interrupt.IsCancellationRequested) return; // a second Ctrl-C ends the process
    e.Cancel = true;
    interrupt.Cancel();
};
var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
int status;
try
{
    status = new CliApp(stdout, stderr, showProgress: !Console.IsErrorRedirected, interrupt.Token).Run(args);
}
finally
{
    stdout.Flush();
}
return status;
