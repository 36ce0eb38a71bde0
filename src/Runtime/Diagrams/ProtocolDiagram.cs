using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>
/// The protocol from a state drawn on the square as arrows between states, as the paper's Figures 1
/// and 7: Bob's messages move the state horizontally (red), Sally's vertically (blue); dots are the
/// states reached, the prior is circled.
/// </summary>
public static class ProtocolDiagram
{
    public static string Write(GameDefinition game, ProtocolNode root)
    {
        var svg = new SvgDocument(BeliefSquare.Width, BeliefSquare.Height, $"{game.Name}: protocol from ({root.P}, {root.Q})");
        svg.ArrowMarkers(("bob", BeliefSquare.BobColor), ("sally", BeliefSquare.SallyColor));
        svg.Text(BeliefSquare.Left, 22, $"{game.Name}: {root.Round}-round protocol from (p, q) = ({root.P}, {root.Q})", size: 14, bold: true);
        svg.Text(BeliefSquare.Left, 40, "red: Bob refines p; blue: Sally refines q; dots: states reached", size: 11, fill: "#555555");
        BeliefSquare.DrawAxes(svg, game);

        var arrows = new List<(Rational P0, Rational Q0, Rational P1, Rational Q1, Player Mover)>();
        var states = new List<(Rational P, Rational Q)>();
        Collect(root, arrows, states);
        foreach (var (p0, q0, p1, q1, mover) in arrows.Distinct())
        {
            var marker = mover == Player.Bob ? "bob" : "sally";
            svg.Line(BeliefSquare.X(p0), BeliefSquare.Y(q0), BeliefSquare.X(p1), BeliefSquare.Y(q1),
                mover == Player.Bob ? BeliefSquare.BobColor : BeliefSquare.SallyColor, 1.5, markerEnd: marker);
        }
        foreach (var (p, q) in states.Distinct())
            svg.Circle(BeliefSquare.X(p), BeliefSquare.Y(q), 3, "black", $"({p}, {q})");
        svg.Circle(BeliefSquare.X(root.P), BeliefSquare.Y(root.Q), 7, "none", stroke: "black");
        svg.Text(BeliefSquare.X(root.P) - 9, BeliefSquare.Y(root.Q) - 9, "prior", "end", 11, bold: true);
        return svg.Close();
    }

    private static void Collect(ProtocolNode node, List<(Rational, Rational, Rational, Rational, Player)> arrows, List<(Rational, Rational)> states)
    {
        states.Add((node.P, node.Q));
        foreach (var child in node.Children)
        {
            if ((child.P != node.P || child.Q != node.Q) && node.Split is { } split)
                arrows.Add((node.P, node.Q, child.P, child.Q, split.Mover));
            Collect(child, arrows, states);
        }
    }
}
