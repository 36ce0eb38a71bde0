using System.Runtime.CompilerServices;
using System.Text;

namespace BilateralTrade.Dsl.Games.Tests;

/// <summary>
/// Received/verified snapshots under tests/Games.Tests/Snapshots (*.verified.txt). A mismatch writes
/// NAME.received.txt beside it and fails; set UPDATE_SNAPSHOTS=1 to accept the received text.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        Assert.DoesNotContain("\r", actual);
        var directory = Path.Combine(ProjectDirectory(callerPath), "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.txt");
        var received = Path.Combine(directory, name + ".received.txt");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            return;
        }
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; review {received} and rename it (or run with UPDATE_SNAPSHOTS=1)."
            : $"Snapshot {name} differs: compare {received} with {verified}; first difference at character {FirstDifference(expected, actual)}.");
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return n;
    }

    /// <summary>The folder holding Games.Tests.csproj, found from a test source file.</summary>
    private static string ProjectDirectory(string callerPath)
    {
        var dir = Path.GetDirectoryName(callerPath);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Games.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Games.Tests.csproj not found above " + callerPath);
    }
}
