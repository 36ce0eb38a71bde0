using System.Globalization;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Simplex;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>
/// A grid protocol (games where Bob has three types) drawn in Sally's belief simplex over Bob's
/// types, a triangle with one corner per Bob type: Bob's messages are red arrows from his current
/// belief to each posterior (labelled with the probability and the round), states where Sally
/// splits her own belief are ringed blue (the list on the right gives her splits), dots are the
/// beliefs reached and leaves are labelled with Sally's prices per cost. The approximation label is
/// under the title.
/// </summary>
public static class SimplexProtocolDiagram
{
    private const double Left = 60, Top = 80, Side = 460, PanelX = Left + Side + 40, Width = PanelX + 420, Height = Top + Side * 0.866 + 90;
    private const string BobColor = "#c0392b", SallyColor = "#2166ac";

    public static string Write(MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var game = report.Game;
        if (game.BobTypes.Length != 3) throw new ArgumentException("The simplex diagram needs Bob to have exactly three types.", nameof(report));
        var root = report.Protocol;
        var svg = new SvgDocument(Width, Height, $"{game.Name}: {root.Round}-round grid protocol in Sally's belief simplex");
        svg.ArrowMarkers(("bob", BobColor));
        svg.Text(Left, 22, $"{game.Name}: {root.Round}-round protocol from the prior, in Sally's belief D_B over Bob's types", size: 14, bold: true);
        svg.Text(Left, 40, report.Label + " (grid values)", size: 11, fill: "#555555");
        svg.Text(Left, 56, "red: Bob refines D_B (probability, round); blue ring: Sally refines D_S there; dots: beliefs reached", size: 11, fill: "#555555");

        // Corners: type 0 bottom left, type 1 bottom right, type 2 top.
        double height = Side * Math.Sqrt(3) / 2;
        var corners = new[] { (Left, Top + height), (Left + Side, Top + height), (Left + Side / 2, Top) };
        (double X, double Y) Point(IReadOnlyList<Rational> d)
        {
            double x = 0, y = 0;
            for (int j = 0; j < 3; j++) { x += d[j].ToDouble() * corners[j].Item1; y += d[j].ToDouble() * corners[j].Item2; }
            return (x, y);
        }

        int n = report.Grid.BobDenominator;
        if (n <= 24)
        {
            for (int i = 1; i < n; i++)
            {
                for (int a = 0; a < 3; a++)
                {
                    // The line where coordinate a equals i/n, between the two edges that meet at corner a.
                    var t = (double)i / n;
                    int b = (a + 1) % 3, c = (a + 2) % 3;
                    var p = Mix(corners[a], corners[b], t);
                    var q = Mix(corners[a], corners[c], t);
                    svg.Line(p.X, p.Y, q.X, q.Y, "#eeeeee", 1);
                }
            }
        }
        svg.Polyline([corners[0], corners[1], corners[2], corners[0]], "black", 1.5);
        var noun = SolutionWriter.TypeNoun(game, Player.Bob);
        svg.Text(corners[0].Item1 - 6, corners[0].Item2 + 18, $"{noun} {game.BobTypes[0]}", "start", 12, bold: true);
        svg.Text(corners[1].Item1 + 6, corners[1].Item2 + 18, $"{noun} {game.BobTypes[1]}", "end", 12, bold: true);
        svg.Text(corners[2].Item1, corners[2].Item2 - 10, $"{noun} {game.BobTypes[2]}", "middle", 12, bold: true);

        var sallyLines = new List<string>();
        var leaves = new Dictionary<(double, double), string>();
        var dots = new HashSet<(double, double)>();
        void Visit(GridProtocolNode node)
        {
            var here = Point(node.BobBelief);
            dots.Add(here);
            if (node.Split is { } split)
            {
                if (split.Mover == Player.Bob)
                {
                    foreach (var posterior in split.Posteriors)
                    {
                        var to = Point(posterior.Belief);
                        svg.Line(here.X, here.Y, to.X, to.Y, BobColor, 1.5, markerEnd: "bob");
                        var mid = Mix(here, to, 0.5);
                        svg.Text(mid.X + 4, mid.Y - 4, $"{posterior.Weight} (t={node.Round})", size: 9, fill: BobColor);
                    }
                }
                else
                {
                    svg.Circle(here.X, here.Y, 7, "none", stroke: SallyColor);
                    sallyLines.Add($"t={node.Round} at D_B {MultiTypeWriter.Distribution(node.BobBelief)}: D_S {MultiTypeWriter.Distribution(split.From)} -> "
                        + string.Join(", ", split.Posteriors.Select(p => $"{MultiTypeWriter.Distribution(p.Belief)} ({p.Weight})")));
                }
            }
            if (node.IsLeaf && node.SallyActions is { } actions)
            {
                var text = string.Join(" / ", actions.Select(a => game.Actions[a]));
                if (!leaves.TryGetValue(here, out var existing)) leaves[here] = text;
                else if (!existing.Split(" | ").Contains(text)) leaves[here] = existing + " | " + text;
            }
            foreach (var child in node.Children) Visit(child);
        }
        Visit(root);
        foreach (var (x, y) in dots.OrderBy(d => d.Item1).ThenBy(d => d.Item2)) svg.Circle(x, y, 3, "black");
        foreach (var ((x, y), text) in leaves.OrderBy(l => l.Key.Item1).ThenBy(l => l.Key.Item2))
            svg.Text(x + 6, y + 13, text, size: 9, fill: "#333333");
        var prior = Point(root.BobBelief);
        svg.Circle(prior.X, prior.Y, 9, "none", stroke: "black");
        svg.Text(prior.X - 11, prior.Y - 11, "prior", "end", 11, bold: true);

        double y0 = Top;
        svg.Text(PanelX, y0, "Sally's splits of D_S (Bob's belief over " + SolutionWriter.TypeNoun(game, Player.Sally) + " "
            + string.Join(", ", game.SallyTypes) + "):", size: 11, bold: true);
        foreach (var line in sallyLines.Distinct())
        {
            y0 += 16;
            svg.Text(PanelX, y0, line, size: 9, fill: SallyColor);
        }
        if (sallyLines.Count == 0) svg.Text(PanelX, y0 + 16, "none", size: 9, fill: SallyColor);
        y0 += 32;
        svg.Text(PanelX, y0, "leaves: Sally's action per " + SolutionWriter.TypeNoun(game, Player.Sally) + " ("
            + string.Join(" / ", game.SallyTypes) + ")", size: 11, bold: true);
        y0 += 16;
        svg.Text(PanelX, y0, "payoffs at the prior: Sally " + root.Payoffs.Sally + ", Bob " + root.Payoffs.Bob + ", welfare "
            + root.Payoffs.Welfare.ToString(), size: 11);
        if (report.FirstBest is { } best) svg.Text(PanelX, y0 + 16, "first best W* = " + best.ToString(), size: 11);
        return svg.Close();
    }

    private static (double X, double Y) Mix((double X, double Y) a, (double X, double Y) b, double t) =>
        (a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t);

}
