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
catch (Exception e)
{
    // CliApp.Run handles everything itself; this is the last resort: one line, never a stack trace.
    stderr.Write(CliApp.InternalErrorLine("error", e) + "\n");
    status = CliApp.InternalError;
}
try
{
    stdout.Flush();
}
catch (IOException e)
{
    // stdout was closed (e.g. piped into head): say so in one line rather than crash.
    stderr.Write($"stdout: cannot write the output: {e.Message.ReplaceLineEndings(" ")}\n");
    if (status == CliApp.Ok) status = CliApp.CannotWriteOutput;
}
return status;
