using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Solving;
using static BilateralTrade.Dsl.Runtime.Tests.Properties.RandomGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Properties;

/// <summary>
/// Property 6: at sampled states, one round by brute force. Along the mover's axis π^{t−1} is
/// piecewise linear with jumps only at its breakpoints, so the concave hull's vertices lie
/// among the breakpoints (values they actually take); the midpoints of the pieces are added
/// so that a maximum attained only inside a piece (a piece collinear with the hull) is seen
/// too. Every two-point splitting a ≤ x ≤ b over those candidates (a = b = x is silence) is
/// tried: the mover's best value, then the other player's best among the mover's maximizers,
/// must equal π^t exactly.
/// </summary>
public class BruteForceProperties
{
    [Theory]
    [MemberData(nameof(RandomGames.All), MemberType = typeof(RandomGames))]
    public void One_round_by_brute_force_matches_the_solver(int seed)
    {
        var solution = Solve(seed);
        var common = SampleStates(seed, solution, perRound: 2);
        var rng = new Random(seed * 101 + 3);
        for (int t = 1; t <= solution.LastRound; t++)
        {
            var previous = solution.Rounds[t - 1];
            var states = new List<(Rational, Rational)>(common);
            // Grid vertices and grid lines of π^{t−1}, where the jumps are.
            var ps = Around(previous.PBreakpoints);
            var qs = Around(previous.QBreakpoints);
            for (int k = 0; k < 10; k++) states.Add((ps[rng.Next(ps.Count)], qs[rng.Next(qs.Count)]));
            foreach (var (p, q) in states.Distinct())
            {
                var expected = BruteForce(solution, t, p, q);
                var actual = solution.Rounds[t].Evaluate(p, q);
                Assert.True(expected == actual,
                    $"seed {seed}, round {t} at ({p}, {q}): brute force gives {expected}, the solver {actual}\n{Describe(solution.Game)}");
            }
        }
    }

    /// <summary>π^t at (p, q) from π^{t−1} by enumerating two-point splittings along the mover's axis.</summary>
    internal static PayoffPair BruteForce(Solution solution, int t, Rational p, Rational q)
    {
        var previous = solution.Rounds[t - 1];
        var mover = solution.Rounds[t].Mover!.Value;
        var x = mover == Player.Bob ? p : q;
        var axis = mover == Player.Bob ? previous.PBreakpoints : previous.QBreakpoints;
        var candidates = Around(axis).Append(x).Distinct().OrderBy(c => c).ToList();
        var values = candidates.Select(c => mover == Player.Bob ? previous.Evaluate(c, q) : previous.Evaluate(p, c)).ToList();
        int at = candidates.IndexOf(x);

        Rational bestMover = values[at].Of(mover), bestOther = values[at].Of(Other(mover));
        for (int i = 0; i < at; i++)
        {
            for (int j = at + 1; j < candidates.Count; j++)
            {
                var a = candidates[i];
                var b = candidates[j];
                var low = (b - x) / (b - a);
                var high = Rational.One - low;
                var m = low * values[i].Of(mover) + high * values[j].Of(mover);
                if (m < bestMover) continue;
                var o = low * values[i].Of(Other(mover)) + high * values[j].Of(Other(mover));
                if (m > bestMover || o > bestOther) { bestMover = m; bestOther = o; }
            }
        }
        return mover == Player.Bob ? new PayoffPair(bestOther, bestMover) : new PayoffPair(bestMover, bestOther);
    }

    private static Player Other(Player player) => player == Player.Bob ? Player.Sally : Player.Bob;
}
