using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games.Tests.Cli;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;
using Xunit.Abstractions;

namespace BilateralTrade.Dsl.Games.Tests.Fuzzing;

/// <summary>
/// Thousands of mutated game files through <see cref="GameFileLoader"/> in-process, and a sample through
/// the command line as a process. A file is either refused with one <see cref="GameFileException"/> line
/// <c>FILE: LOCATION: message</c> (never another exception), or loaded into a valid game whose every field
/// is what the JSON says (read again here, independently); rewrites that keep the game solve identically.
/// </summary>
public sealed class GameFileFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 6000;
    private const string Source = "fuzz.json";

    private static readonly Lazy<List<(int Seed, string Text, GameDefinition? Game, GameFileException? Error)>> Results = new(() =>
        Enumerable.Range(0, Cases).AsParallel().AsOrdered().Select(seed =>
        {
            var (_, text) = GameFileFuzzer.Case(seed);
            try { return (seed, text, (GameDefinition?)GameFileLoader.LoadFromText(text, Source), (GameFileException?)null); }
            catch (GameFileException e) { return (seed, text, null, e); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"seed {seed}: {e.GetType().Name}: {e.Message}\n{text[..Math.Min(text.Length, 2000)]}\n{e}"); }
        }).ToList());

    [Fact]
    public void Every_mutated_file_is_loaded_or_refused_with_one_located_line()
    {
        var results = Results.Value;
        int refused = 0;
        var locations = new HashSet<string>();
        foreach (var (seed, text, _, error) in results)
        {
            if (error is null) continue;
            refused++;
            var message = error.Message;
            Assert.True(!message.Contains('\n') && !message.Contains('\r'), $"seed {seed}: message has a line break: {message}");
            Assert.StartsWith(Source + ": ", message);
            Assert.False(string.IsNullOrWhiteSpace(error.Location), $"seed {seed}: no location: {message}");
            Assert.False(string.IsNullOrWhiteSpace(error.Problem), $"seed {seed}: no problem: {message}");
            Assert.Equal($"{Source}: {error.Location}: {error.Problem}", message);
            Assert.DoesNotContain("   at ", message);
            locations.Add(error.Location.Split('[', '.', ',')[0]);
        }
        output.WriteLine($"{results.Count} mutated files: {results.Count - refused} loaded, {refused} refused; {locations.Count} kinds of location");
        Assert.InRange(refused, results.Count / 2, results.Count - 100);
        Assert.True(locations.Count >= 10, string.Join(", ", locations));
    }

    [Fact]
    public void Every_loaded_file_is_a_valid_game_that_says_exactly_what_the_json_says()
    {
        foreach (var (seed, text, game, _) in Results.Value)
        {
            if (game is null) continue;
            Assert.Empty(game.Validate());
            var problem = Independently.Compare(JsonNode.Parse(text.TrimStart('\ufeff'))!, game);
            Assert.True(problem is null, $"seed {seed}: {problem}\n{text}");
        }
    }

    [Fact]
    public void Rewrites_that_keep_the_game_give_the_same_answer()
    {
        var rng = new Random(4242);
        int checkedCount = 0;
        for (int b = 0; b < GameFileFuzzer.BaseTexts.Count; b++)
        {
            var original = GameFileLoader.LoadFromText(GameFileFuzzer.BaseTexts[b], "base.json");
            bool solvable = original.SallyTypes.Length <= 2 && original.BobTypes.Length <= 2;
            var expected = solvable ? ExactSolver.Solve(original, 3).ValuesAtPrior() : null;
            for (int k = 0; k < 60; k++)
            {
                var text = GameFileFuzzer.Equivalent(rng, GameFileFuzzer.BaseTexts[b]);
                var game = GameFileLoader.LoadFromText(text, "rewritten.json");
                Assert.True(Independently.Same(original, game), $"rewrite changed the game:\n{text}");
                if (expected is not null && k % 6 == 0)
                    Assert.Equal(expected, ExactSolver.Solve(game, 3).ValuesAtPrior());
                checkedCount++;
            }
        }
        output.WriteLine($"{checkedCount} rewrites load to the same game");
    }

    [Fact]
    public void A_sample_through_the_command_line_gives_status_2_and_the_same_one_line_or_the_in_process_answer()
    {
        var dir = Directory.CreateTempSubdirectory("bt-fuzz");
        try
        {
            var results = Results.Value;
            var sample = results.Where(r => r.Error is not null).Take(40)
                .Concat(results.Where(r => r.Game is not null).Take(10)).ToList();
            var failures = new ConcurrentBag<string>();
            Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = 4 }, r =>
            {
                var name = $"case-{r.Seed}.json";
                File.WriteAllText(Path.Combine(dir.FullName, name), r.Text);
                var run = CliRunner.RunIn(dir.FullName, "solve", name, "--rounds", "2", "--format", "json");
                string? problem = null;
                if (run.Stderr.Contains("   at ", StringComparison.Ordinal) || run.Stderr.Contains("Exception", StringComparison.Ordinal))
                    problem = "a stack trace or exception name on stderr";
                else if (r.Error is { } error)
                {
                    var expectedLine = name + error.Message[Source.Length..];
                    if (run.ExitCode != 2 || run.Stdout != "" || run.StderrLines.Length != 1 || run.StderrLines[0] != expectedLine)
                        problem = $"expected status 2, nothing on stdout and \"{expectedLine}\"";
                }
                else if (r.Game!.SallyTypes.Length > 2 || r.Game.BobTypes.Length > 2)
                {
                    // Beyond the exact square solver: refused in one line, or answered by another solver.
                    bool refused = run.ExitCode == 2 && run.Stdout == "" && run.StderrLines.Length == 1;
                    if (!refused && run.ExitCode != 0) problem = "a valid game with three types must be answered (status 0) or refused in one line (status 2)";
                }
                else
                {
                    var expected = ExactSolver.Solve(r.Game, 2).ValuesAtPrior();
                    var rounds = run.ExitCode == 0 ? JsonDocument.Parse(run.Stdout).RootElement.GetProperty("rounds").EnumerateArray().ToList() : [];
                    bool same = rounds.Count == expected.Count && rounds.Zip(expected).All(x =>
                        x.First.GetProperty("sally").GetString() == x.Second.Sally.ToString()
                        && x.First.GetProperty("bob").GetString() == x.Second.Bob.ToString());
                    if (run.ExitCode != 0 || run.Stderr != "" || !same) problem = "a valid file must solve to the in-process answer";
                }
                if (problem is not null)
                    failures.Add($"seed {r.Seed}: {problem}; got status {run.ExitCode}, stdout \"{run.Stdout[..Math.Min(200, run.Stdout.Length)]}\", stderr \"{run.Stderr}\"");
            });
            output.WriteLine($"{sample.Count} files through the command line");
            Assert.True(failures.IsEmpty, string.Join("\n", failures));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The file read again without the loader, to check what the loader made of it.</summary>
    private static class Independently
    {
        private static Rational Number(JsonNode? n) => n!.GetValueKind() == JsonValueKind.Number
            ? Rational.Parse(n.ToJsonString())
            : Rational.Parse(n.GetValue<string>());

        private static Rational[] Numbers(JsonNode? n) => n!.AsArray().Select(Number).ToArray();

        private static string[] Strings(JsonNode? n) => n!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

        public static string? Compare(JsonNode root, GameDefinition game)
        {
            var o = root.AsObject();
            if (game.Name != o["name"]!.GetValue<string>()) return "name";
            if (game.Title != (o.TryGetPropertyValue("title", out var t) ? t!.GetValue<string>() : null)) return "title";
            if (!game.SallyPrior.SequenceEqual(Numbers(o["sally"]!["prior"]))) return "sally.prior";
            if (!game.BobPrior.SequenceEqual(Numbers(o["bob"]!["prior"]))) return "bob.prior";
            GameDefinition expected;
            if (o.TryGetPropertyValue("bilateralTrade", out var trade))
            {
                expected = GameDefinition.CreateBilateralTrade(game.Name, game.Title, Numbers(trade!["costs"]), Numbers(trade["values"]), game.SallyPrior, game.BobPrior);
            }
            else
            {
                var actions = Strings(o["actions"]);
                var sallyTypes = Strings(o["sally"]!["types"]);
                var bobTypes = Strings(o["bob"]!["types"]);
                Rational[][] Table(string action, string player) => o["payoffs"]![action]![player]!.AsArray().Select(Numbers).ToArray();
                expected = new GameDefinition(game.Name, game.Title, sallyTypes, bobTypes, actions,
                    actions.Select(a => Table(a, "sally")).ToArray(), actions.Select(a => Table(a, "bob")).ToArray(),
                    game.SallyPrior.ToArray(), game.BobPrior.ToArray());
            }
            return Same(expected, game) ? null : "types, actions or payoffs";
        }

        public static bool Same(GameDefinition a, GameDefinition b)
        {
            if (a.Name != b.Name || a.Title != b.Title || !a.SallyTypes.SequenceEqual(b.SallyTypes) || !a.BobTypes.SequenceEqual(b.BobTypes)
                || !a.Actions.SequenceEqual(b.Actions) || !a.SallyPrior.SequenceEqual(b.SallyPrior) || !a.BobPrior.SequenceEqual(b.BobPrior))
                return false;
            for (int action = 0; action < a.Actions.Length; action++)
                for (int i = 0; i < a.SallyTypes.Length; i++)
                    for (int j = 0; j < a.BobTypes.Length; j++)
                        if (a.Utility(Player.Sally, action, i, j) != b.Utility(Player.Sally, action, i, j)
                            || a.Utility(Player.Bob, action, i, j) != b.Utility(Player.Bob, action, i, j))
                            return false;
            return true;
        }
    }
}
