using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Output;

/// <summary>
/// GAME-FILES.md's JSON: <c>{"game": ..., "rounds": [{"t", "sally", "bob", "welfare"}, ...]}</c> with exact
/// numbers as strings, plus the extra fields priors, state, mover, efficiency, firstBest,
/// messageComplexity, stabilizedFrom, stopReason, requestedRounds and warnings.
/// </summary>
public static class JsonWriter
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SolutionReport report)
    {
        var game = report.Game;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("game", game.Name);
            if (game.Title is not null) json.WriteString("title", game.Title);
            json.WriteStartObject("priors");
            WritePlayer(json, "sally", game.SallyTypes, game.SallyPrior);
            WritePlayer(json, "bob", game.BobTypes, game.BobPrior);
            json.WriteEndObject();
            json.WriteStartObject("state");
            json.WriteString("p", report.P.ToString());
            json.WriteString("q", report.Q.ToString());
            json.WriteEndObject();
            json.WriteNumber("requestedRounds", report.RequestedRounds);
            json.WriteString("stopReason", StopReasonName(report.StopReason));

            json.WriteStartArray("rounds");
            foreach (var round in report.Rounds)
            {
                json.WriteStartObject();
                json.WriteNumber("t", round.Round);
                json.WriteString("sally", round.Sally.ToString());
                json.WriteString("bob", round.Bob.ToString());
                json.WriteString("welfare", round.Welfare.ToString());
                if (SolutionReport.MoverAt(round.Round) is { } mover) json.WriteString("mover", mover == Player.Bob ? "bob" : "sally");
                else json.WriteNull("mover");
                if (report.Efficiency(round) is { } efficiency) json.WriteString("efficiency", efficiency.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();

            WriteOptional(json, "firstBest", report.FirstBest);
            if (report.Complexity is { } complexity)
            {
                json.WriteStartObject("messageComplexity");
                if (complexity.Rounds is { } t) json.WriteNumber("rounds", t); else json.WriteNull("rounds");
                json.WriteString("reason", complexity.Reason);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("messageComplexity");
            }
            if (report.StabilizedFrom is { } s) json.WriteNumber("stabilizedFrom", s); else json.WriteNull("stabilizedFrom");
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static string StopReasonName(Solving.StopReason reason) => reason switch
    {
        Solving.StopReason.Completed => "completed",
        Solving.StopReason.Cancelled => "cancelled",
        Solving.StopReason.DigitBudgetExceeded => "digitBudgetExceeded",
        _ => reason.ToString(),
    };

    private static void WritePlayer(Utf8JsonWriter json, string name, IReadOnlyList<string> types, IReadOnlyList<Rational> prior)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("types");
        foreach (var type in types) json.WriteStringValue(type);
        json.WriteEndArray();
        json.WriteStartArray("prior");
        foreach (var x in prior) json.WriteStringValue(x.ToString());
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, Rational? value)
    {
        if (value is { } v) json.WriteString(name, v.ToString()); else json.WriteNull(name);
    }
}
