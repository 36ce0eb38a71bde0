namespace BilateralTrade.Dsl.Generator.Tests;

/// <summary>
/// A small received/verified snapshot check: the text must equal Snapshots/NAME.verified.txt; on a
/// mismatch (or a missing snapshot) it writes NAME.received.txt beside it and fails. To accept a
/// change, review the received file and rename it to .verified.txt.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string name, string actual)
    {
        var folder = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "Generator.Tests", "Snapshots");
        var verified = Path.Combine(folder, name + ".verified.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        actual = Normalize(actual);
        var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; wrote {received}: review it and rename it to .verified.txt."
            : $"Snapshot {name} differs; wrote {received}: compare with {verified}, and rename it if the change is intended.\n{FirstDifference(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y) return $"line {i + 1}:\n  verified: {x}\n  received: {y}";
        }
        return "";
    }
}
