using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>
/// One round's optimal protocol as the paper's Figures 5 and 6 draw it: the square of states cut
/// into rectangles; in a shaded one the mover splits the state to its two sides along their own axis
/// (Bob: horizontally, in p; Sally: vertically, in q), drawn as a double arrow; white ones are silent.
/// </summary>
public static class PartitionDiagram
{
    public static string Write(GameDefinition game, int round, IReadOnlyList<PartitionCell> cells)
    {
        var mover = round % 2 == 1 ? Player.Bob : Player.Sally;
        var svg = new SvgDocument(BeliefSquare.Width, BeliefSquare.Height, $"{game.Name}: round {round}, {mover} moves");
        svg.ArrowMarkers(("bob", BeliefSquare.BobColor), ("sally", BeliefSquare.SallyColor));
        svg.Text(BeliefSquare.Left, 22, $"{game.Name}, t = {round}: {mover} {(mover == Player.Bob ? "refines p (horizontal arrows)" : "refines q (vertical arrows)")}", size: 14, bold: true);
        svg.Text(BeliefSquare.Left, 40, "shaded: the mover splits the state to the cell's sides; white: silent", size: 11, fill: "#555555");

        // Areas first, then degenerate cells (segments and points), then arrows on top.
        foreach (var cell in cells.Where(c => !c.P.IsPoint && !c.Q.IsPoint))
        {
            double x0 = BeliefSquare.X(cell.P.From), x1 = BeliefSquare.X(cell.P.To);
            double y0 = BeliefSquare.Y(cell.Q.To), y1 = BeliefSquare.Y(cell.Q.From);
            svg.Rect(x0, y0, x1 - x0, y1 - y0, cell.IsSilent ? "white" : Fill(cell.Mover), "#888888", 0.5);
        }
        foreach (var cell in cells.Where(c => (c.P.IsPoint || c.Q.IsPoint) && !c.IsSilent))
        {
            if (cell.P.IsPoint && cell.Q.IsPoint)
                svg.Circle(BeliefSquare.X(cell.P.From), BeliefSquare.Y(cell.Q.From), 2.5, Stroke(cell.Mover));
            else
                svg.Line(BeliefSquare.X(cell.P.From), BeliefSquare.Y(cell.Q.From), BeliefSquare.X(cell.P.To), BeliefSquare.Y(cell.Q.To),
                    Stroke(cell.Mover), 2.5);
        }
        foreach (var cell in cells.Where(c => !c.IsSilent && !c.P.IsPoint && !c.Q.IsPoint))
        {
            var marker = cell.Mover == Player.Bob ? "bob" : "sally";
            if (cell.Mover == Player.Bob)
            {
                double y = (BeliefSquare.Y(cell.Q.From) + BeliefSquare.Y(cell.Q.To)) / 2;
                double x0 = BeliefSquare.X(cell.SplitLow!.Value), x1 = BeliefSquare.X(cell.SplitHigh!.Value);
                if (x1 - x0 >= 8) svg.Line(x0 + 1, y, x1 - 1, y, Stroke(cell.Mover), 1.2, markerStart: marker, markerEnd: marker);
            }
            else
            {
                double x = (BeliefSquare.X(cell.P.From) + BeliefSquare.X(cell.P.To)) / 2;
                double y0 = BeliefSquare.Y(cell.SplitLow!.Value), y1 = BeliefSquare.Y(cell.SplitHigh!.Value);
                if (y0 - y1 >= 8) svg.Line(x, y0 - 1, x, y1 + 1, Stroke(cell.Mover), 1.2, markerStart: marker, markerEnd: marker);
            }
        }
        BeliefSquare.DrawAxes(svg, game);
        return svg.Close();
    }

    /// <summary>
    /// Round 0 (the base game, nobody talks): the beliefs p where one of Sally's types changes action,
    /// as dashed vertical lines, and her action per type on each strip.
    /// </summary>
    public static string WriteBaseGame(GameDefinition game)
    {
        var svg = new SvgDocument(BeliefSquare.Width, BeliefSquare.Height, $"{game.Name}: round 0, Sally's best responses");
        svg.Text(BeliefSquare.Left, 22, $"{game.Name}, t = 0: Sally's action by her belief p (ties go to Bob)", size: 14, bold: true);
        svg.Text(BeliefSquare.Left, 40, "dashed: a Sally type changes action; labels: action per Sally type", size: 11, fill: "#555555");
        if (game.BobTypes.Length <= 2)
        {
            var responses = game.AnalyzeBaseGame();
            var cuts = responses.SelectMany(r => r.Breakpoints).Distinct().OrderBy(x => x).ToList();
            var points = new List<Rational> { Rational.Zero };
            points.AddRange(cuts);
            points.Add(Rational.One);
            for (int k = 0; k + 1 < points.Count; k++)
            {
                var mid = (points[k] + points[k + 1]) * Rational.Half;
                double x = (BeliefSquare.X(points[k]) + BeliefSquare.X(points[k + 1])) / 2;
                for (int i = 0; i < responses.Count; i++)
                {
                    var label = (game.BilateralTrade is null ? "Sally " : "cost ") + game.SallyTypes[i] + ": " + game.Actions[responses[i].ActionAt(mid)];
                    svg.Text(x, BeliefSquare.Top + 20 + 16 * i, label, "middle", 11);
                }
            }
            foreach (var cut in cuts)
            {
                svg.Line(BeliefSquare.X(cut), BeliefSquare.Top, BeliefSquare.X(cut), BeliefSquare.Top + BeliefSquare.Side, "#555555", 1, "5,4");
                svg.Text(BeliefSquare.X(cut) + 4, BeliefSquare.Top + BeliefSquare.Side - 6, "p = " + cut, "start", 11, "#555555");
            }
        }
        BeliefSquare.DrawAxes(svg, game);
        return svg.Close();
    }

    private static string Fill(Player mover) => mover == Player.Bob ? BeliefSquare.BobFill : BeliefSquare.SallyFill;
    private static string Stroke(Player mover) => mover == Player.Bob ? BeliefSquare.BobColor : BeliefSquare.SallyColor;
}
