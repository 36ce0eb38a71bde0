using System.Text;
using BilateralTrade.Dsl.Output;

namespace BilateralTrade.Dsl.Diagrams;

/// <summary>
/// SVG written as text: a fixed element and attribute order, coordinates rounded to two decimals in
/// the invariant culture, '\n' newlines; so the same input gives the same bytes (snapshot-testable).
/// </summary>
internal sealed class SvgDocument
{
    private readonly StringBuilder _text = new();

    public SvgDocument(double width, double height, string title)
    {
        _text.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        _text.Append("<title>").Append(Escape(title)).Append("</title>\n");
        _text.Append("<rect x=\"0\" y=\"0\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height)).Append("\" fill=\"white\"/>\n");
    }

    /// <summary>Arrowhead markers, one per colour, referenced as url(#arrow-NAME).</summary>
    public void ArrowMarkers(params (string Name, string Color)[] markers)
    {
        _text.Append("<defs>\n");
        foreach (var (name, color) in markers)
        {
            _text.Append("<marker id=\"arrow-").Append(name).Append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .Append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"").Append(color).Append("\"/></marker>\n");
        }
        _text.Append("</defs>\n");
    }

    public void Rect(double x, double y, double width, double height, string fill, string stroke, double strokeWidth = 1)
    {
        _text.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(height)).Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke)
            .Append("\" stroke-width=\"").Append(N(strokeWidth)).Append("\"/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null,
        string? markerStart = null, string? markerEnd = null)
    {
        _text.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2))
            .Append("\" y2=\"").Append(N(y2)).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(strokeWidth)).Append('"');
        if (dash is not null) _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        if (markerStart is not null) _text.Append(" marker-start=\"url(#arrow-").Append(markerStart).Append(")\"");
        if (markerEnd is not null) _text.Append(" marker-end=\"url(#arrow-").Append(markerEnd).Append(")\"");
        _text.Append("/>\n");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2, string? dash = null)
    {
        _text.Append("<polyline points=\"").Append(string.Join(" ", points.Select(p => N(p.X) + "," + N(p.Y))))
            .Append("\" fill=\"none\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(strokeWidth)).Append('"');
        if (dash is not null) _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _text.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, string fill, string? tooltip = null, string? stroke = null)
    {
        _text.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(cy)).Append("\" r=\"").Append(N(r))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null) _text.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"1.5\"");
        if (tooltip is null) _text.Append("/>\n");
        else _text.Append("><title>").Append(Escape(tooltip)).Append("</title></circle>\n");
    }

    /// <param name="anchor">start, middle or end.</param>
    /// <param name="rotate">degrees, about (x, y).</param>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, string fill = "black",
        double rotate = 0, bool bold = false)
    {
        _text.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != "start") _text.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (size != 12) _text.Append(" font-size=\"").Append(N(size)).Append('"');
        if (fill != "black") _text.Append(" fill=\"").Append(fill).Append('"');
        if (bold) _text.Append(" font-weight=\"bold\"");
        if (rotate != 0) _text.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x)).Append(' ').Append(N(y)).Append(")\"");
        _text.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    public string Close() => _text.Append("</svg>\n").ToString();

    private static string N(double value) => NumberText.Coordinate(value);

    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
