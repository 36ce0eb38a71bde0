using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace BilateralTrade.Dsl.Generator.Tests.Fuzzing;

/// <summary>
/// Thousands of seeded, randomly mutated [Game] declarations through the generator (100 per
/// compilation, each in its own file and namespace). The generator never crashes (no AD0001 or
/// CS8785, no BTG024); a declaration that breaks a rule of docs/dsl.md (decided independently by
/// <see cref="DeclarationRules"/>) gets at least one error in its own file and no generated code;
/// a valid one gets its code, and the compilation has no error in its file or its generated file.
/// </summary>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    private const int Batches = 30, PerBatch = 100;

    public static IEnumerable<object[]> BatchNumbers() => Enumerable.Range(0, Batches).Select(b => new object[] { b });

    private static readonly Dictionary<string, int> Outcomes = new();

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void Mutated_declarations_are_diagnosed_or_compile(int batch)
    {
        var watch = Stopwatch.StartNew();
        var cases = new List<(int Seed, GameDeclaration Declaration, string? Problem, string Path, string Prefix)>();
        for (int k = 0; k < PerBatch; k++)
        {
            int seed = batch * PerBatch + k;
            var d = DeclarationFuzzer.Case(seed);
            if (!string.IsNullOrWhiteSpace(d.GameName)) d.GameName += "#" + seed; // unique in the compilation
            d.Namespace = $"C{seed}." + d.Namespace;
            cases.Add((seed, d, DeclarationRules.Problem(d), $"Case{seed}.cs", $"C{seed}."));
        }
        var compilation = GeneratorHarness.Compilation(cases.Select(c => (c.Path, c.Declaration.Render())).ToArray());
        var run = GeneratorHarness.RunGenerator(compilation);

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "AD0001" or "CS8785");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "BTG024");

        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatorErrors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var registry = run.Result.GeneratedSources.Single(s => s.HintName.StartsWith("BilateralTrade.Dsl.Generated.", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Location.SourceTree == registry.SyntaxTree);

        var failures = new List<string>();
        foreach (var (seed, declaration, problem, path, prefix) in cases)
        {
            var generated = run.GameSources.Where(s => s.HintName.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var inFile = generatorErrors.Where(d => d.Location.GetLineSpan().Path == path).ToList();
            var compilerInFile = errors.Where(d => d.Location.GetLineSpan().Path == path || generated.Any(g => g.SyntaxTree == d.Location.SourceTree)).ToList();
            string? failure = null;
            if (problem is not null)
            {
                // Malformed: an error of ours in its file (or the compiler's own CS0579 for an attribute that
                // cannot be repeated), and no generated code.
                bool diagnosed = inFile.Any(d => d.Id.StartsWith("BTG", StringComparison.Ordinal))
                    || compilerInFile.Any(d => d.Id == "CS0579");
                if (!diagnosed) failure = $"malformed ({problem}) but no BTG error";
                else if (generated.Count > 0) failure = $"malformed ({problem}) but code was generated";
                Count("malformed: " + (inFile.Count > 0 ? string.Join(",", inFile.Select(d => d.Id).Distinct().Order()) : "CS0579"));
            }
            else
            {
                if (inFile.Count > 0) failure = "valid but diagnosed: " + string.Join("; ", inFile.Select(d => d.Id + " " + d.GetMessage()));
                else if (generated.Count != 1) failure = "valid but no code was generated";
                else if (compilerInFile.Count > 0) failure = "valid but does not compile: " + string.Join("; ", compilerInFile.Take(3));
                Count("valid");
            }
            if (failure is not null)
                failures.Add($"seed {seed}: {failure}\n{declaration.Render()}");
        }
        output.WriteLine($"batch {batch}: {PerBatch} declarations in {watch.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, $"{failures.Count} of {PerBatch} failed; first:\n" + string.Join("\n", failures.Take(3)));
    }

    private static void Count(string outcome)
    {
        lock (Outcomes) Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
    }

    [Fact]
    public void The_fuzzer_makes_both_valid_and_malformed_declarations_of_every_kind()
    {
        var problems = Enumerable.Range(0, Batches * PerBatch).Select(s => DeclarationRules.Problem(DeclarationFuzzer.Case(s))).ToList();
        int valid = problems.Count(p => p is null);
        output.WriteLine($"{problems.Count} declarations: {valid} valid, {problems.Count - valid} malformed");
        foreach (var g in problems.Where(p => p is not null).GroupBy(p => p!.Split(' ', ':')[0]).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {g.Count(),5}  {g.Key}…");
        Assert.InRange(valid, problems.Count / 5, problems.Count * 4 / 5);
        Assert.True(problems.Select(p => p).Distinct().Count() > 25, "too few kinds of problem");
    }
}
