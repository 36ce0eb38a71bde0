using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace BilateralTrade.Dsl.Generator.Model;

/// <summary>A source location as plain values (a <see cref="Location"/> holds a syntax tree, which must not enter the pipeline).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null) return null;
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
