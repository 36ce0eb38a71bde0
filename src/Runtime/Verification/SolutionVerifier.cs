using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Verification;

/// <summary>
/// Re-checks a solution independently of the solver, by brute force over the solution's own
/// breakpoints (MODEL.md). At every state it checks — the states the optimal protocol visits from
/// the prior, and the grid points (i/G, j/G) of every round — with mover M along axis x:
/// <list type="bullet">
/// <item>optimality: every two-point splitting of x between π^(t-1)'s breakpoints along x (x itself
/// included, so silence too), valued with what π^(t-1) takes at those points; M's best value, then
/// the other player's best among M's maximizers, must equal π^t exactly;</item>
/// <item>the reported splitting is Bayes-plausible (posteriors in [0, 1] on both sides of x, averaging
/// to x) and gives exactly π^t; silence gives π^(t-1);</item>
/// <item>monotonicity: neither payoff drops from π^(t-1) to π^t;</item>
/// <item>the protocol tree agrees with the functions: node payoffs, probabilities, and the expected
/// leaf payoffs equal π^T at the root.</item>
/// </list>
/// Only the public <see cref="IRoundFunctions"/> view is used, so a wrong function is caught.
/// </summary>
public static class SolutionVerifier
{
    /// <summary>Largest protocol tree (in nodes) that is also built with ProtocolFrom and compared.</summary>
    private const long TreeLimit = 200_000;

    /// <summary>Verifies a solution from its game's prior.</summary>
    public static VerificationReport Verify(Solution solution, VerifyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return Verify(new SolutionFunctions(solution), solution.PriorP, solution.PriorQ, options);
    }

    /// <summary>Verifies <paramref name="functions"/> from the root state (p, q) at the last round, and on the grid.</summary>
    public static VerificationReport Verify(IRoundFunctions functions, Rational p, Rational q, VerifyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var run = new Run(functions, options ?? new VerifyOptions());
        run.All(p, q);
        return new VerificationReport(run.Splittings, run.States, run.ViolationCount, run.Violations);
    }

    private sealed class Run(IRoundFunctions f, VerifyOptions options)
    {
        public int Splittings, States;
        public readonly List<Violation> Violations = new();
        public int ViolationCount;
        private readonly HashSet<(int, Rational, Rational)> _checked = new();

        public void All(Rational p, Rational q)
        {
            int last = f.LastRound;
            Walk(p, q, last);
            int g = options.GridSize;
            for (int t = 1; t <= last; t++)
            {
                Check(t, p, q);
                for (int i = 0; i <= g && g > 0; i++)
                {
                    for (int j = 0; j <= g; j++)
                    {
                        options.Cancellation.ThrowIfCancellationRequested();
                        Check(t, new Rational(i, g), new Rational(j, g));
                    }
                }
            }
        }

        private void Add(ViolationKind kind, int round, Rational p, Rational q, string message)
        {
            ViolationCount++;
            if (Violations.Count < options.MaxViolations) Violations.Add(new Violation(kind, round, p, q, message));
        }

        // ---- the states the protocol visits ----

        private void Walk(Rational p, Rational q, int last)
        {
            // Distinct states (t, p, q) reached from the root, following the reported splittings.
            var nodes = new Dictionary<(int, Rational, Rational), long>(); // state -> size of its subtree
            long Size(int t, Rational x, Rational y)
            {
                if (nodes.TryGetValue((t, x, y), out var known)) return known;
                options.Cancellation.ThrowIfCancellationRequested();
                long size = 1;
                if (t > 0)
                {
                    Check(t, x, y);
                    var split = f.SplittingAt(t, x, y);
                    if (split is null) size += Size(t - 1, x, y);
                    else if (split.Mover == Player.Bob) size += Size(t - 1, split.Low, y) + Size(t - 1, split.High, y);
                    else size += Size(t - 1, x, split.Low) + Size(t - 1, x, split.High);
                    size = Math.Min(size, long.MaxValue / 4);
                }
                nodes[(t, x, y)] = size;
                return size;
            }
            if (Size(last, p, q) <= TreeLimit) CheckTree(f.ProtocolFrom(p, q, last));
        }

        private void CheckTree(ProtocolNode root)
        {
            var expected = (Sally: Rational.Zero, Bob: Rational.Zero);
            var stack = new Stack<ProtocolNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                var value = f.Evaluate(node.Round, node.P, node.Q);
                if (node.Payoffs != value)
                    Add(ViolationKind.Protocol, node.Round, node.P, node.Q,
                        $"the protocol tree gives payoffs {Pair(node.Payoffs)} but π^{node.Round} = {Pair(value)}");
                if (node.IsLeaf)
                {
                    expected = (expected.Sally + node.Probability * node.Payoffs.Sally, expected.Bob + node.Probability * node.Payoffs.Bob);
                    continue;
                }
                var split = node.Split;
                if (split != f.SplittingAt(node.Round, node.P, node.Q))
                    Add(ViolationKind.Protocol, node.Round, node.P, node.Q, "the protocol tree's splitting differs from the round's splitting at this state");
                var weights = split is null ? new[] { Rational.One } : new[] { split.WeightLow, split.WeightHigh };
                if (node.Children.Count != weights.Length)
                {
                    Add(ViolationKind.Protocol, node.Round, node.P, node.Q, $"expected {weights.Length} children, the tree has {node.Children.Count}");
                    continue;
                }
                for (int i = 0; i < weights.Length; i++)
                {
                    var child = node.Children[i];
                    if (child.Round != node.Round - 1 || child.Probability != node.Probability * weights[i])
                        Add(ViolationKind.Protocol, node.Round, node.P, node.Q,
                            $"child {i} is at round {child.Round} with probability {child.Probability}, expected round {node.Round - 1} with {node.Probability * weights[i]}");
                    stack.Push(child);
                }
            }
            var rootValue = (root.Payoffs.Sally * root.Probability, root.Payoffs.Bob * root.Probability);
            if (expected != rootValue)
                Add(ViolationKind.Protocol, root.Round, root.P, root.Q,
                    $"the expected leaf payoffs ({expected.Sally}, {expected.Bob}) differ from π^{root.Round} at the root ({root.Payoffs.Sally}, {root.Payoffs.Bob})");
        }

        // ---- one state ----

        private void Check(int t, Rational p, Rational q)
        {
            if (!_checked.Add((t, p, q))) return;
            States++;
            var mover = t % 2 == 1 ? Player.Bob : Player.Sally;
            var other = mover == Player.Bob ? Player.Sally : Player.Bob;
            var axis = mover == Player.Bob ? "p" : "q";
            var (x, y) = mover == Player.Bob ? (p, q) : (q, p);
            PayoffPair Previous(Rational z) => mover == Player.Bob ? f.Evaluate(t - 1, z, y) : f.Evaluate(t - 1, y, z);

            var now = f.Evaluate(t, p, q);
            var before = f.Evaluate(t - 1, p, q);
            if (now.Sally < before.Sally || now.Bob < before.Bob)
                Add(ViolationKind.Monotonicity, t, p, q, $"payoffs drop from π^{t - 1} = {Pair(before)} to π^{t} = {Pair(now)}");

            // Brute force: every two-point splitting of x between breakpoints of π^(t-1) along x (and x itself).
            var breakpoints = mover == Player.Bob ? f.PBreakpoints(t - 1) : f.QBreakpoints(t - 1);
            var lows = breakpoints.Where(b => b < x && b.Sign >= 0).Append(x).Select(z => (Z: z, V: Previous(z))).ToList();
            var highs = breakpoints.Where(b => b > x && b <= Rational.One).Append(x).Select(z => (Z: z, V: Previous(z))).ToList();
            Rational bestMover = before.Of(mover), bestOther = before.Of(other); // silence
            foreach (var low in lows)
            {
                foreach (var high in highs)
                {
                    if (low.Z == high.Z) continue;
                    var wLow = (high.Z - x) / (high.Z - low.Z);
                    var wHigh = Rational.One - wLow;
                    var m = wLow * low.V.Of(mover) + wHigh * high.V.Of(mover);
                    if (m < bestMover) continue;
                    var o = wLow * low.V.Of(other) + wHigh * high.V.Of(other);
                    if (m > bestMover) { bestMover = m; bestOther = o; }
                    else if (o > bestOther) bestOther = o;
                }
            }
            if (now.Of(mover) != bestMover || now.Of(other) != bestOther)
            {
                var best = mover == Player.Bob ? new PayoffPair(bestOther, bestMover) : new PayoffPair(bestMover, bestOther);
                Add(ViolationKind.Optimality, t, p, q,
                    $"{mover}'s best splitting of {axis} = {x} under π^{t - 1} (then {other}'s best among those) gives {Pair(best)}, but π^{t} = {Pair(now)}");
            }

            var split = f.SplittingAt(t, p, q);
            if (split is null)
            {
                if (now != before)
                    Add(ViolationKind.SplittingValue, t, p, q, $"{mover} is silent, so π^{t} should equal π^{t - 1} = {Pair(before)}, but π^{t} = {Pair(now)}");
                return;
            }
            Splittings++;
            var problem = Plausibility(split, mover, x);
            if (problem is not null)
            {
                Add(ViolationKind.BayesPlausibility, t, p, q, $"{mover} splits {axis} = {x} into {split.Low} and {split.High}: {problem}");
                return;
            }
            var vLow = Previous(split.Low);
            var vHigh = Previous(split.High);
            var value = new PayoffPair(split.WeightLow * vLow.Sally + split.WeightHigh * vHigh.Sally,
                split.WeightLow * vLow.Bob + split.WeightHigh * vHigh.Bob);
            if (value != now)
                Add(ViolationKind.SplittingValue, t, p, q,
                    $"{mover}'s splitting of {axis} = {x} into {split.Low} and {split.High} gives {Pair(value)} under π^{t - 1}, but π^{t} = {Pair(now)}");
        }

        private static string? Plausibility(Splitting split, Player mover, Rational x)
        {
            if (split.Mover != mover) return $"the splitting is by {split.Mover}, but {mover} moves at this round";
            if (split.From != x) return $"the splitting starts from {split.From}, not from the state's {x}";
            if (split.Low.Sign < 0 || split.High > Rational.One) return "a posterior lies outside [0, 1]";
            if (!(split.Low < split.High) || split.Low > x || split.High < x) return "the posteriors do not lie on both sides of the belief";
            var wLow = split.WeightLow;
            var wHigh = split.WeightHigh;
            if (wLow.Sign < 0 || wHigh.Sign < 0 || wLow + wHigh != Rational.One) return $"the probabilities {wLow} and {wHigh} are not a distribution";
            if (wLow * split.Low + wHigh * split.High != x) return $"the posteriors average to {wLow * split.Low + wHigh * split.High}, not {x}";
            return null;
        }

        private static string Pair(PayoffPair v) => $"(Sally {v.Sally}, Bob {v.Bob})";
    }
}
