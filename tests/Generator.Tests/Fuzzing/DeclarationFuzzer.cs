namespace BilateralTrade.Dsl.Generator.Tests.Fuzzing;

/// <summary>
/// Seeded random [Game] declarations: a valid game (explicit tables or the bilateral-trade
/// template) with 0–3 random mutations applied. Every case is a pure function of its seed.
/// </summary>
internal static class DeclarationFuzzer
{
    private static readonly string[] OddNames =
    [
        "", " ", "\t", "\u00a0", "日本", "Ünïcödé", "😀", "\"quoted\"", "back\\slash", "new\nline", "{0}", "class", "@if", "null",
        "*/ /*", "<xml>&amp;", "price 3", "no trade", "\u200b", "a\0b", new string('x', 600), "e\u0301", "\ud800",
    ];

    private static readonly string[] GarbageNumbers =
    [
        "", " ", "abc", "1/0", "0/0", "1//2", "0x10", "1e5", "NaN", "∞", "½", "１", "٣", "--1", "1/-2", "1.2.3", ".", "-.", "+3",
        "1 /2", "- 1", "3.", ".5", "-0", "0.000", "1,5", "2/4", "-7/-7", "1/2/3", "\u0661", "9999999999999999999999999999999999999999/3",
        new string('9', 400), "0." + new string('0', 300) + "1", "-" + new string('8', 120) + "/" + new string('7', 119),
    ];

    private static readonly string[] ClassNames =
    [
        "Game", "@class", "@static", "@partial", "Ünïcödé", "游戏", "Δ", "\\u0041bc", "_", "__", "Rational", "GameDefinition", "Solution", "Games",
        "ExactSolver", "System", "BuiltInGames", "Definition", "Solve", "BaseGame", "GameName", "@record", "var", "async", "nameof",
    ];

    private static readonly string[] Namespaces = ["Fuzz", "Fuzz.@if", "Fuzz.Ünï", "Fuzz.System", "Fuzz.BilateralTrade", "Fuzz.@namespace.Deep"];

    public static GameDeclaration Case(int seed)
    {
        var rng = new Random(seed);
        var d = rng.Next(4) == 0 ? Trade(rng) : Explicit(rng);
        int mutations = rng.Next(10) switch { < 3 => 0, < 7 => 1, < 9 => 2, _ => 3 };
        for (int i = 0; i < mutations; i++) Mutate(rng, d);
        return d;
    }

    // ---- valid games ----

    private static string Pick(Random rng, IReadOnlyList<string> items) => items[rng.Next(items.Count)];

    private static string Number(Random rng) => rng.Next(12) switch
    {
        0 => "1/" + rng.Next(1, 9),
        1 => "-" + rng.Next(1, 5) + "/" + rng.Next(2, 7),
        2 => "0.25",
        3 => rng.Next(2) == 0 ? "123456789012345678901234567890" : "-98765432109876543210/3",
        4 => " " + rng.Next(-3, 4) + " ",
        _ => rng.Next(-4, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static List<string?> Distribution(Random rng, int n)
    {
        var weights = Enumerable.Range(0, n).Select(_ => rng.Next(0, 4)).ToArray();
        if (weights.Sum() == 0) weights[rng.Next(n)] = 1;
        int total = weights.Sum();
        return weights.Select(w => (string?)(rng.Next(5) == 0 && total == 4 ? (w * 25 / 100.0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : w + "/" + total)).ToList();
    }

    private static List<string?> Names(Random rng, string prefix, int n)
    {
        var names = Enumerable.Range(0, n).Select(i => (string?)(prefix + i)).ToList();
        if (rng.Next(4) == 0) names[rng.Next(n)] = Pick(rng, ["日本", "Ünï", "😀", "\"q\"", "back\\slash", "{x}", "class", "price 3", "a b"]) + prefix;
        return names;
    }

    private static void Decorate(Random rng, GameDeclaration d)
    {
        d.Namespace = Pick(rng, Namespaces);
        if (rng.Next(3) == 0) d.ClassName = Pick(rng, ClassNames.Where(c => !DeclarationRules.GeneratedMembers.Contains(c)).ToArray());
        d.Static = rng.Next(2) == 0;
        if (rng.Next(6) == 0) d.Outer = Pick(rng, ["Outer", "@class", "Container"]);
        d.GameName = rng.Next(5) == 0 ? Pick(rng, ["spiel-ü", "ゲーム", "a \"b\"", "x\\y", "tab\there"]) : "g";
        d.HasTitle = rng.Next(2) == 0;
        d.Title = rng.Next(4) == 0 ? null : Pick(rng, ["A title", "Ünïcödé «title»", "line\nbreak", "*/", ""]);
    }

    private static GameDeclaration Explicit(Random rng)
    {
        var d = new GameDeclaration();
        Decorate(rng, d);
        int ns = rng.Next(1, 4), nb = rng.Next(1, 4), na = rng.Next(1, 5);
        var actions = Names(rng, "A", na);
        d.Attributes.Add(new FuzzAttribute("Types", "Player.Sally", null, Names(rng, "s", ns)));
        d.Attributes.Add(new FuzzAttribute("Types", "Player.Bob", null, Names(rng, "b", nb)));
        d.Attributes.Add(new FuzzAttribute("Actions", null, null, actions));
        foreach (var action in actions)
        {
            foreach (var player in new[] { "Player.Sally", "Player.Bob" })
            {
                var rows = Enumerable.Range(0, ns).Select(_ => (string?)string.Join(rng.Next(5) == 0 ? "   " : " ", Enumerable.Range(0, nb).Select(_ => Number(rng).Trim()))).ToList();
                d.Attributes.Add(new FuzzAttribute("Payoffs", player, action, rows));
            }
        }
        d.Attributes.Add(new FuzzAttribute("Prior", "Player.Sally", null, Distribution(rng, ns)));
        d.Attributes.Add(new FuzzAttribute("Prior", "Player.Bob", null, Distribution(rng, nb)));
        Shuffle(rng, d.Attributes);
        return d;
    }

    private static GameDeclaration Trade(Random rng)
    {
        var d = new GameDeclaration();
        Decorate(rng, d);
        int nc = rng.Next(1, 4), nv = rng.Next(1, 4);
        List<string?> Increasing(int n, int start) =>
            Enumerable.Range(0, n).Select(i => (string?)(rng.Next(6) == 0 ? (start + 2 * i) + "/2" : (start + 2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        d.Attributes.Add(new FuzzAttribute("BilateralTrade", null, null, Increasing(nv, 3), Increasing(nc, 0)));
        d.Attributes.Add(new FuzzAttribute("Prior", "Player.Sally", null, Distribution(rng, nc)));
        d.Attributes.Add(new FuzzAttribute("Prior", "Player.Bob", null, Distribution(rng, nv)));
        Shuffle(rng, d.Attributes);
        return d;
    }

    private static void Shuffle<T>(Random rng, List<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    // ---- mutations ----

    private static void Mutate(Random rng, GameDeclaration d)
    {
        var attrs = d.Attributes;
        FuzzAttribute? Any(params string[] kinds)
        {
            var matching = attrs.Where(a => kinds.Contains(a.Kind)).ToList();
            return matching.Count == 0 ? null : matching[rng.Next(matching.Count)];
        }
        List<string?>? AnyList()
        {
            var a = Any("Types", "Prior", "Actions", "Payoffs", "BilateralTrade");
            if (a is null) return null;
            return a.Kind == "BilateralTrade" && a.Values2 is not null && rng.Next(2) == 0 ? a.Values2 : a.Values;
        }
        switch (rng.Next(20))
        {
            case 0: // drop an attribute
                if (attrs.Count > 0) attrs.RemoveAt(rng.Next(attrs.Count));
                break;
            case 1: // repeat one
                if (Any("Types", "Prior", "Payoffs", "Actions") is { } repeated) attrs.Insert(rng.Next(attrs.Count + 1), repeated.Copy());
                break;
            case 2: // one entry more
                if (AnyList() is { } more) more.Insert(rng.Next(more.Count + 1), more.Count > 0 && rng.Next(2) == 0 ? more[rng.Next(more.Count)] : Number(rng));
                break;
            case 3: // one entry less
                if (AnyList() is { Count: > 0 } less) less.RemoveAt(rng.Next(less.Count));
                break;
            case 4: // a garbage number
            {
                if (AnyList() is { Count: > 0 } list) list[rng.Next(list.Count)] = Pick(rng, GarbageNumbers);
                break;
            }
            case 5: // garbage inside a payoff row
            {
                if (Any("Payoffs") is { Values.Count: > 0 } p)
                {
                    int i = rng.Next(p.Values.Count);
                    var entries = (p.Values[i] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                    if (entries.Count > 0) entries[rng.Next(entries.Count)] = Pick(rng, GarbageNumbers);
                    else entries.Add(Pick(rng, GarbageNumbers));
                    p.Values[i] = string.Join(" ", entries);
                }
                break;
            }
            case 6: // an odd name
            {
                if (Any("Types", "Actions") is { Values.Count: > 0 } names) names.Values[rng.Next(names.Values.Count)] = Pick(rng, OddNames);
                break;
            }
            case 7: // a duplicate name
            {
                if (Any("Types", "Actions") is { Values.Count: > 1 } names) names.Values[1] = names.Values[0];
                break;
            }
            case 8: // not a player, or the other player
                if (Any("Types", "Prior", "Payoffs") is { } a)
                    attrs[attrs.IndexOf(a)] = a with { Player = Pick(rng, ["(Player)7", "(Player)(-1)", "(Player)2", "Player.Sally", "Player.Bob", "(Player)1"]) };
                break;
            case 9: // payoffs for an unknown or null action
                if (Any("Payoffs") is { } pay) attrs[attrs.IndexOf(pay)] = pay with { Text = Pick(rng, ["Z", "", "a0", "A0 ", "A١"]) };
                else if (rng.Next(2) == 0) attrs.Add(new FuzzAttribute("Payoffs", "Player.Sally", null, ["1 2"]));
                break;
            case 10: // the game's name
                d.GameName = rng.Next(3) == 0 ? null : Pick(rng, OddNames);
                break;
            case 11: // the class's shape
                switch (rng.Next(4))
                {
                    case 0: d.Partial = false; break;
                    case 1: d.Generic = true; break;
                    case 2: d.Outer ??= "Outer"; d.OuterPartial = false; break;
                    default: d.Outer ??= "Outer"; d.OuterPartial = true; break;
                }
                break;
            case 12: // the class's name
                d.ClassName = Pick(rng, ClassNames);
                break;
            case 13: // mix the template with explicit declarations, or add a template to an explicit game
                if (attrs.Any(x => x.Kind == "BilateralTrade"))
                    attrs.Add(Pick(rng, ["Types", "Actions", "Payoffs"]) switch
                    {
                        "Types" => new FuzzAttribute("Types", "Player.Bob", null, ["x", "y"]),
                        "Actions" => new FuzzAttribute("Actions", null, null, ["price 3"]),
                        _ => new FuzzAttribute("Payoffs", "Player.Sally", "price 3", ["1 1"]),
                    });
                else attrs.Add(new FuzzAttribute("BilateralTrade", null, null, ["3", "6"], ["0"]));
                break;
            case 14: // template: values or costs out of order, missing or null
                if (Any("BilateralTrade") is { } t)
                {
                    var c = rng.Next(4);
                    attrs[attrs.IndexOf(t)] = c switch
                    {
                        0 => t with { Values = t.Values.AsEnumerable().Reverse().ToList() },
                        1 => t with { Values2 = null },
                        2 => t with { Text = rng.Next(2) == 0 ? "no-values" : "null-values" },
                        _ => t with { Values2 = (t.Values2 ?? []).Append(t.Values2?.FirstOrDefault() ?? "0").ToList() },
                    };
                }
                break;
            case 15: // a prior that does not sum to 1, or with a negative entry
                if (Any("Prior") is { Values.Count: > 0 } prior)
                    prior.Values[rng.Next(prior.Values.Count)] = Pick(rng, ["-1/2", "3/2", "1/3", "0", "1", "0.5", "-0"]);
                break;
            case 16: // null entries
                if (AnyList() is { Count: > 0 } nulls) nulls[rng.Next(nulls.Count)] = null;
                break;
            case 17: // empty lists
                if (AnyList() is { } empty) empty.Clear();
                break;
            case 18: // the title
                d.HasTitle = true;
                d.Title = Pick(rng, OddNames);
                break;
            default: // huge exact numbers everywhere in a row
                if (Any("Payoffs") is { Values.Count: > 0 } huge)
                {
                    int i = rng.Next(huge.Values.Count);
                    int count = (huge.Values[i] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                    huge.Values[i] = string.Join(" ", Enumerable.Range(0, count).Select(k => (k % 2 == 0 ? "-" : "") + new string((char)('1' + k % 9), 60) + "/" + new string('7', 59)));
                }
                break;
        }
    }
}
