using System.Text;
using System.Text.Json;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Protocol;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// The protocol tree from a state, for people (an indented outline: at each round who splits what
/// into what with which probability; leaves show Sally's action per type and the payoffs) and as JSON.
/// </summary>
public static class ProtocolWriter
{
    public static string WriteText(GameDefinition game, ProtocolNode root)
    {
        var text = new StringBuilder();
        text.Append(game.Name).Append(": optimal ").Append(root.Round).Append("-round protocol from (p, q) = (")
            .Append(root.P).Append(", ").Append(root.Q).Append("), where ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Bob)).Append(", ")
            .Append(SolutionWriter.AxisMeaning(game, Player.Sally)).Append('\n');
        text.Append("expected payoffs: Sally ").Append(NumberText.ExactWithDecimal(root.Payoffs.Sally))
            .Append(", Bob ").Append(NumberText.ExactWithDecimal(root.Payoffs.Bob))
            .Append(", welfare ").Append(NumberText.ExactWithDecimal(root.Payoffs.Welfare)).Append('\n');
        Append(text, game, root, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, GameDefinition game, ProtocolNode node, int depth)
    {
        text.Append(' ', 2 * depth).Append("t=").Append(node.Round).Append(" at (").Append(node.P).Append(", ").Append(node.Q)
            .Append("), probability ").Append(node.Probability).Append(": ");
        if (node.IsLeaf)
        {
            text.Append("Sally plays ").Append(ActionsText(game, node))
                .Append("; payoffs (").Append(node.Payoffs.Sally).Append(", ").Append(node.Payoffs.Bob).Append(")\n");
            return;
        }
        var mover = SolutionReport.MoverAt(node.Round);
        if (node.Split is { } split)
        {
            var axis = split.Mover == Player.Bob ? "p" : "q";
            text.Append(split.Mover).Append(" splits ").Append(axis).Append(' ').Append(split.From).Append(" into ")
                .Append(split.Low).Append(" (probability ").Append(split.WeightLow).Append(") and ")
                .Append(split.High).Append(" (probability ").Append(split.WeightHigh).Append(")\n");
        }
        else
        {
            text.Append(mover?.ToString() ?? "nobody").Append(" stays silent\n");
        }
        foreach (var child in node.Children) Append(text, game, child, depth + 1);
    }

    /// <summary>"C if east, E if west".</summary>
    internal static string ActionsText(GameDefinition game, ProtocolNode leaf) =>
        leaf.SallyActions is { } actions
            ? string.Join(", ", actions.Select((a, i) => game.Actions[a] + " if " + (game.BilateralTrade is null ? "" : "cost ") + game.SallyTypes[i]))
            : "?";

    public static string WriteJson(GameDefinition game, ProtocolNode root)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("game", game.Name);
            json.WritePropertyName("protocol");
            WriteNode(json, game, root);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNode(Utf8JsonWriter json, GameDefinition game, ProtocolNode node)
    {
        json.WriteStartObject();
        json.WriteNumber("t", node.Round);
        json.WriteString("p", node.P.ToString());
        json.WriteString("q", node.Q.ToString());
        json.WriteString("probability", node.Probability.ToString());
        json.WriteString("sally", node.Payoffs.Sally.ToString());
        json.WriteString("bob", node.Payoffs.Bob.ToString());
        if (node.Split is { } split)
        {
            json.WriteStartObject("split");
            json.WriteString("mover", split.Mover == Player.Bob ? "bob" : "sally");
            json.WriteString("from", split.From.ToString());
            json.WriteString("low", split.Low.ToString());
            json.WriteString("high", split.High.ToString());
            json.WriteString("probabilityLow", split.WeightLow.ToString());
            json.WriteString("probabilityHigh", split.WeightHigh.ToString());
            json.WriteEndObject();
        }
        if (node.SallyActions is { } actions)
        {
            json.WriteStartObject("sallyActions");
            for (int i = 0; i < actions.Count; i++) json.WriteString(game.SallyTypes[i], game.Actions[actions[i]]);
            json.WriteEndObject();
        }
        if (node.Children.Count > 0)
        {
            json.WriteStartArray("children");
            foreach (var child in node.Children) WriteNode(json, game, child);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
