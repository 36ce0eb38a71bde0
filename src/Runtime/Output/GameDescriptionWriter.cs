using System.Text;
using BilateralTrade.Dsl.Games;

namespace BilateralTrade.Dsl.Output;

/// <summary><c>describe</c>: the game's types, priors, actions, payoff tables and base-game thresholds.</summary>
public static class GameDescriptionWriter
{
    public static string Write(GameDefinition game)
    {
        var text = new StringBuilder();
        text.Append(FormatText.Heading(game)).Append('\n');
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
            AppendLinearForms(text, game);
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

    /// <summary>
    /// With three or more Bob types Sally's choice depends on her whole belief d over his types, so
    /// instead of thresholds: for each of her types, each action's expected payoffs as linear forms in
    /// d (the base game's deciding forms: the largest E[u_S] wins, ties to the largest E[u_B], then the
    /// first declared; <see cref="BaseGameAnalyzer.ChooseAction"/>), and her choice at the prior and at
    /// each vertex of the simplex.
    /// </summary>
    private static void AppendLinearForms(StringBuilder text, GameDefinition game)
    {
        int k = game.BobTypes.Length;
        var names = Enumerable.Range(1, k).Select(j => "d" + j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var noun = SolutionWriter.TypeNoun(game, Player.Bob);
        text.Append("base game (round 0): Bob has ").Append(k).Append(" types, so Sally's choice depends on her whole belief d = (")
            .Append(string.Join(", ", names)).Append("), d1 + ... + d").Append(k).Append(" = 1, where ")
            .Append(string.Join(", ", names.Select((n, j) => $"{n} = P({noun} {(game.BilateralTrade is null ? "is" : "=")} {game.BobTypes[j]})"))).Append('\n');
        text.Append("Sally's deciding linear forms: each type takes the action with the largest E[u_S]; ties go to the largest E[u_B] (Bob), then to the first declared action\n");
        var prior = game.BobPrior;
        for (int i = 0; i < game.SallyTypes.Length; i++)
        {
            text.Append("  ").Append(SolutionWriter.TypeNoun(game, Player.Sally)).Append(' ').Append(game.SallyTypes[i]).Append(":\n");
            var rows = new List<List<string>>();
            for (int a = 0; a < game.Actions.Length; a++)
            {
                var us = Enumerable.Range(0, k).Select(j => game.Utility(Player.Sally, a, i, j)).ToArray();
                var ub = Enumerable.Range(0, k).Select(j => game.Utility(Player.Bob, a, i, j)).ToArray();
                rows.Add(["    " + game.Actions[a] + ":", "E[u_S] = " + LinearForm(us, names), "E[u_B] = " + LinearForm(ub, names)]);
            }
            var table = new StringBuilder();
            TableWriter.AppendAligned(table, rows, rightAlignFirst: false);
            text.Append(table);
            int atPrior = game.SallyAction(i, prior);
            text.Append("    at the prior (").Append(string.Join(", ", prior)).Append("): ").Append(game.Actions[atPrior]);
            text.Append("; at the vertices: ").Append(string.Join(", ", Enumerable.Range(0, k).Select(j =>
            {
                var vertex = Enumerable.Range(0, k).Select(x => x == j ? Numerics.Rational.One : Numerics.Rational.Zero).ToArray();
                return $"{names[j]} = 1 -> {game.Actions[game.SallyAction(i, vertex)]}";
            }))).Append('\n');
        }
    }

    /// <summary>"3 d1 + 3 d2 - 1/2 d3", "d2", "0".</summary>
    internal static string LinearForm(IReadOnlyList<Numerics.Rational> coefficients, IReadOnlyList<string> names)
    {
        var text = new StringBuilder();
        for (int j = 0; j < coefficients.Count; j++)
        {
            var c = coefficients[j];
            if (c.IsZero) continue;
            var magnitude = Numerics.Rational.Abs(c);
            if (text.Length == 0) text.Append(c.Sign < 0 ? "-" : "");
            else text.Append(c.Sign < 0 ? " - " : " + ");
            if (magnitude != Numerics.Rational.One) text.Append(magnitude).Append(' ');
            text.Append(names[j]);
        }
        return text.Length == 0 ? "0" : text.ToString();
    }
}
