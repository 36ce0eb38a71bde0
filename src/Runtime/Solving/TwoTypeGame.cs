using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Solving;

/// <summary>
/// A game with at most two types per player seen on the square: a player with a single type
/// is given a copy of it as a second type that never has probability, so one code path
/// serves Section 3.1's single seller cost too.
/// </summary>
internal sealed class TwoTypeGame
{
    public TwoTypeGame(GameDefinition game)
    {
        if (game.SallyTypes.Length > 2 || game.BobTypes.Length > 2)
            throw new NotSupportedException(
                $"Game '{game.Name}' has {game.SallyTypes.Length} Sally types and {game.BobTypes.Length} Bob types; the exact square solver handles at most two per player.");
        Game = game;
        int actions = game.Actions.Length;
        Sally = new Rational[actions][][];
        Bob = new Rational[actions][][];
        for (int a = 0; a < actions; a++)
        {
            Sally[a] = new Rational[2][];
            Bob[a] = new Rational[2][];
            for (int i = 0; i < 2; i++)
            {
                int si = Math.Min(i, game.SallyTypes.Length - 1);
                Sally[a][i] = new Rational[2];
                Bob[a][i] = new Rational[2];
                for (int j = 0; j < 2; j++)
                {
                    int bj = Math.Min(j, game.BobTypes.Length - 1);
                    Sally[a][i][j] = game.Utility(Player.Sally, a, si, bj);
                    Bob[a][i][j] = game.Utility(Player.Bob, a, si, bj);
                }
            }
        }
    }

    public GameDefinition Game { get; }

    /// <summary>u_S indexed [action][Sally's type 0..1][Bob's type 0..1].</summary>
    public Rational[][][] Sally { get; }
    public Rational[][][] Bob { get; }

    /// <summary>A player's full distribution over their real types at coordinate x (probability of the second type).</summary>
    public IReadOnlyList<Rational> Distribution(Player player, Rational x) =>
        Game.TypesOf(player).Length == 1 ? new[] { Rational.One } : new[] { Rational.One - x, x };

    /// <summary>π^0: Sally best-responds per type; with p on the x axis and q on the y axis.</summary>
    public PayoffSurface BaseSurface()
    {
        var responses = BaseGameAnalyzer.AnalyzeTwoBobTypes(Sally, Bob);
        var xs = responses.SelectMany(r => r.Breakpoints).Append(Rational.Zero).Append(Rational.One)
            .Distinct().OrderBy(x => x).ToArray();
        var ys = new[] { Rational.Zero, Rational.One };
        int xn = 2 * xs.Length - 1, yn = 3;
        var surface = new PayoffSurface(xs, ys, new Bilinear[xn * yn], new Bilinear[xn * yn]);
        for (int i = 0; i < xn; i++)
        {
            var p = i % 2 == 0 ? xs[i / 2] : (xs[i / 2] + xs[i / 2 + 1]) * Rational.Half;
            int a0 = responses[0].ActionAt(p), a1 = responses[1].ActionAt(p);
            var sally = Form(Sally, a0, a1);
            var bob = Form(Bob, a0, a1);
            for (int j = 0; j < yn; j++)
            {
                int index = surface.Index(i, j);
                surface.Sally[index] = surface.Canonical(sally, index);
                surface.Bob[index] = surface.Canonical(bob, index);
            }
        }
        return surface;
    }

    // (1−q)·U0(p) + q·U1(p), where U_s(p) is type s's expected utility from action a_s.
    private static Bilinear Form(Rational[][][] u, int a0, int a1)
    {
        var c0 = u[a0][0][0];
        var d0 = u[a0][0][1] - c0;
        var c1 = u[a1][1][0];
        var d1 = u[a1][1][1] - c1;
        return new Bilinear(c0, d0, c1 - c0, d1 - d0);
    }
}
