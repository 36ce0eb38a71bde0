using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>
/// The square of states (p, q) ∈ [0,1]² as the paper draws it: p (Sally's belief that Bob has his
/// second type) to the right, q (Bob's belief that Sally has her second type) upwards, axes labelled
/// with the players' type names.
/// </summary>
internal sealed class BeliefSquare
{
    public const double Left = 80, Top = 50, Side = 400, Width = Left + Side + 40, Height = Top + Side + 70;

    public const string BobColor = "#c0392b";   // Bob refines p: horizontal arrows
    public const string SallyColor = "#2166ac"; // Sally refines q: vertical arrows
    public const string BobFill = "#f8d7d3";
    public const string SallyFill = "#d6e4f2";
    public const string SilentFill = "#f4f4f4";

    public static double X(Rational p) => Left + p.ToDouble() * Side;
    public static double Y(Rational q) => Top + (1 - q.ToDouble()) * Side;

    /// <summary>Frame, ticks at quarters, and axis labels such as "p = P(Bob is west)" with the end types named.</summary>
    public static void DrawAxes(SvgDocument svg, GameDefinition game)
    {
        svg.Rect(Left, Top, Side, Side, "none", "black", 1.5);
        for (int k = 0; k <= 4; k++)
        {
            var v = new Rational(k, 4);
            var label = v.ToString();
            svg.Line(X(v), Top + Side, X(v), Top + Side + 5, "black");
            svg.Text(X(v), Top + Side + 18, label, "middle", 11);
            svg.Line(Left - 5, Y(v), Left, Y(v), "black");
            svg.Text(Left - 8, Y(v) + 4, label, "end", 11);
        }
        svg.Text(Left + Side / 2, Top + Side + 40, SolutionWriter.AxisMeaning(game, Player.Bob), "middle", 13);
        svg.Text(Left - 45, Top + Side / 2, SolutionWriter.AxisMeaning(game, Player.Sally), "middle", 13, rotate: -90);
    }
}
