using System.Text;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// One row per round with a header row (RFC 4180 quoting). The game and the state are columns so
/// that files from sweeps concatenate. Exact numbers first, decimals after.
/// </summary>
public static class CsvWriter
{
    public static string Write(SolutionReport report)
    {
        var text = new StringBuilder();
        bool efficiency = report.FirstBest is { Sign: > 0 };
        var header = new List<string> { "game", "p", "q", "t", "mover", "sally", "bob", "welfare", "sally_decimal", "bob_decimal", "welfare_decimal" };
        if (report.FirstBest is not null) header.Add("first_best");
        if (efficiency) header.Add("efficiency");
        FormatText.AppendCsvRow(text, header);
        foreach (var round in report.Rounds)
        {
            var row = new List<string>
            {
                report.Game.Name, report.P.ToString(), report.Q.ToString(),
                round.Round.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SolutionReport.MoverAt(round.Round) is { } mover ? (mover == Player.Bob ? "bob" : "sally") : "",
                round.Sally.ToString(), round.Bob.ToString(), round.Welfare.ToString(),
                NumberText.Decimal(round.Sally, 6), NumberText.Decimal(round.Bob, 6), NumberText.Decimal(round.Welfare, 6),
            };
            if (report.FirstBest is { } best) row.Add(best.ToString());
            if (efficiency) row.Add(report.Efficiency(round)!.Value.ToString());
            FormatText.AppendCsvRow(text, row);
        }
        return text.ToString();
    }
}
