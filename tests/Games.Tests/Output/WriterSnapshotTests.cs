using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Games.Tests.Output;

public class WriterSnapshotTests
{
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var format in new[] { "table", "json", "csv", "latex", "markdown" })
        {
            data.Add("spy", 6, format);
            data.Add("trade-3.2", 2, format);
        }
        data.Add("trade-3.1", 2, "table");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolvedGame(string game, int rounds, string format)
    {
        var report = SolutionReport.From(Solved.Get(game, rounds));
        var text = SolutionWriter.Write(report, SolutionWriter.ParseFormat(format)!.Value);
        Snapshot.Match(text, $"solve-{game}-{rounds}.{format}");
    }

    [Fact]
    public void SpyValuesAreThePapers()
    {
        var values = Solved.Get("spy", 6).ValuesAtPrior();
        Assert.Equal(Rational.Parse("1/2"), values[0].Sally);
        Assert.Equal(Rational.Parse("-3/2"), values[0].Bob);
        Assert.Equal(Rational.Parse("-1/6"), values[1].Bob);
        Assert.Equal(Rational.Parse("13/18"), values[2].Sally);
    }

    /// <summary>A report with every optional part: long fractions, a stop before the end, warnings, stabilization.</summary>
    private static SolutionReport Unusual()
    {
        var game = Solved.Game("trade-3.2");
        var huge = new Rational(System.Numerics.BigInteger.Pow(10, 40) + 1, System.Numerics.BigInteger.Pow(10, 40) * 3);
        var rounds = new List<RoundValues> { new(0, Rational.Parse("13/6"), Rational.Half), new(1, huge, Rational.Parse("-1/7")) };
        return new SolutionReport(game, Rational.Parse("1/3"), Rational.Half, rounds, 5, StopReason.Cancelled,
            Rational.Parse("3"), new MessageComplexity(null, "stopped early"), 1,
            ["round 1, p: a supremum is not attained, used the value at the point"]);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("latex")]
    [InlineData("markdown")]
    public void UnusualReport(string format) =>
        Snapshot.Match(SolutionWriter.Write(Unusual(), SolutionWriter.ParseFormat(format)!.Value), $"unusual.{format}");

    [Fact]
    public void JsonKeepsTheContractsNames()
    {
        var json = System.Text.Json.JsonDocument.Parse(JsonWriter.Write(SolutionReport.From(Solved.Get("spy", 2)))).RootElement;
        Assert.Equal("spy", json.GetProperty("game").GetString());
        var rounds = json.GetProperty("rounds");
        Assert.Equal(3, rounds.GetArrayLength());
        Assert.Equal(0, rounds[0].GetProperty("t").GetInt32());
        Assert.Equal("1/2", rounds[0].GetProperty("sally").GetString());
        Assert.Equal("-3/2", rounds[0].GetProperty("bob").GetString());
        Assert.Equal("-1", rounds[0].GetProperty("welfare").GetString());
        Assert.Equal("13/18", rounds[2].GetProperty("sally").GetString());
    }

    [Fact]
    public void ProtocolText() =>
        Snapshot.Match(ProtocolWriter.WriteText(Solved.Game("trade-3.2"), Solved.Get("trade-3.2", 2).ProtocolFrom(Rational.Parse("1/3"), Rational.Half)),
            "protocol-trade-3.2-2.text");

    [Fact]
    public void ProtocolJson() =>
        Snapshot.Match(ProtocolWriter.WriteJson(Solved.Game("spy"), Solved.Get("spy", 3).ProtocolFrom(Rational.Half, Rational.Half)),
            "protocol-spy-3.json");

    [Theory]
    [InlineData("spy")]
    [InlineData("trade-3.1")]
    [InlineData("trade-3.2")]
    [InlineData("trade-3.4")]
    public void Description(string game) => Snapshot.Match(GameDescriptionWriter.Write(Solved.Game(game)), $"describe-{game}");

    [Fact]
    public void LongFractionsShowTheirDecimalAndSize()
    {
        var huge = new Rational(System.Numerics.BigInteger.Pow(10, 40) + 1, System.Numerics.BigInteger.Pow(10, 40) * 3);
        Assert.Equal("≈ 0.333 (82-digit fraction)", NumberText.ExactWithDecimal(huge));
        Assert.Equal("-13/18 (-0.722)", NumberText.ExactWithDecimal(Rational.Parse("-13/18")));
        Assert.Equal("-3", NumberText.ExactWithDecimal(-3));
    }
}
