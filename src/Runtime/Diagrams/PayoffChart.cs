using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>π_S^t, π_B^t and W^t against t at one state, with first-best welfare dashed where defined.</summary>
public static class PayoffChart
{
    private const double Left = 80, Top = 50, PlotWidth = 480, PlotHeight = 300, Width = Left + PlotWidth + 150, Height = Top + PlotHeight + 60;
    private const string SallyColor = "#2166ac", BobColor = "#c0392b", WelfareColor = "#222222", FirstBestColor = "#1a9850";

    public static string Write(SolutionReport report) =>
        Write(report.Game, $"from (p, q) = ({report.P}, {report.Q})", null, report.Rounds, report.FirstBest);

    /// <summary>A grid solve (more than two types): the values at the prior, with the approximation label under the title.</summary>
    public static string Write(Simplex.MultiTypeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var exact = MultiTypeWriter.ExactRounds(report);
        var subtitle = report.Label + (exact.Count > 0 ? "; exact (grid-free): " + MultiTypeWriter.RoundsText(exact) : "; no round confirmed exact");
        return Write(report.Game, "from the prior", subtitle,
            report.Rounds.Select(r => new Solving.RoundValues(r.Round, r.Sally, r.Bob)).ToList(), report.FirstBest);
    }

    private static string Write(Games.GameDefinition game, string from, string? subtitle, IReadOnlyList<Solving.RoundValues> rounds, Rational? firstBest)
    {
        var svg = new SvgDocument(Width, Height, $"{game.Name}: payoffs against t");
        svg.Text(Left, 22, $"{game.Name}: payoffs after t rounds {from}", size: 14, bold: true);
        if (subtitle is not null) svg.Text(Left, 38, subtitle, size: 10, fill: "#555555");

        var values = rounds.SelectMany(r => new[] { r.Sally.ToDouble(), r.Bob.ToDouble(), r.Welfare.ToDouble() }).ToList();
        if (firstBest is { } best) values.Add(best.ToDouble());
        values.Add(0);
        double min = values.Min(), max = values.Max();
        double step = NiceStep((max - min) / 5);
        double low = Math.Floor(min / step) * step, high = Math.Ceiling(max / step) * step;
        if (high <= low) high = low + step;
        int lastRound = rounds.Count - 1;
        int lastT = Math.Max(1, lastRound);
        double X(int t) => Left + PlotWidth * t / lastT;
        double Y(double v) => Top + PlotHeight * (high - v) / (high - low);

        for (double v = low; v <= high + step / 2; v += step)
        {
            var rounded = Math.Round(v / step) * step;
            svg.Line(Left, Y(rounded), Left + PlotWidth, Y(rounded), Math.Abs(rounded) < step / 2 ? "#999999" : "#e5e5e5", 1);
            svg.Text(Left - 8, Y(rounded) + 4, FormatTick(rounded, step), "end", 11);
        }
        for (int t = 0; t <= lastRound; t++)
        {
            svg.Line(X(t), Top + PlotHeight, X(t), Top + PlotHeight + 5, "black");
            svg.Text(X(t), Top + PlotHeight + 18, t.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", 11);
        }
        svg.Rect(Left, Top, PlotWidth, PlotHeight, "none", "black", 1);
        svg.Text(Left + PlotWidth / 2, Top + PlotHeight + 40, "t (rounds of communication)", "middle", 13);
        svg.Text(Left - 50, Top + PlotHeight / 2, "expected payoff", "middle", 13, rotate: -90);

        var legend = new List<(string Label, string Color, string? Dash)>();
        if (firstBest is { } w)
        {
            svg.Line(Left, Y(w.ToDouble()), Left + PlotWidth, Y(w.ToDouble()), FirstBestColor, 1.5, "6,4");
            legend.Add(("first best W* = " + w, FirstBestColor, "6,4"));
        }
        Series(svg, rounds, r => r.Welfare, WelfareColor, X, Y);
        Series(svg, rounds, r => r.Sally, SallyColor, X, Y);
        Series(svg, rounds, r => r.Bob, BobColor, X, Y);
        legend.InsertRange(0, [("welfare W", WelfareColor, null), ($"Sally π_S", SallyColor, null), ($"Bob π_B", BobColor, null)]);

        double ly = Top + 10;
        foreach (var (label, color, dash) in legend)
        {
            svg.Line(Left + PlotWidth + 15, ly, Left + PlotWidth + 40, ly, color, 2, dash);
            svg.Text(Left + PlotWidth + 46, ly + 4, label, size: 11);
            ly += 20;
        }
        return svg.Close();
    }

    private static void Series(SvgDocument svg, IReadOnlyList<Solving.RoundValues> rounds, Func<Solving.RoundValues, Rational> value, string color,
        Func<int, double> x, Func<double, double> y)
    {
        var points = rounds.Select(r => (x(r.Round), y(value(r).ToDouble()))).ToList();
        svg.Polyline(points, color);
        foreach (var r in rounds)
            svg.Circle(x(r.Round), y(value(r).ToDouble()), 3, color, $"t = {r.Round}: {value(r)}");
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough)) return 1;
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (m * power >= rough) return m * power;
        return 10 * power;
    }

    private static string FormatTick(double value, double step)
    {
        int decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step)));
        var text = value.ToString("F" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return text.StartsWith("-0", StringComparison.Ordinal) && value > -step / 2 ? text.Substring(1) : text;
    }
}
