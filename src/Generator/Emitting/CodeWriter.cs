using System.Text;

namespace BilateralTrade.Dsl.Generator.Emitting;

/// <summary>A small indented writer with '\n' line endings, so generated files are identical on every OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string line = "{")
    {
        Line(line);
        _indent++;
        return this;
    }

    public CodeWriter Close(string line = "}")
    {
        _indent--;
        return Line(line);
    }

    public CodeWriter Indent() { _indent++; return this; }

    public CodeWriter Outdent() { _indent--; return this; }

    public override string ToString() => _text.ToString();
}
