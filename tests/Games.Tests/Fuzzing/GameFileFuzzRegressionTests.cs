using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Games.Tests.GameFiles;

namespace BilateralTrade.Dsl.Games.Tests.Fuzzing;

/// <summary>Game files the fuzzer found mishandled, kept as plain regression tests.</summary>
public sealed class GameFileFuzzRegressionTests
{
    [Fact]
    public void A_line_break_inside_a_bad_number_stays_on_one_line()
    {
        var text = GameFileLoaderTests.Trade32.Replace("\"costs\": [\"0\", \"2\"]", "\"costs\": [\"a\\nb\", \"2\"]");
        var error = Assert.Throws<GameFileException>(() => GameFileLoader.LoadFromText(text, "g.json"));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("g.json: bilateralTrade.costs[0]: \"a\\nb\" is not an exact number", error.Message);
    }

    [Fact]
    public void A_field_name_with_a_control_character_stays_on_one_line()
    {
        var text = GameFileLoaderTests.Trade32.Replace("\"name\"", "\"na\\u0000me\"");
        var error = Assert.Throws<GameFileException>(() => GameFileLoader.LoadFromText(text, "g.json"));
        Assert.Equal("g.json: na\\u0000me: unknown field: with \"bilateralTrade\" the types and actions are derived, so only \"name\", \"title\", \"bilateralTrade\", \"sally\", \"bob\" may appear here", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_read_as_a_file_would_be()
    {
        var game = GameFileLoader.LoadFromText("\ufeff" + GameFileLoaderTests.Trade32, "g.json");
        Assert.Equal("trade-3.2", game.Name);
    }
}
