using System.Text;
using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Output;

/// <summary><c>describe</c>: the game's types, priors, actions, payoff tables and base-game thresholds.</summary>
public static class GameDescriptionWriter
{
    public static string Write(GameDefinition game)
    {
        var text = new StringBuilder();
        text.Append(game.Name).Append(game.Title is { } title ? ": " + title : "").Append('\n');
        if (game.BilateralTrade is { } trade)
        {
            text.Append("bilateral trade: Sally's costs ").Append(string.Join(", ", trade.Costs))
                .Append("; Bob's values ").Append(string.Join(", ", trade.Values)).Append('\n');
        }
        text.Append("types and prior: ").Append(SolutionWriter.PriorText(game, Player.Sally)).Append('\n');
        text.Append("types and prior: ").Append(SolutionWriter.PriorText(game, Player.Bob)).Append('\n');
        text.Append("actions (Sally's): ").Append(string.Join(", ", game.Actions)).Append('\n');
        if (game.FirstBestWelfare is { } best) text.Append("first-best welfare W* = ").Append(NumberText.ExactWithDecimal(best)).Append('\n');

        for (int a = 0; a < game.Actions.Length; a++)
        {
            text.Append('\n').Append("payoffs of ").Append(game.Actions[a]).Append(" as (u_S, u_B); rows: Sally's type, columns: Bob's type\n");
            var rows = new List<List<string>> { new[] { "" }.Concat(game.BobTypes).ToList() };
            for (int i = 0; i < game.SallyTypes.Length; i++)
            {
                var row = new List<string> { game.SallyTypes[i] };
                for (int j = 0; j < game.BobTypes.Length; j++)
                    row.Add($"({game.Utility(Player.Sally, a, i, j)}, {game.Utility(Player.Bob, a, i, j)})");
                rows.Add(row);
            }
            var table = new StringBuilder();
            TableWriter.AppendAligned(table, rows, rightAlignFirst: false);
            foreach (var line in table.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) text.Append("  ").Append(line).Append('\n');
        }

        text.Append('\n');
        if (game.BobTypes.Length > 2)
        {
            text.Append("base game (round 0): Bob has more than two types, so Sally's best response is not a set of thresholds in one belief\n");
            return text.ToString();
        }
        text.Append("base game (round 0): Sally's best action by her belief ").Append(SolutionWriter.AxisMeaning(game, Player.Bob))
            .Append(" (ties go to Bob)\n");
        foreach (var response in game.AnalyzeBaseGame())
        {
            text.Append("  ").Append(game.SallyTypes[response.SallyType]).Append(": ")
                .Append(string.Join(", ", response.Regions.Select(r => game.Actions[r.Action] + " on " + r.IntervalText)));
            text.Append(response.Breakpoints.Count == 0 ? "; no thresholds" : "; thresholds " + string.Join(", ", response.Breakpoints));
            text.Append('\n');
        }
        return text.ToString();
    }
}
