namespace BilateralTrade.Dsl.Output;

/// <summary>The ways a solved game can be printed (GAME-FILES.md's <c>--format</c>).</summary>
public enum OutputFormat
{
    Table,
    Json,
    Csv,
    Latex,
    Markdown,
}
