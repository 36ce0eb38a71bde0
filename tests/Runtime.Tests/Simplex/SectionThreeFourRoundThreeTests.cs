using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Simplex;
using static BilateralTrade.Dsl.Runtime.Tests.PaperGames;

namespace BilateralTrade.Dsl.Runtime.Tests.Simplex;

/// <summary>
/// Section 3.4 at t = 3: the exact value at the prior is π^3 = (25/6, 73/30), W^3 = W* = 33/5.
/// The 1/60 and 1/120 grids report (1959/470, 1143/470) because Bob's optimal round-3 posterior
/// (9/16, 3/16, 1/4) is on neither grid.
/// </summary>
public class SectionThreeFourRoundThreeTests
{
    private static readonly Rational[] Weights = Rs("2/9", "5/12", "13/36");

    private static readonly Rational[][] Posteriors = [Rs("9/16", "3/16", "1/4"), Rs("1/2", "4/15", "7/30"), Rs("0", "1/2", "1/2")];

    [Fact]
    public void Bobs_explicit_round_3_message_proves_pi_B_at_least_73_30_with_exact_round_2_continuations()
    {
        var game = Trade34();
        // Bayes-plausible: the weights are a distribution and the posteriors average to Bob's prior.
        Assert.Equal(Rational.One, Weights.Aggregate(Rational.Zero, (a, w) => a + w));
        Assert.All(Weights, w => Assert.True(w.Sign > 0));
        foreach (var posterior in Posteriors)
        {
            Assert.Equal(Rational.One, posterior.Aggregate(Rational.Zero, (a, x) => a + x));
            Assert.All(posterior, x => Assert.True(x.Sign >= 0));
        }
        for (int j = 0; j < 3; j++)
            Assert.Equal(game.BobPrior[j], Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + Weights[i] * Posteriors[i][j]));

        // Each posterior's exact π^2 (no grid).
        var continuation = Posteriors.Select(b => ExactEarlyRounds.AtPrior(game.WithPriors(null, b))[2]).ToArray();
        Assert.Equal([(R("61/20"), R("189/80")), (R("3"), R("5/2")), (R("31/5"), R("12/5"))], continuation.Select(v => (v.Sally, v.Bob)));

        var sally = Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + Weights[i] * continuation[i].Sally);
        var bob = Enumerable.Range(0, 3).Aggregate(Rational.Zero, (a, i) => a + Weights[i] * continuation[i].Bob);
        Assert.Equal((R("25/6"), R("73/30")), (sally, bob));
        Assert.Equal(R("33/5"), sally + bob); // W^3 = W*, so Sally's 25/6 is also her exact π_S^3 once π_B^3 = 73/30
        var silence = ExactEarlyRounds.AtPrior(game)[2];
        Assert.Equal(R("62/15"), silence.Sally);
        Assert.True(sally >= silence.Sally); // voluntary for Sally
        Assert.True(bob > R("1143/470")); // strictly better for Bob than the 1/60 and 1/120 grid answer
    }

    [Fact]
    public void The_grid_holding_Bobs_optimal_posteriors_gives_the_exact_round_3_value()
    {
        // 1/15 × 1/240 holds (9/16, 3/16, 1/4) and the round-1 posteriors; about 3.5 s.
        var values = GridSolver.Solve(Trade34(), 3, new GridSpec(15, 240)).ValuesAtPrior();
        Assert.Equal(
            [(R("58/15"), R("8/5")), (R("58/15"), R("12/5")), (R("62/15"), R("12/5")), (R("25/6"), R("73/30"))],
            values.Select(v => (v.Sally, v.Bob)));
    }
}
