using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace BilateralTrade.Dsl.Generator.Tests.Fuzzing;

/// <summary>One attribute of a fuzzed declaration: its kind, the player as C# text, and its string values (null = a null literal).</summary>
internal sealed record FuzzAttribute(string Kind, string? Player, string? Text, List<string?> Values, List<string?>? Values2 = null)
{
    public FuzzAttribute Copy() => this with { Values = new List<string?>(Values), Values2 = Values2 is null ? null : new List<string?>(Values2) };

    /// <summary>Sally = 0, Bob = 1, anything else null (not a player).</summary>
    public int? PlayerIndex => Player switch { "Player.Sally" => 0, "Player.Bob" => 1, "(Player)0" => 0, "(Player)1" => 1, _ => null };
}

/// <summary>
/// A [Game] class as data, so a fuzzer can mutate it and an independent oracle (<see cref="DeclarationRules"/>)
/// can say whether it is valid; <see cref="Render"/> writes it as C#.
/// </summary>
internal sealed class GameDeclaration
{
    public string Namespace = "Fuzz";
    public string ClassName = "Game";          // as written in C# (may be @class or a \u escape)
    public bool Partial = true, Static, Generic;
    public string? Outer;                      // a containing class, if any
    public bool OuterPartial = true;
    public string? GameName = "g";
    public bool HasTitle;
    public string? Title;
    public List<FuzzAttribute> Attributes = new();

    public GameDeclaration Copy()
    {
        var copy = (GameDeclaration)MemberwiseClone();
        copy.Attributes = Attributes.Select(a => a.Copy()).ToList();
        return copy;
    }

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Array(IEnumerable<string?> values) => "new string[] { " + string.Join(", ", values.Select(Literal)) + " }";

    private static string Params(IEnumerable<string?> values) => string.Concat(values.Select(v => ", " + Literal(v)));

    public string Render()
    {
        var text = new StringBuilder();
        text.Append("using BilateralTrade.Dsl;\n\nnamespace ").Append(Namespace).Append("\n{\n");
        if (Outer is not null) text.Append(OuterPartial ? "public partial class " : "public class ").Append(Outer).Append("\n{\n");
        text.Append("[Game(").Append(Literal(GameName)).Append(HasTitle ? ", Title = " + Literal(Title) : "").Append(")]\n");
        foreach (var a in Attributes)
        {
            text.Append(a.Kind switch
            {
                "Types" => $"[Types({a.Player}{Params(a.Values)})]",
                "Prior" => $"[Prior({a.Player}{Params(a.Values)})]",
                "Actions" => a.Values.Count == 0 ? "[Actions]" : $"[Actions({string.Join(", ", a.Values.Select(Literal))})]",
                "Payoffs" => $"[Payoffs({Literal(a.Text)}, {a.Player}{Params(a.Values)})]",
                "BilateralTrade" => "[BilateralTrade("
                    + string.Join(", ", new[] { a.Values2 is null ? null : "Costs = " + Array(a.Values2), a.Text == "no-values" ? null : "Values = " + (a.Text == "null-values" ? "null" : Array(a.Values)) }.Where(s => s is not null))
                    + ")]",
                _ => throw new InvalidOperationException(a.Kind),
            }).Append('\n');
        }
        text.Append("public ").Append(Static ? "static " : "").Append(Partial ? "partial " : "").Append("class ").Append(ClassName)
            .Append(Generic ? "<T>" : "").Append(";\n");
        if (Outer is not null) text.Append("}\n");
        text.Append("}\n");
        return text.ToString();
    }
}
