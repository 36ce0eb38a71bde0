using System.Diagnostics;

namespace BilateralTrade.Dsl.Games.Tests.Cli;

/// <summary>Runs the built command line (dotnet BilateralTrade.Dsl.Games.dll) as a separate process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The Games assembly copied beside the test assembly by the project reference, with its
    /// runtimeconfig; else the Games project's own output for the same configuration.
    /// </summary>
    public static string AssemblyPath { get; } = FindAssembly();

    /// <summary>The repository's root (holding BilateralTrade.Dsl.sln), found from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BilateralTrade.Dsl.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("BilateralTrade.Dsl.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string FindAssembly()
    {
        const string name = "BilateralTrade.Dsl.Games";
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, name + ".dll")) && File.Exists(Path.Combine(here, name + ".runtimeconfig.json")))
            return Path.Combine(here, name + ".dll");
        var tfm = new DirectoryInfo(here).Name is { Length: > 0 } t ? t : new DirectoryInfo(Path.GetDirectoryName(here)!).Name;
        var config = Directory.GetParent(here.TrimEnd(Path.DirectorySeparatorChar))!.Parent!.Name;
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BilateralTrade.Dsl.sln"))) dir = dir.Parent;
        var candidate = Path.Combine(dir?.FullName ?? ".", "src", "Games", "bin", config, tfm, name + ".dll");
        if (File.Exists(candidate)) return candidate;
        throw new FileNotFoundException($"The command line was not built: neither {here} nor {candidate} holds {name}.dll");
    }

    public static Result Run(params string[] args) => RunIn(null, args);

    public static Result RunIn(string? workingDirectory, params string[] args) => RunWith(workingDirectory, null, args);

    /// <summary>Runs the command; <paramref name="whileRunning"/> gets the process id once it has started.</summary>
    public static Result RunWith(string? workingDirectory, Action<int>? whileRunning, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        whileRunning?.Invoke(process.Id);
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The command line did not finish in 120 s: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
