using System.Xml.Linq;
using BilateralTrade.Dsl.Diagrams;
using BilateralTrade.Dsl.Numerics;
using BilateralTrade.Dsl.Output;

namespace BilateralTrade.Dsl.Games.Tests.Diagrams;

public class DiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Snapshotted: the paper's small cases, whose partitions the solver should not redraw without reason.</summary>
    private static readonly string[] Snapshotted =
    [
        "spy-partition-0", "spy-partition-1", "spy-partition-2",
        "spy-protocol-5", "spy-payoffs-6",
        "trade-3.2-partition-1", "trade-3.2-partition-2", "trade-3.2-protocol-2", "trade-3.2-payoffs-2",
        "trade-3.1-protocol-1",
    ];

    public static TheoryData<string> Names => new(Snapshotted);

    /// <summary>Checked as SVG only: later rounds' partitions depend on how finely the solver reports its cells.</summary>
    public static TheoryData<string> AllNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Snapshotted) data.Add(name);
            foreach (var t in new[] { 3, 4, 5, 6 }) data.Add($"spy-partition-{t}");
            return data;
        }
    }

    internal static string Draw(string name)
    {
        var parts = name.Split('-');
        var kind = parts[^2];
        int t = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        var game = string.Join('-', parts[..^2]);
        return kind switch
        {
            "partition" when t == 0 => PartitionDiagram.WriteBaseGame(Solved.Game(game)),
            "partition" => PartitionDiagram.Write(Solved.Game(game), t, Solved.Get(game, t).Rounds[t].Partition),
            "protocol" => ProtocolDiagram.Write(Solved.Game(game), Solved.Get(game, t).ProtocolFrom(Solved.Get(game, t).PriorP, Solved.Get(game, t).PriorQ)),
            "payoffs" => PayoffChart.Write(SolutionReport.From(Solved.Get(game, t))),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesSnapshot(string name) => Snapshot.Match(Draw(name), name + ".svg");

    [Theory]
    [MemberData(nameof(AllNames))]
    public void IsWellFormedSvg(string name)
    {
        var document = XDocument.Parse(Draw(name));
        var root = document.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.NotNull(root.Attribute("viewBox"));
        Assert.NotNull(root.Element(Svg + "title"));
        // Every marker reference points at a defined marker.
        var ids = root.Descendants(Svg + "marker").Select(m => (string)m.Attribute("id")!).ToHashSet();
        foreach (var use in root.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName.StartsWith("marker-", StringComparison.Ordinal)))
            Assert.Contains(use.Value["url(#".Length..^1], ids);
        // No NaN or infinity leaked into coordinates.
        Assert.DoesNotContain("NaN", document.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("∞", document.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AxesAreLabelledWithTypeNames()
    {
        var svg = Draw("trade-3.2-partition-1");
        Assert.Contains("p = P(Bob's value = 6)", svg, StringComparison.Ordinal);
        Assert.Contains("q = P(Sally", svg, StringComparison.Ordinal);
        Assert.Contains("q = P(Sally's cost = 2)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionShadesExactlyTheSplittingCells()
    {
        var cells = Solved.Get("spy", 1).Rounds[1].Partition;
        var svg = XDocument.Parse(PartitionDiagram.Write(Solved.Game("spy"), 1, cells));
        int shaded = svg.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("fill") == "#f8d7d3");
        Assert.Equal(cells.Count(c => !c.IsSilent && !c.P.IsPoint && !c.Q.IsPoint), shaded);
    }

    /// <summary>Every kind of cell the drawing knows, independent of the solver: areas (silent and splitting, both movers), segments, points.</summary>
    [Fact]
    public void HandMadePartition()
    {
        static BilateralTrade.Dsl.Protocol.BeliefInterval I(string from, string to, bool a = true, bool b = false) =>
            new(Rational.Parse(from), Rational.Parse(to), a, b);
        var point = BilateralTrade.Dsl.Protocol.BeliefInterval.Point(Rational.Parse("1/2"));
        var cells = new List<BilateralTrade.Dsl.Protocol.PartitionCell>
        {
            new(I("0", "1/3"), I("0", "1/2"), Player.Bob, null, null),
            new(I("1/3", "1", b: true), I("0", "1/2"), Player.Bob, Rational.Parse("1/3"), Rational.One),
            new(I("0", "1", b: true), point, Player.Bob, Rational.Zero, Rational.One),
            new(I("0", "2/3"), I("1/2", "1", false, true), Player.Bob, Rational.Zero, Rational.Parse("2/3")),
            new(I("2/3", "1", b: true), I("1/2", "1", false, true), Player.Bob, null, null),
        };
        Snapshot.Match(PartitionDiagram.Write(Solved.Game("spy"), 1, cells), "handmade-partition-1.svg");
        var sallyCells = new List<BilateralTrade.Dsl.Protocol.PartitionCell>
        {
            new(I("0", "1/2"), I("0", "1", b: true), Player.Sally, Rational.Zero, Rational.One),
            new(point, point, Player.Sally, Rational.Parse("1/4"), Rational.Parse("3/4")),
            new(I("1/2", "1", false, true), I("0", "1", b: true), Player.Sally, null, null),
        };
        var svg = PartitionDiagram.Write(Solved.Game("spy"), 2, sallyCells);
        XDocument.Parse(svg);
        Snapshot.Match(svg, "handmade-partition-2.svg");
    }

    [Fact]
    public void TextIsEscaped()
    {
        var game = new GameDefinition("a<b&c", null, ["x"], ["y", "z"], ["A"],
            [[[(Rational)1, (Rational)2]]], [[[(Rational)1, (Rational)2]]], [Rational.One], [Rational.Half, Rational.Half]);
        XDocument.Parse(PartitionDiagram.WriteBaseGame(game));
    }

    [Fact]
    public void ReadmeDiagramIsCurrent()
    {
        var path = Path.Combine(Cli.CliRunner.RepositoryRoot, "docs", "images", "trade-3.2-protocol.svg");
        Assert.Equal(Draw("trade-3.2-protocol-2"), File.ReadAllText(path));
    }
}
