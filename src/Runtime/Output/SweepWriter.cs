using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BilateralTrade.Dsl.Simplex.Sweep;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// <c>sweep</c>'s results (table, json, csv). Deterministic: the same seed, count, shard, budget and
/// grid give the same text, so timing (instances per second) is not part of it (the command prints it on stderr).
/// Every format says the values are grid values (the label) and which early rounds are exact.
/// </summary>
public static class SweepWriter
{
    /// <param name="gameFiles">Instance index → the game file written for it (with --out), else empty.</param>
    public static string Write(SweepResult result, string format, IReadOnlyDictionary<int, string> gameFiles)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gameFiles);
        return format switch
        {
            "table" => Table(result, gameFiles),
            "json" => Json(result, gameFiles),
            "csv" => Csv(result, gameFiles),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown sweep format."),
        };
    }

    /// <summary>How many instances the shard holds: k in 0..Count-1 with k mod n = i.</summary>
    public static int Assigned(SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enumerable.Range(0, options.Count).Count(k => k % options.ShardCount == options.ShardIndex);
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Header(SweepResult result)
    {
        var o = result.Options;
        var shard = o.ShardCount == 1 ? "" : $", shard {o.ShardIndex}/{o.ShardCount} (k mod {o.ShardCount} = {o.ShardIndex})";
        return $"sweep: seed {o.Seed}, instances k = 0..{o.Count - 1}{shard}: {Assigned(o)} instances of {o.Values} buyer values and "
            + $"{o.MinCosts}-{o.MaxCosts} seller costs, random priors on the grid; round budget {o.RoundBudget}";
    }

    /// <summary>"APPROXIMATION: ... (each instance is solved in the grid model); exact (grid-free): ...".</summary>
    public static string LabelLine(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return "APPROXIMATION: " + result.Label.Replace("approximation: ", "", StringComparison.Ordinal)
            + " (complexity and efficiency are those of the grid model); exact (grid-free) early rounds: t <= 2 with two costs, t <= 1 with three";
    }

    private static string Finished(SweepResult result) =>
        result.Cancelled
            ? $"stopped early: {result.Instances.Count} of {Assigned(result.Options)} instances finished; the results below cover those"
            : $"finished: {result.Instances.Count} of {Assigned(result.Options)} instances";

    private static string Complexity(SweepInstance i) => i.Complexity.Rounds is { } c ? I(c) : "undetermined";

    private static string Prior(IEnumerable<Numerics.Rational> d) => "(" + string.Join(", ", d) + ")";

    private static string Table(SweepResult result, IReadOnlyDictionary<int, string> gameFiles)
    {
        var o = result.Options;
        var text = new StringBuilder();
        text.Append(Header(result)).Append('\n');
        text.Append(LabelLine(result)).Append('\n');
        text.Append(Finished(result)).Append('\n').Append('\n');

        text.Append("message complexity at the prior (grid-based):\n");
        var rows = new List<List<string>> { new() { "  C", "instances" } };
        foreach (var (c, n) in result.ComplexityDistribution) rows.Add(["  " + c, I(n)]);
        TableWriter.AppendAligned(text, rows, rightAlignFirst: false);
        text.Append('\n');

        var notEfficient = result.NotEfficient;
        text.Append($"not efficient within {o.RoundBudget} rounds on the grid: {notEfficient.Count} of {result.Instances.Count}; "
            + $"open (not proven efficient by the exact early rounds either): {result.Open.Count}\n");
        if (notEfficient.Count > 0)
        {
            var list = new List<List<string>> { new() { "k", "costs", "cost prior", "values", "value prior", "W*", $"grid W^{o.RoundBudget}", "grid C", "exact", "status" } };
            foreach (var i in notEfficient)
            {
                var terms = i.Game.BilateralTrade!;
                var last = i.Rounds[^1];
                list.Add([
                    I(i.Index), string.Join(" ", terms.Costs), Prior(i.Game.SallyPrior), string.Join(" ", terms.Values), Prior(i.Game.BobPrior),
                    i.FirstBest.ToString(), last.Welfare.ToString(), Complexity(i),
                    i.ExactEfficientRound is { } e ? $"W* at t = {I(e)}" : $"W^{I(i.ExactRounds.Count - 1)} = {i.ExactRounds[^1].Welfare}",
                    i.ExactEfficientRound is null ? "open" : "grid artifact",
                ]);
            }
            TableWriter.AppendAligned(text, list, rightAlignFirst: true);
        }
        if (gameFiles.Count > 0)
        {
            text.Append('\n').Append("game files (re-run with: solve FILE --grid N):\n");
            foreach (var (_, path) in gameFiles.OrderBy(f => f.Key)) text.Append("  ").Append(path).Append('\n');
        }
        return text.ToString();
    }

    private static string Json(SweepResult result, IReadOnlyDictionary<int, string> gameFiles)
    {
        var o = result.Options;
        var root = new JsonObject
        {
            ["seed"] = o.Seed,
            ["count"] = o.Count,
            ["shard"] = $"{o.ShardIndex}/{o.ShardCount}",
            ["roundBudget"] = o.RoundBudget,
            ["grid"] = o.GridDenominator,
            ["approximation"] = true,
            ["label"] = result.Label,
            ["labelLine"] = LabelLine(result),
            ["cancelled"] = result.Cancelled,
            ["assigned"] = Assigned(o),
            ["finished"] = result.Instances.Count,
            ["complexityDistribution"] = new JsonObject(result.ComplexityDistribution.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["notEfficient"] = new JsonArray(result.NotEfficient.Select(i => (JsonNode)JsonValue.Create(i.Index)!).ToArray()),
            ["open"] = new JsonArray(result.Open.Select(i => (JsonNode)JsonValue.Create(i.Index)!).ToArray()),
        };
        var instances = new JsonArray();
        foreach (var i in result.Instances)
        {
            var terms = i.Game.BilateralTrade!;
            var node = new JsonObject
            {
                ["k"] = i.Index,
                ["game"] = i.Game.Name,
                ["costs"] = Strings(terms.Costs),
                ["values"] = Strings(terms.Values),
                ["priorSally"] = Strings(i.Game.SallyPrior),
                ["priorBob"] = Strings(i.Game.BobPrior),
                ["firstBest"] = i.FirstBest.ToString(),
                ["rounds"] = new JsonArray(i.Rounds.Select(r => (JsonNode)new JsonObject
                {
                    ["t"] = r.Round, ["sally"] = r.Sally.ToString(), ["bob"] = r.Bob.ToString(), ["welfare"] = r.Welfare.ToString(),
                }).ToArray()),
                ["messageComplexity"] = new JsonObject
                {
                    ["rounds"] = i.Complexity.Rounds is { } c ? JsonValue.Create(c) : null,
                    ["gridBased"] = true,
                    ["reason"] = i.Complexity.Reason,
                },
                ["firstEfficientRound"] = i.FirstEfficientRound is { } f ? JsonValue.Create(f) : null,
                ["exactRounds"] = new JsonArray(i.ExactRounds.Select(r => (JsonNode)new JsonObject
                {
                    ["t"] = r.Round, ["sally"] = r.Sally.ToString(), ["bob"] = r.Bob.ToString(), ["welfare"] = r.Welfare.ToString(),
                }).ToArray()),
                ["exactEfficientRound"] = i.ExactEfficientRound is { } e ? JsonValue.Create(e) : null,
                ["efficient"] = i.Efficient,
                ["open"] = !i.Efficient && i.ExactEfficientRound is null,
            };
            if (gameFiles.TryGetValue(i.Index, out var path)) node["gameFile"] = path;
            instances.Add(node);
        }
        root["instances"] = instances;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonWriter.Options)) root.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static JsonArray Strings(IEnumerable<Numerics.Rational> numbers) =>
        new(numbers.Select(x => (JsonNode)JsonValue.Create(x.ToString())!).ToArray());

    /// <summary>One row per finished instance; seed and k are columns so shards' files concatenate (drop the repeated headers).</summary>
    private static string Csv(SweepResult result, IReadOnlyDictionary<int, string> gameFiles)
    {
        var o = result.Options;
        var text = new StringBuilder();
        FormatText.AppendCsvRow(text, ["seed", "k", "approximation", "grid", "round_budget", "costs", "values", "prior_sally", "prior_bob",
            "first_best", "grid_welfare", "grid_complexity", "first_efficient_round", "exact_last_round", "exact_welfare", "exact_efficient_round", "efficient", "open", "game_file"]);
        foreach (var i in result.Instances)
        {
            var terms = i.Game.BilateralTrade!;
            FormatText.AppendCsvRow(text, [
                I(o.Seed), I(i.Index), result.Label, "1/" + I(o.GridDenominator), I(o.RoundBudget),
                string.Join(";", terms.Costs), string.Join(";", terms.Values), string.Join(";", i.Game.SallyPrior), string.Join(";", i.Game.BobPrior),
                i.FirstBest.ToString(), i.Rounds[^1].Welfare.ToString(), i.Complexity.Rounds is { } c ? I(c) : "",
                i.FirstEfficientRound is { } f ? I(f) : "", I(i.ExactRounds.Count - 1), i.ExactRounds[^1].Welfare.ToString(),
                i.ExactEfficientRound is { } e ? I(e) : "",
                i.Efficient ? "true" : "false", !i.Efficient && i.ExactEfficientRound is null ? "true" : "false",
                gameFiles.TryGetValue(i.Index, out var path) ? path : "",
            ]);
        }
        return text.ToString();
    }
}
