using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BilateralTrade.Dsl.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BilateralTrade.Dsl.Generator.Parsing;

/// <summary>
/// Finds the source of an attribute's arguments, so diagnostics point at the offending argument
/// (or at one entry inside a payoff-row string). Falls back to the whole attribute when the
/// syntax is not in a shape it recognizes.
/// </summary>
internal sealed class AttributeSite
{
    private readonly AttributeSyntax? _syntax;
    private readonly List<AttributeArgumentSyntax> _positional = new();
    private readonly Dictionary<string, AttributeArgumentSyntax> _named = new();
    private readonly bool _positionalByName;

    public AttributeSite(AttributeData attribute, CancellationToken cancellationToken)
    {
        _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        if (_syntax?.ArgumentList is null) return;
        foreach (var argument in _syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals is not null) _named[argument.NameEquals.Name.Identifier.ValueText] = argument;
            else
            {
                if (argument.NameColon is not null) _positionalByName = true;
                _positional.Add(argument);
            }
        }
    }

    public LocationInfo? Attribute => LocationInfo.From(_syntax);

    /// <summary>The positional argument at <paramref name="index"/>.</summary>
    public LocationInfo? Positional(int index) => LocationInfo.From(PositionalExpression(index)) ?? Attribute;

    /// <summary>Element <paramref name="element"/> of a params array starting at parameter <paramref name="paramsIndex"/>.</summary>
    public LocationInfo? ParamsElement(int paramsIndex, int element) =>
        LocationInfo.From(ParamsElementExpression(paramsIndex, element)) ?? Positional(paramsIndex);

    /// <summary>The whole params array (all its elements), or the attribute when it is empty.</summary>
    public LocationInfo? ParamsAll(int paramsIndex, int count)
    {
        if (count == 0) return Attribute;
        return Union(ParamsElementExpression(paramsIndex, 0), ParamsElementExpression(paramsIndex, count - 1)) ?? Attribute;
    }

    public LocationInfo? Named(string name) => _named.TryGetValue(name, out var argument) ? LocationInfo.From(argument) : Attribute;

    public LocationInfo? NamedElement(string name, int element)
    {
        if (!_named.TryGetValue(name, out var argument)) return Attribute;
        var elements = Elements(argument.Expression);
        return elements is not null && element < elements.Count ? LocationInfo.From(elements[element]) : LocationInfo.From(argument);
    }

    /// <summary>
    /// The entry at character <paramref name="offset"/> (length <paramref name="length"/>) inside the
    /// string of a params element, when it is a plain string literal; otherwise the whole element.
    /// </summary>
    public LocationInfo? InsideParamsElement(int paramsIndex, int element, int offset, int length)
    {
        var expression = ParamsElementExpression(paramsIndex, element);
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            var token = literal.Token;
            if (token.Text == "\"" + token.ValueText + "\"" && offset + length <= token.ValueText.Length)
            {
                var span = new TextSpan(token.SpanStart + 1 + offset, length);
                return LocationInfo.From(Location.Create(literal.SyntaxTree, span));
            }
        }
        return ParamsElement(paramsIndex, element);
    }

    private ExpressionSyntax? PositionalExpression(int index) =>
        !_positionalByName && index < _positional.Count ? _positional[index].Expression : null;

    private ExpressionSyntax? ParamsElementExpression(int paramsIndex, int element)
    {
        if (_positionalByName) return null;
        if (_positional.Count == paramsIndex + 1 && Elements(_positional[paramsIndex].Expression) is { } elements)
            return element < elements.Count ? elements[element] : _positional[paramsIndex].Expression;
        return PositionalExpression(paramsIndex + element);
    }

    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax array => array.Initializer?.Expressions,
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
            collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };

    private static LocationInfo? Union(SyntaxNode? first, SyntaxNode? last)
    {
        if (first is null || last is null || first.SyntaxTree != last.SyntaxTree) return null;
        var span = TextSpan.FromBounds(first.SpanStart, last.Span.End);
        return LocationInfo.From(Location.Create(first.SyntaxTree, span));
    }
}
