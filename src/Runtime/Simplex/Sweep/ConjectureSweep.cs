using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Simplex.Sweep;

/// <summary>What a sweep runs. Instance k (0 ≤ k &lt; Count) belongs to shard k mod ShardCount.</summary>
public sealed record SweepOptions
{
    public int Seed { get; init; } = 1;
    public int Count { get; init; } = 100;
    public int ShardIndex { get; init; }
    public int ShardCount { get; init; } = 1;

    /// <summary>Rounds computed per instance.</summary>
    public int RoundBudget { get; init; } = 6;

    /// <summary>N: both players' beliefs (and the random priors) live on the grid of step 1/N.</summary>
    public int GridDenominator { get; init; } = 6;

    /// <summary>Buyer values per instance.</summary>
    public int Values { get; init; } = 3;

    /// <summary>Seller costs per instance: drawn uniformly from [MinCosts, MaxCosts].</summary>
    public int MinCosts { get; init; } = 2;
    public int MaxCosts { get; init; } = 3;

    /// <summary>Solve instances on all cores (each instance itself runs sequentially).</summary>
    public bool Parallel { get; init; } = true;

    public IProgress<SweepProgress>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }

    /// <summary>Parses "i/n" (as in --shard 2/8).</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var i) || !int.TryParse(parts[1], out var n) || n < 1 || i < 0 || i >= n)
            throw new FormatException($"\"{text}\" is not a shard: expected i/n with 0 <= i < n, e.g. 0/4");
        return (i, n);
    }
}

public sealed record SweepProgress(int Done, int Of);

/// <summary>One solved instance (at its prior, in the grid model).</summary>
/// <param name="Complexity">The grid model's message complexity, when determined within the budget.</param>
/// <param name="FirstEfficientRound">The first round with W^t = W* on the grid, or null when none within the budget.</param>
/// <param name="ExactRounds">The EXACT (grid-free) values of the first rounds (<see cref="ExactEarlyRounds"/>): t ≤ 2 with two costs, t ≤ 1 otherwise.</param>
public sealed record SweepInstance(
    int Index,
    GameDefinition Game,
    IReadOnlyList<RoundValues> Rounds,
    Rational FirstBest,
    MessageComplexity Complexity,
    int? FirstEfficientRound,
    IReadOnlyList<RoundValues> ExactRounds)
{
    public bool Efficient => FirstEfficientRound is not null;

    /// <summary>The first round whose EXACT welfare is W*, among the exactly computed early rounds: a proof that C ≤ that round.</summary>
    public int? ExactEfficientRound => ExactRounds.FirstOrDefault(r => r.Welfare == FirstBest)?.Round;

    /// <summary>The game as a game file (GAME-FILES.md bilateral-trade shorthand), to re-run it.</summary>
    public string GameFileJson => ConjectureSweep.GameFile(Game);
}

/// <summary>The outcome of one shard of a sweep.</summary>
public sealed record SweepResult(
    SweepOptions Options,
    string Label,
    IReadOnlyList<SweepInstance> Instances,
    TimeSpan Elapsed,
    bool Cancelled)
{
    /// <summary>How many instances have each message complexity ("undetermined" when not within the budget).</summary>
    public IReadOnlyDictionary<string, int> ComplexityDistribution =>
        Instances.GroupBy(i => i.Complexity.Rounds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "undetermined")
            .OrderBy(g => g.Key == "undetermined" ? int.MaxValue : int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Every instance whose grid welfare did not reach W* within the round budget.</summary>
    public IReadOnlyList<SweepInstance> NotEfficient => Instances.Where(i => !i.Efficient).ToList();

    /// <summary>The grid-inefficient instances that are not proven efficient by the exact early rounds either: the open cases.</summary>
    public IReadOnlyList<SweepInstance> Open => Instances.Where(i => !i.Efficient && i.ExactEfficientRound is null).ToList();

    public double InstancesPerSecond => Elapsed.TotalSeconds > 0 ? Instances.Count / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The Efficient Communication Conjecture sweep: seeded random bilateral trades (by default 3
/// buyer values, 2–3 seller costs, priors on the grid) solved with the GRID solver up to a round
/// budget. Instance k depends only on (seed, k, options), so any shard split reproduces the
/// same instances; results are labelled as grid results.
/// </summary>
public static class ConjectureSweep
{
    public static SweepResult Run(SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ShardCount < 1 || options.ShardIndex < 0 || options.ShardIndex >= options.ShardCount)
            throw new ArgumentOutOfRangeException(nameof(options), $"shard {options.ShardIndex}/{options.ShardCount}: expected 0 <= i < n");
        if (options.Count < 0) throw new ArgumentOutOfRangeException(nameof(options), "the count cannot be negative");
        Validate(options);
        var mine = Enumerable.Range(0, options.Count).Where(k => k % options.ShardCount == options.ShardIndex).ToArray();
        var results = new ConcurrentDictionary<int, SweepInstance>();
        int done = 0;
        bool cancelled = false;
        var clock = Stopwatch.StartNew();
        var grid = new GridSpec(options.GridDenominator);
        try
        {
            System.Threading.Tasks.Parallel.ForEach(mine,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallel ? -1 : 1, CancellationToken = options.Cancellation },
                k =>
                {
                    results[k] = SolveInstance(k, Instance(options, k), grid, options.RoundBudget, options.Cancellation);
                    options.Progress?.Report(new SweepProgress(Interlocked.Increment(ref done), mine.Length));
                });
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        clock.Stop();
        return new SweepResult(options, grid.Label, results.Values.OrderBy(i => i.Index).ToList(), clock.Elapsed, cancelled);
    }

    /// <summary>
    /// Checks the instance shape and the grid before any work: <see cref="ArgumentOutOfRangeException"/> for
    /// impossible shapes, <see cref="GridInputException"/> when the random priors cannot live on the grid
    /// 1/<see cref="SweepOptions.GridDenominator"/> (it needs N ≥ the largest type count) or the grid is too large.
    /// </summary>
    public static void Validate(SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Values < 1 || options.Values > 20)
            throw new ArgumentOutOfRangeException(nameof(options), options.Values, "values: expected 1 to 20 buyer values (drawn from 1..20)");
        if (options.MinCosts < 1 || options.MaxCosts < options.MinCosts || options.MaxCosts > 20)
            throw new ArgumentOutOfRangeException(nameof(options), $"costs: expected 1 <= MinCosts <= MaxCosts <= 20, got {options.MinCosts}..{options.MaxCosts}");
        int n = options.GridDenominator, types = Math.Max(options.Values, options.MaxCosts);
        if (n < types)
            throw new GridInputException($"The sweep's full-support priors over {types} types need a grid of step 1/{types} or finer, got 1/{n}.", new GridSpec(Math.Max(types, 6)), nameof(options));
        long states = SimplexGrid.CountPoints(options.MaxCosts, n);
        long bob = SimplexGrid.CountPoints(options.Values, n);
        states = bob > long.MaxValue / Math.Max(1, states) ? long.MaxValue : states * bob;
        if (states > GridSolver.MaxStates)
            throw new GridInputException($"The sweep's grid of step 1/{n} has {states} states per instance (at most {GridSolver.MaxStates}); use a smaller N, e.g. 6.", new GridSpec(6), nameof(options));
    }

    /// <summary>Instance k of a sweep: a function of the seed, k and the shape options only.</summary>
    public static GameDefinition Instance(SweepOptions options, int k)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new SplitMix64(SplitMix64.Mix(options.Seed, k));
        int costs = random.Next(options.MinCosts, options.MaxCosts + 1);
        var values = Distinct(random, 1, 21, options.Values);
        var costList = Distinct(random, 0, 20, costs);
        int n = options.GridDenominator;
        return GameDefinition.CreateBilateralTrade($"sweep-{options.Seed}-{k}", null,
            costList.Select(c => (Rational)c).ToArray(), values.Select(v => (Rational)v).ToArray(),
            RandomPrior(random, costs, n), RandomPrior(random, options.Values, n));
    }

    private static SweepInstance SolveInstance(int k, GameDefinition game, GridSpec grid, int rounds, CancellationToken cancellation)
    {
        var solution = GridSolver.Solve(game, rounds, grid, new SolveOptions { Parallel = false });
        var best = solution.FirstBestAtPrior!.Value;
        return new SweepInstance(k, game, solution.ValuesAtPrior(), best, solution.ComplexityAtPrior(),
            solution.FirstRoundReachingFirstBest(solution.SallyPriorIndex, solution.BobPriorIndex), ExactEarlyRounds.AtPrior(game, 2, cancellation));
    }

    /// <summary>A full-support prior with entries in multiples of 1/n (needs n ≥ types).</summary>
    private static Rational[] RandomPrior(SplitMix64 random, int types, int n)
    {
        if (n < types) throw new ArgumentOutOfRangeException(nameof(n), $"a full-support prior over {types} types needs a grid of step 1/{types} or finer");
        var cuts = Distinct(random, 1, n, types - 1).Prepend(0).Append(n).ToArray();
        return Enumerable.Range(0, types).Select(i => new Rational(cuts[i + 1] - cuts[i], n)).ToArray();
    }

    /// <summary>count distinct integers from [from, to), increasing.</summary>
    private static int[] Distinct(SplitMix64 random, int from, int to, int count)
    {
        var pool = Enumerable.Range(from, to - from).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool.Take(count).OrderBy(x => x).ToArray();
    }

    /// <summary>A bilateral-trade game as a game file in GAME-FILES.md's shorthand.</summary>
    public static string GameFile(GameDefinition game)
    {
        ArgumentNullException.ThrowIfNull(game);
        if (game.BilateralTrade is not { } terms) throw new ArgumentException("Only bilateral trades have the shorthand form.", nameof(game));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", game.Name);
            if (game.Title is { } title) w.WriteString("title", title);
            w.WriteStartObject("bilateralTrade");
            Write(w, "costs", terms.Costs);
            Write(w, "values", terms.Values);
            w.WriteEndObject();
            w.WriteStartObject("sally");
            Write(w, "prior", game.SallyPrior);
            w.WriteEndObject();
            w.WriteStartObject("bob");
            Write(w, "prior", game.BobPrior);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, string name, IEnumerable<Rational> numbers)
    {
        w.WriteStartArray(name);
        foreach (var x in numbers) w.WriteStringValue(x.ToString());
        w.WriteEndArray();
    }
}

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; the generator Java's SplittableRandom and xoshiro's seeding use):
/// a fully specified 64-bit stream, so sweep instances are the same on every .NET version and platform
/// (System.Random's seeded sequence is not guaranteed to be).
/// </summary>
internal sealed class SplitMix64(ulong state)
{
    private ulong _state = state;

    /// <summary>The next 64 bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [from, to) (rejection sampling: no modulo bias).</summary>
    public int Next(int from, int to)
    {
        if (to <= from) throw new ArgumentOutOfRangeException(nameof(to), to, $"empty range [{from}, {to})");
        ulong range = (ulong)((long)to - from);
        ulong limit = ulong.MaxValue - ulong.MaxValue % range; // accept x < limit: a whole number of ranges
        ulong x;
        do x = NextUInt64(); while (x >= limit);
        return (int)((long)from + (long)(x % range));
    }

    /// <summary>The stream's starting state for instance k of seed s: one SplitMix64 step of (s, k) packed in 64 bits.</summary>
    public static ulong Mix(int seed, int k) => new SplitMix64(unchecked((ulong)(uint)seed << 32 | (uint)k)).NextUInt64();
}
