using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BilateralTrade.Dsl.Games.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of game files: structural (fields removed, added, renamed or retyped; arrays
/// grown or shrunk; numbers replaced by garbage, huge or inexact ones; odd names) and textual
/// (truncation, stray characters, comments, trailing commas, duplicate keys, BOM, deep nesting).
/// Also semantics-preserving rewrites (field order, spacing, equivalent number spellings).
/// </summary>
internal static class GameFileFuzzer
{
    public static readonly string[] BaseNames = ["spy", "trade-3.1", "trade-3.2", "trade-3.4"];

    private static readonly Lazy<string[]> Bases = new(() =>
        BaseNames.Select(n => File.ReadAllText(Path.Combine(Cli.CliRunner.RepositoryRoot, "games", n + ".json")))
            .Concat(Enumerable.Range(0, 4).Select(RandomGame)).ToArray());

    public static IReadOnlyList<string> BaseTexts => Bases.Value;

    private static readonly string[] Garbage =
    [
        "", " ", "abc", "1/0", "0/0", "1//2", "1e5", "NaN", "Infinity", "½", "１", "٣", "--1", "1/-2", "1.2.3", ".5", "3.", "+1",
        "99999999999999999999999999999999999999999999/7", new string('9', 500), "0." + new string('0', 200) + "1", "-0", "2/4", " 1/2 ",
    ];

    private static readonly string[] OddNames = ["", " ", "日本", "😀", "\"q\"", "a\nb", "\u0000", "\ud800", new string('n', 2000), "price 3", "C", "E", "east"];

    /// <summary>A random valid full-format game with two types each, written with mixed number spellings.</summary>
    private static string RandomGame(int seed)
    {
        var rng = new Random(1000 + seed);
        string N() => rng.Next(6) switch
        {
            0 => "\"" + rng.Next(-3, 4) + "/" + rng.Next(1, 4) + "\"",
            1 => rng.Next(-5, 6).ToString(CultureInfo.InvariantCulture),
            2 => "\"0.25\"",
            _ => "\"" + rng.Next(-4, 5) + "\"",
        };
        string Row() => "[" + N() + ", " + N() + "]";
        string Table() => "[" + Row() + ", " + Row() + "]";
        var actions = Enumerable.Range(0, rng.Next(1, 4)).Select(i => "a" + i).ToArray();
        int ws = rng.Next(0, 4), wb = rng.Next(0, 4);
        string Prior(int w) => w == 0 ? "[\"1\", \"0\"]" : $"[\"{4 - w}/4\", \"{w}/4\"]";
        return "{\"name\": \"random-" + seed + "\", \"sally\": {\"types\": [\"s0\", \"s1\"], \"prior\": " + Prior(ws) + "}, "
            + "\"bob\": {\"types\": [\"b0\", \"b1\"], \"prior\": " + Prior(wb) + "}, \"actions\": [" + string.Join(", ", actions.Select(a => "\"" + a + "\"")) + "], "
            + "\"payoffs\": {" + string.Join(", ", actions.Select(a => "\"" + a + "\": {\"sally\": " + Table() + ", \"bob\": " + Table() + "}")) + "}}";
    }

    public static (int Base, string Text) Case(int seed)
    {
        var rng = new Random(seed);
        int b = rng.Next(BaseTexts.Count);
        var text = BaseTexts[b];
        int mutations = 1 + (rng.Next(4) == 0 ? rng.Next(1, 3) : 0);
        for (int i = 0; i < mutations; i++) text = rng.Next(4) == 0 ? MutateText(rng, text) : MutateStructure(rng, text);
        return (b, text);
    }

    private static string Pick(Random rng, IReadOnlyList<string> items) => items[rng.Next(items.Count)];

    // ---- structure ----

    private static List<JsonNode> Nodes(JsonNode root)
    {
        var all = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            all.Add(n);
            if (n is JsonObject o) foreach (var p in o) Walk(p.Value);
            if (n is JsonArray a) foreach (var e in a) Walk(e);
        }
        Walk(root);
        return all;
    }

    private static JsonNode? RandomValue(Random rng) => rng.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(true),
        2 => JsonNode.Parse("1.5"),
        3 => JsonNode.Parse("1e400"),
        4 => JsonNode.Parse("-0"),
        5 => JsonNode.Parse("123456789012345678901234567890"),
        6 => new JsonArray(),
        7 => new JsonObject(),
        8 => JsonValue.Create(Pick(rng, OddNames)),
        9 => JsonNode.Parse(new string('[', 20) + new string(']', 20)),
        10 => JsonValue.Create(rng.Next(-3, 4)),
        _ => JsonValue.Create(Pick(rng, Garbage)),
    };

    private static string MutateStructure(Random rng, string text)
    {
        JsonNode? root;
        List<JsonNode> nodes;
        try { root = JsonNode.Parse(text); nodes = root is null ? [] : Nodes(root); } // duplicate keys throw while walking
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException) { return MutateText(rng, text); }
        if (root is null) return text;
        var objects = nodes.OfType<JsonObject>().ToList();
        var arrays = nodes.OfType<JsonArray>().ToList();
        var leaves = nodes.Where(n => n is JsonValue).ToList();
        if (objects.Count == 0 || arrays.Count == 0) return MutateText(rng, text);
        switch (rng.Next(11))
        {
            case 0: // remove a field
            {
                var o = objects[rng.Next(objects.Count)];
                if (o.Count > 0) o.Remove(o.ElementAt(rng.Next(o.Count)).Key);
                break;
            }
            case 1: // an unknown field, or a known one in the wrong place
            {
                var o = objects[rng.Next(objects.Count)];
                var name = Pick(rng, ["extra", "Name", "payofs", "types", "prior", "title", "bilateralTrade", "costs", "sally", "C"]);
                if (!o.ContainsKey(name)) o[name] = RandomValue(rng);
                break;
            }
            case 2: // rename a field
            {
                var o = objects[rng.Next(objects.Count)];
                if (o.Count == 0) break;
                var (key, value) = o.ElementAt(rng.Next(o.Count));
                o.Remove(key);
                var renamed = Pick(rng, [key.ToUpperInvariant(), key + "s", key.TrimEnd('s'), " " + key, key + "\u200b"]);
                if (!o.ContainsKey(renamed)) o[renamed] = value;
                break;
            }
            case 3: // retype a value
            {
                if (leaves.Count == 0 && arrays.Count == 0) break;
                var target = rng.Next(2) == 0 && leaves.Count > 0 ? leaves[rng.Next(leaves.Count)] : (JsonNode)arrays[rng.Next(arrays.Count)];
                Replace(target, RandomValue(rng));
                break;
            }
            case 4: // an array entry more (a copy or garbage)
            {
                var a = arrays[rng.Next(arrays.Count)];
                a.Insert(rng.Next(a.Count + 1), a.Count > 0 && rng.Next(2) == 0 ? a[rng.Next(a.Count)]?.DeepClone() : RandomValue(rng));
                break;
            }
            case 5: // an array entry less
            {
                var a = arrays[rng.Next(arrays.Count)];
                if (a.Count > 0) a.RemoveAt(rng.Next(a.Count));
                break;
            }
            case 6: // a garbage number or an odd name in a string
            {
                var strings = leaves.Where(l => l.GetValueKind() == JsonValueKind.String).ToList();
                if (strings.Count > 0) Replace(strings[rng.Next(strings.Count)], JsonValue.Create(rng.Next(2) == 0 ? Pick(rng, Garbage) : Pick(rng, OddNames)));
                break;
            }
            case 7: // a probability changed (may break the sum, or not)
            {
                var priors = nodes.OfType<JsonArray>().Where(a => a.GetPath().EndsWith(".prior", StringComparison.Ordinal)).ToList();
                if (priors.Count == 0) break;
                var p = priors[rng.Next(priors.Count)];
                if (p.Count > 0) p[rng.Next(p.Count)] = JsonValue.Create(Pick(rng, ["1", "0", "-1/2", "3/2", "1/3", "0.5", "2/4", "1/1"]));
                break;
            }
            case 8: // swap two entries of an array (reorders types, costs, rows...)
            {
                var a = arrays[rng.Next(arrays.Count)];
                if (a.Count < 2) break;
                int i = rng.Next(a.Count), j = rng.Next(a.Count);
                var x = a[i]!.DeepClone(); var y = a[j]!.DeepClone();
                a[i] = y; a[j] = x;
                break;
            }
            case 9: // a huge exact number
            {
                var strings = leaves.Where(l => l.GetValueKind() is JsonValueKind.String or JsonValueKind.Number && l.GetPath().Contains('[')).ToList();
                if (strings.Count > 0) Replace(strings[rng.Next(strings.Count)], JsonValue.Create((rng.Next(2) == 0 ? "-" : "") + new string('7', rng.Next(30, 300)) + "/" + new string('3', rng.Next(1, 200))));
                break;
            }
            default: // the whole game replaced by a different JSON value
                return Pick(rng, ["[]", "null", "\"spy\"", "42", "{}", "[{}]", "true"]);
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = rng.Next(2) == 0, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject o: o[target.GetPropertyName()] = value; break;
            case JsonArray a: a[target.GetElementIndex()] = value; break;
        }
    }

    // ---- text ----

    private static string MutateText(Random rng, string text)
    {
        int at = text.Length == 0 ? 0 : rng.Next(text.Length);
        switch (rng.Next(12))
        {
            case 0: return text[..at];
            case 1: return text.Insert(at, Pick(rng, ["{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "x", "\u00e9", "😀", "\ufeff", "\n", "1"]));
            case 2: return text.Length == 0 ? text : text.Remove(at, 1);
            case 3: return text.Replace("]", ",]");
            case 4: return "// comment\n" + text;
            case 5: return "\ufeff" + text;
            case 6: return Pick(rng, ["", " ", "\n\t ", "{", "}", "nul", "{\"name\": }"]);
            case 7: // a duplicate key
            {
                int brace = text.IndexOf('{', StringComparison.Ordinal);
                return brace < 0 ? text : text.Insert(brace + 1, "\"name\": \"dup\", ");
            }
            case 8: return text.Replace("\"", "'");
            case 9: return new string('[', 2000) + new string(']', 2000);
            case 10: return text + Pick(rng, ["}", " {}", "\n\n", "x"]);
            default: return text.Replace(":", " : ").Replace(",", " ,\n");
        }
    }

    // ---- rewrites that keep the game ----

    public static string Equivalent(Random rng, string text)
    {
        var root = JsonNode.Parse(text)!;
        foreach (var node in Nodes(root).ToList())
        {
            if (node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number && node.GetPath().Contains('[')
                && !node.GetPath().Contains("types", StringComparison.Ordinal) && !node.GetPath().StartsWith("$.actions", StringComparison.Ordinal))
            {
                var value = v.GetValueKind() == JsonValueKind.Number ? Numerics.Rational.Parse(v.ToJsonString()) : Numerics.Rational.Parse(v.GetValue<string>());
                Replace(node, Spell(rng, value));
            }
        }
        if (root is JsonObject o && rng.Next(2) == 0)
        {
            var fields = o.ToList();
            o.Clear();
            foreach (var (k, val) in fields.OrderBy(_ => rng.Next())) o[k] = val;
        }
        var json = root.ToJsonString(new JsonSerializerOptions { WriteIndented = rng.Next(2) == 0 });
        return json;
    }

    /// <summary>The same exact number in another spelling: n/d unreduced, a finite decimal, a JSON integer, padded.</summary>
    private static JsonNode Spell(Random rng, Numerics.Rational value)
    {
        var n = value.Numerator; var d = value.Denominator;
        switch (rng.Next(5))
        {
            case 0:
                int k = rng.Next(2, 7);
                return JsonValue.Create($"{n * k}/{d * k}");
            case 1 when d.IsOne:
                return JsonNode.Parse(n.ToString(CultureInfo.InvariantCulture))!;
            case 2 when (d == 2 || d == 4 || d == 5 || d == 8 || d == 10 || d.IsOne):
                var scaled = n * 1000 / d;
                var s = (scaled.Sign < 0 ? "-" : "") + System.Numerics.BigInteger.Abs(scaled / 1000).ToString(CultureInfo.InvariantCulture) + "." + System.Numerics.BigInteger.Abs(scaled % 1000).ToString("000", CultureInfo.InvariantCulture);
                return JsonValue.Create(s);
            case 3:
                return JsonValue.Create(" " + value + " ");
            default:
                return JsonValue.Create(value.ToString());
        }
    }
}
