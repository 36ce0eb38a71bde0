using BilateralTrade.Dsl.GameFiles;
using BilateralTrade.Dsl.Output;
using BilateralTrade.Dsl.Simplex;
using BilateralTrade.Dsl.Solving;

namespace BilateralTrade.Dsl.Games.Tests.Output;

/// <summary>
/// Grid solves (more than two types) in every format, byte for byte: Section 3.4 on the 15,60 grid
/// (bilateral trade: first best, efficiency) and a general game whose title needs escaping in
/// every format (no first best: firstBest is null and comes last in JSON).
/// </summary>
public class GridWriterSnapshotTests
{
    internal const string General = """
        {
          "name": "g3",
          "title": "A \"three\" & type <game> é",
          "sally": { "types": ["a", "b"], "prior": ["1/2", "1/2"] },
          "bob":   { "types": ["x", "y", "z"], "prior": ["1/3", "1/3", "1/3"] },
          "actions": ["C", "E"],
          "payoffs": {
            "C": { "sally": [["1", "-2", "0"], ["-2", "1", "1"]], "bob": [["1", "2", "0"], ["2", "1", "3"]] },
            "E": { "sally": [["-1", "2", "1"], ["2", "-1", "0"]], "bob": [["-1", "-2", "1"], ["-2", "-1", "2"]] }
          }
        }
        """;

    private static readonly Lazy<MultiTypeReport> Trade34 = new(() =>
        MultiTypeSolver.Solve(Solved.Game("trade-3.4"), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(15, 60), Solve = new SolveOptions { Parallel = true } }));

    private static readonly Lazy<MultiTypeReport> G3 = new(() =>
        MultiTypeSolver.Solve(GameFileLoader.LoadFromText(General, "g3.json"), new MultiTypeOptions { Rounds = 3, Grid = new GridSpec(6) }));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var game in new[] { "trade-3.4", "g3" })
            foreach (var format in new[] { "table", "json", "csv", "latex", "markdown", "protocol-json", "protocol-text" })
                data.Add(game, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFormat(string game, string format)
    {
        var report = game == "g3" ? G3.Value : Trade34.Value;
        var text = format switch
        {
            "protocol-json" => MultiTypeWriter.ProtocolJson(report),
            "protocol-text" => MultiTypeWriter.ProtocolText(report),
            _ => MultiTypeWriter.Write(report, SolutionWriter.ParseFormat(format)!.Value),
        };
        Snapshot.Match(text, $"grid-{game}-3.{format}");
    }
}
