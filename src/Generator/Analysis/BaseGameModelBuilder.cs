using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Generator.Model;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.Generator.Analysis;

/// <summary>
/// Round 0 at compile time. With one or two Bob types it runs the run time's own
/// <see cref="BaseGameAnalyzer.AnalyzeTwoBobTypes"/> (linked source); with three or more it
/// decides, per Sally type and action, whether she ever plays it (<see cref="PlayableActions"/>).
/// </summary>
internal sealed class BaseGameModelBuilder
{
    private readonly bool[] _played;

    private BaseGameModelBuilder(EquatableArray<TypeResponseModel> responses, EquatableArray<WitnessModel> witnesses, bool[] played, string method)
    {
        Responses = responses; Witnesses = witnesses; _played = played; Method = method;
    }

    public EquatableArray<TypeResponseModel> Responses { get; }
    public EquatableArray<WitnessModel> Witnesses { get; }
    public string Method { get; }

    /// <summary>Whether some Sally type plays the action at some belief.</summary>
    public bool IsPlayed(int action) => _played[action];

    public static BaseGameModelBuilder Analyze(Rational[][][] sally, Rational[][][] bob, CancellationToken cancellationToken)
    {
        int actions = sally.Length, sallyTypes = sally[0].Length, bobTypes = sally[0][0].Length;
        var played = new bool[actions];
        if (bobTypes <= 2)
        {
            var responses = BaseGameAnalyzer.AnalyzeTwoBobTypes(sally, bob);
            var models = new List<TypeResponseModel>();
            foreach (var response in responses)
            {
                foreach (var region in response.Regions) played[region.Action] = true;
                models.Add(new TypeResponseModel(response.SallyType,
                    response.Breakpoints.Select(b => b.ToString()).ToEquatableArray(),
                    response.Regions.Select(r => new RegionModel(r.From.ToString(), r.To.ToString(), r.IncludesFrom, r.IncludesTo, r.Action)).ToEquatableArray()));
            }
            var method = bobTypes == 1
                ? "Bob has one type, so her choice does not depend on her belief"
                : "checked on every interval and breakpoint of p in [0, 1]";
            return new BaseGameModelBuilder(models.ToEquatableArray(), EquatableArray<WitnessModel>.Empty, played, method);
        }

        var witnesses = new List<WitnessModel>();
        for (int i = 0; i < sallyTypes; i++)
        {
            for (int a = 0; a < actions; a++)
            {
                var outcome = PlayableActions.Find(sally, bob, i, a, cancellationToken, out var belief);
                bool isPlayed = outcome != PlayableActions.Outcome.NeverPlayed;
                played[a] |= isPlayed;
                witnesses.Add(new WitnessModel(i, a, isPlayed,
                    (belief ?? new Rational[0]).Select(b => b.ToString()).ToEquatableArray()));
            }
        }
        return new BaseGameModelBuilder(EquatableArray<TypeResponseModel>.Empty, witnesses.ToEquatableArray(), played,
            $"checked exactly over every belief about Bob's {bobTypes} types");
    }
}
