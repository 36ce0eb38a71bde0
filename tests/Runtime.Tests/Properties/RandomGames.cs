using System.Collections.Concurrent;
using System.Numerics;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Runtime.Tests.Properties;

/// <summary>
/// Seeded random games for the property tests: every game, its solution and its sample states
/// are a pure function of the seed (System.Random(seed)), so a failing seed reproduces exactly.
/// Solutions are cached per seed and shared by all property classes.
/// </summary>
internal static class RandomGames
{
    /// <summary>
    /// Seeds of general games. 0 is the spy game (Section 4). 1–16: plain random games, 2–4
    /// actions, utilities in {−3, −5/2, …, 3}, 1 or 2 types each (most such games settle within
    /// two rounds, so they mostly exercise the edges: single types, dominant actions, silence).
    /// 21–36: random games with two types each, redrawn from the same generator until the
    /// functions still change after four rounds (about one draw in twenty). 41–46: the spy
    /// game's utilities each moved by a random −1/2, 0 or 1/2. 61–72: degenerate games, two
    /// types each, utilities in {−1, 0, 1} only, so ties (equal actions, collinear pieces,
    /// indifferent movers) are everywhere and the tie-breaks are exercised.
    /// </summary>
    public static readonly int[] GeneralSeeds =
        new[] { 0 }.Concat(Enumerable.Range(1, 16)).Concat(Enumerable.Range(21, 16)).Concat(Enumerable.Range(41, 6))
            .Concat(Enumerable.Range(61, 12)).ToArray();

    /// <summary>Seeds of bilateral-trade instances: 1–2 costs, 2 values, small integers and halves.</summary>
    public static readonly int[] TradeSeeds = Enumerable.Range(101, 12).ToArray();

    /// <summary>Rounds solved per game: 4–6, chosen by the seed.</summary>
    public static int RoundsFor(int seed) => seed == 0 ? 6 : 4 + Math.Abs(seed * 7919) % 3;

    public static IEnumerable<object[]> General() => GeneralSeeds.Select(s => new object[] { s });
    public static IEnumerable<object[]> Trade() => TradeSeeds.Select(s => new object[] { s });
    public static IEnumerable<object[]> All() => General().Concat(Trade());

    /// <summary>General games where Bob (resp. Sally) has two types, for the swap properties.</summary>
    public static IEnumerable<object[]> WithTwoBobTypes() =>
        GeneralSeeds.Concat(TradeSeeds).Where(s => Game(s).BobTypes.Length == 2).Select(s => new object[] { s });
    public static IEnumerable<object[]> WithTwoSallyTypes() =>
        GeneralSeeds.Concat(TradeSeeds).Where(s => Game(s).SallyTypes.Length == 2).Select(s => new object[] { s });

    private static readonly ConcurrentDictionary<int, Lazy<Solution>> Solutions = new();

    private static readonly ConcurrentDictionary<int, Lazy<GameDefinition>> Games = new();

    public static GameDefinition Game(int seed) => Games.GetOrAdd(seed, s => new Lazy<GameDefinition>(() => Draw(s))).Value;

    private static GameDefinition Draw(int seed) => seed switch
    {
        0 => PaperGames.Spy(),
        >= 1 and <= 20 => GeneralGame(seed),
        >= 21 and <= 40 => RichGame(seed),
        >= 41 and <= 60 => PerturbedSpy(seed),
        >= 61 and <= 80 => GeneralGame(new Random(seed), $"degenerate-{seed}", forceTwoTypes: true, halves: false, range: 1),
        _ => TradeGame(seed),
    };

    public static Solution Solve(int seed) =>
        Solutions.GetOrAdd(seed, s => new Lazy<Solution>(() => ExactSolver.Solve(Game(s), RoundsFor(s)))).Value;

    public static Rational Q(long numerator, long denominator) => new(new BigInteger(numerator), new BigInteger(denominator));

    /// <summary>A probability with a small denominator, occasionally 0 or 1.</summary>
    public static Rational Probability(Random rng)
    {
        int d = rng.Next(2, 10);
        return Q(rng.Next(0, d + 1), d);
    }

    private static Rational[] Prior(Random rng, int types)
    {
        if (types == 1) return new[] { Rational.One };
        var x = Probability(rng);
        return new[] { Rational.One - x, x };
    }

    public static GameDefinition GeneralGame(int seed) => GeneralGame(new Random(seed), $"random-{seed}", forceTwoTypes: false);

    /// <summary>The first draw with two types each whose functions still change after four rounds.</summary>
    public static GameDefinition RichGame(int seed)
    {
        var rng = new Random(seed);
        for (int draw = 0; ; draw++)
        {
            var game = GeneralGame(rng, $"rich-{seed}-draw-{draw}", forceTwoTypes: true);
            if (ExactSolver.Solve(game, 4, new SolveOptions { Parallel = false }).StabilizedFrom is null) return game;
        }
    }

    public static GameDefinition PerturbedSpy(int seed)
    {
        var rng = new Random(seed);
        var spy = PaperGames.Spy();
        Rational[][][] Table(Player who) => Enumerable.Range(0, 2).Select(a =>
            Enumerable.Range(0, 2).Select(i =>
                Enumerable.Range(0, 2).Select(j => spy.Utility(who, a, i, j) + Q(rng.Next(-1, 2), 2)).ToArray()).ToArray()).ToArray();
        var sally = Table(Player.Sally);
        var bob = Table(Player.Bob);
        return new GameDefinition($"spy-perturbed-{seed}", null, spy.SallyTypes, spy.BobTypes, spy.Actions,
            sally, bob, Prior(rng, 2), Prior(rng, 2));
    }

    private static GameDefinition GeneralGame(Random rng, string name, bool forceTwoTypes, bool halves = true, int range = 3)
    {
        Rational Utility(Random rng) => halves ? Q(rng.Next(-2 * range, 2 * range + 1), 2) : rng.Next(-range, range + 1);
        int actions = rng.Next(2, 5);
        // Mostly two types each: that is where the square is interesting.
        int sallyTypes = rng.Next(5) == 0 && !forceTwoTypes ? 1 : 2;
        int bobTypes = rng.Next(5) == 0 && !forceTwoTypes ? 1 : 2;
        var sally = new Rational[actions][][];
        var bob = new Rational[actions][][];
        for (int a = 0; a < actions; a++)
        {
            sally[a] = new Rational[sallyTypes][];
            bob[a] = new Rational[sallyTypes][];
            for (int i = 0; i < sallyTypes; i++)
            {
                sally[a][i] = Enumerable.Range(0, bobTypes).Select(_ => Utility(rng)).ToArray();
                bob[a][i] = Enumerable.Range(0, bobTypes).Select(_ => Utility(rng)).ToArray();
            }
        }
        return new GameDefinition(name, null,
            Enumerable.Range(0, sallyTypes).Select(i => $"s{i}").ToArray(),
            Enumerable.Range(0, bobTypes).Select(j => $"b{j}").ToArray(),
            Enumerable.Range(0, actions).Select(a => $"a{a}").ToArray(),
            sally, bob, Prior(rng, sallyTypes), Prior(rng, bobTypes));
    }

    public static GameDefinition TradeGame(int seed)
    {
        var rng = new Random(seed);
        rng.Next(); // the first draw of Random(seed) varies too little between neighbouring seeds
        int costCount = rng.Next(3) == 0 ? 1 : 2;
        // Increasing costs in {0, 1/2, …, 4} and values in {1, 3/2, …, 7}, redrawn until the
        // highest value exceeds the lowest cost (otherwise nothing can ever trade).
        Rational[] costs, values;
        do
        {
            costs = Increasing(rng, costCount, 0, 8);
            values = Increasing(rng, 2, 2, 14);
        } while (values[^1] <= costs[0]);
        return GameDefinition.CreateBilateralTrade($"trade-{seed}", null, costs, values,
            Prior(rng, costCount), Prior(rng, 2));
    }

    private static Rational[] Increasing(Random rng, int count, int minHalves, int maxHalves)
    {
        var set = new SortedSet<int>();
        while (set.Count < count) set.Add(rng.Next(minHalves, maxHalves + 1));
        return set.Select(h => Q(h, 2)).ToArray();
    }

    /// <summary>The game with Bob's two types in the other order (p ↦ 1 − p).</summary>
    public static GameDefinition SwapBob(GameDefinition g) => Rebuild(g, swapSally: false, swapBob: true);

    /// <summary>The game with Sally's two types in the other order (q ↦ 1 − q).</summary>
    public static GameDefinition SwapSally(GameDefinition g) => Rebuild(g, swapSally: true, swapBob: false);

    private static GameDefinition Rebuild(GameDefinition g, bool swapSally, bool swapBob)
    {
        int ns = g.SallyTypes.Length, nb = g.BobTypes.Length, na = g.Actions.Length;
        int S(int i) => swapSally ? ns - 1 - i : i;
        int B(int j) => swapBob ? nb - 1 - j : j;
        Rational[][][] Table(Player who) => Enumerable.Range(0, na).Select(a =>
            Enumerable.Range(0, ns).Select(i =>
                Enumerable.Range(0, nb).Select(j => g.Utility(who, a, S(i), B(j))).ToArray()).ToArray()).ToArray();
        return new GameDefinition(g.Name + (swapSally ? "-sally-swapped" : "") + (swapBob ? "-bob-swapped" : ""), null,
            Enumerable.Range(0, ns).Select(i => g.SallyTypes[S(i)]).ToArray(),
            Enumerable.Range(0, nb).Select(j => g.BobTypes[B(j)]).ToArray(),
            g.Actions, Table(Player.Sally), Table(Player.Bob),
            Enumerable.Range(0, ns).Select(i => g.SallyPrior[S(i)]).ToArray(),
            Enumerable.Range(0, nb).Select(j => g.BobPrior[B(j)]).ToArray(),
            g.BilateralTrade);
    }

    /// <summary>The game with its actions in reverse order (the tables follow).</summary>
    public static GameDefinition ReverseActions(GameDefinition g)
    {
        int na = g.Actions.Length;
        Rational[][][] Table(Player who) => Enumerable.Range(0, na).Select(a =>
            Enumerable.Range(0, g.SallyTypes.Length).Select(i =>
                Enumerable.Range(0, g.BobTypes.Length).Select(j => g.Utility(who, na - 1 - a, i, j)).ToArray()).ToArray()).ToArray();
        return new GameDefinition(g.Name + "-reversed", null, g.SallyTypes, g.BobTypes, g.Actions.Reverse().ToArray(),
            Table(Player.Sally), Table(Player.Bob), g.SallyPrior, g.BobPrior, g.BilateralTrade);
    }

    /// <summary>A player's distribution over their real types at coordinate x (probability of the second type).</summary>
    public static Rational[] Distribution(GameDefinition g, Player player, Rational x) =>
        g.TypesOf(player).Length == 1 ? new[] { Rational.One } : new[] { Rational.One - x, x };

    /// <summary>
    /// States to check, deterministic per seed: corners and the prior, random rationals, and
    /// points built from every round's breakpoints (grid vertices, points on one grid line,
    /// midpoints between consecutive breakpoints), where jumps live.
    /// </summary>
    public static IReadOnlyList<(Rational P, Rational Q)> SampleStates(int seed, Solution solution, int perRound = 6)
    {
        var rng = new Random(seed * 31 + 17);
        var states = new List<(Rational, Rational)>
        {
            (0, 0), (0, 1), (1, 0), (1, 1), (Rational.Half, Rational.Half), (solution.PriorP, solution.PriorQ),
        };
        for (int k = 0; k < 8; k++) states.Add((Probability(rng), Probability(rng)));
        foreach (var f in solution.Rounds)
        {
            var ps = Around(f.PBreakpoints);
            var qs = Around(f.QBreakpoints);
            for (int k = 0; k < perRound; k++)
            {
                var p = ps[rng.Next(ps.Count)];
                var q = qs[rng.Next(qs.Count)];
                states.Add((p, q));
            }
            // A breakpoint on one axis against a random belief on the other.
            states.Add((f.PBreakpoints[rng.Next(f.PBreakpoints.Count)], Probability(rng)));
            states.Add((Probability(rng), f.QBreakpoints[rng.Next(f.QBreakpoints.Count)]));
        }
        return states.Distinct().ToList();
    }

    /// <summary>Breakpoints and the midpoints between consecutive ones.</summary>
    public static List<Rational> Around(IReadOnlyList<Rational> breakpoints)
    {
        var result = new List<Rational>(breakpoints);
        for (int i = 0; i + 1 < breakpoints.Count; i++) result.Add((breakpoints[i] + breakpoints[i + 1]) * Rational.Half);
        return result;
    }

    /// <summary>
    /// π^0 straight from the utilities: each Sally type maximizes her expected utility, ties to
    /// Bob's expected utility (MODEL.md), then expectations over both players' types.
    /// </summary>
    public static PayoffPair BasePayoffs(GameDefinition g, Rational p, Rational q)
    {
        var bob = Distribution(g, Player.Bob, p);
        var sally = Distribution(g, Player.Sally, q);
        Rational us = 0, ub = 0;
        for (int i = 0; i < sally.Length; i++)
        {
            Rational bestS = 0, bestB = 0;
            bool any = false;
            for (int a = 0; a < g.Actions.Length; a++)
            {
                Rational s = 0, b = 0;
                for (int j = 0; j < bob.Length; j++)
                {
                    s += bob[j] * g.Utility(Player.Sally, a, i, j);
                    b += bob[j] * g.Utility(Player.Bob, a, i, j);
                }
                if (!any || s > bestS || (s == bestS && b > bestB)) { bestS = s; bestB = b; any = true; }
            }
            us += sally[i] * bestS;
            ub += sally[i] * bestB;
        }
        return new PayoffPair(us, ub);
    }

    /// <summary>The payoffs at a leaf from Sally's actions per type: Σ_i Σ_j P(i|q) P(j|p) u(a_i, i, j).</summary>
    public static PayoffPair LeafPayoffs(GameDefinition g, Rational p, Rational q, IReadOnlyList<int> actions)
    {
        var bob = Distribution(g, Player.Bob, p);
        var sally = Distribution(g, Player.Sally, q);
        Rational us = 0, ub = 0;
        for (int i = 0; i < sally.Length; i++)
        {
            for (int j = 0; j < bob.Length; j++)
            {
                us += sally[i] * bob[j] * g.Utility(Player.Sally, actions[i], i, j);
                ub += sally[i] * bob[j] * g.Utility(Player.Bob, actions[i], i, j);
            }
        }
        return new PayoffPair(us, ub);
    }

    public static string Describe(GameDefinition g)
    {
        var lines = new List<string> { $"{g.Name}: Sally types {g.SallyTypes.Length}, Bob types {g.BobTypes.Length}, prior S=[{string.Join(", ", g.SallyPrior)}] B=[{string.Join(", ", g.BobPrior)}]" };
        for (int a = 0; a < g.Actions.Length; a++)
        {
            var cells = new List<string>();
            for (int i = 0; i < g.SallyTypes.Length; i++)
                for (int j = 0; j < g.BobTypes.Length; j++)
                    cells.Add($"(s{i},b{j})=({g.Utility(Player.Sally, a, i, j)}, {g.Utility(Player.Bob, a, i, j)})");
            lines.Add($"  {g.Actions[a]}: {string.Join(" ", cells)}");
        }
        return string.Join("\n", lines);
    }
}
