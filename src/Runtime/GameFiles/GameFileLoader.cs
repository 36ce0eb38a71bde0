using System.Globalization;
using System.Numerics;
using System.Text.Json;
using BilateralTrade.Dsl.Games;
using BilateralTrade.Dsl.Numerics;

namespace BilateralTrade.Dsl.GameFiles;

/// <summary>
/// Reads a game file (GAME-FILES.md): the full format or the bilateral-trade shorthand, with exact
/// numbers only. Every problem is a <see cref="GameFileException"/> naming the file, the place in it
/// and what is wrong; the first problem found is reported.
/// </summary>
public static class GameFileLoader
{
    private const string TopLevel = "top level";

    private static readonly string[] FullFields = ["name", "title", "sally", "bob", "actions", "payoffs"];
    private static readonly string[] TradeFields = ["name", "title", "bilateralTrade", "sally", "bob"];
    private static readonly string[] FullPlayerFields = ["types", "prior"];
    private static readonly string[] TradePlayerFields = ["prior"];
    private static readonly string[] TradeTermsFields = ["costs", "values"];
    private static readonly string[] PayoffFields = ["sally", "bob"];

    /// <summary>
    /// The largest game file read: 16 MiB. Real game files are a few kilobytes; the cap keeps a wrong
    /// path (a device such as /dev/zero, a huge log) from exhausting memory.
    /// </summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Reads and checks the game file at <paramref name="path"/>; errors name the path as given.</summary>
    public static GameDefinition Load(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path)) throw new GameFileException(path, "file", "is a directory, not a game file");
            text = ReadCapped(path);
        }
        catch (FileNotFoundException) { throw new GameFileException(path, "file", "no such file"); }
        catch (DirectoryNotFoundException) { throw new GameFileException(path, "file", "no such file (its directory does not exist)"); }
        catch (UnauthorizedAccessException) { throw new GameFileException(path, "file", "permission denied"); }
        catch (IOException e) { throw new GameFileException(path, "file", "cannot be read: " + OneLine(e.Message)); }
        return LoadFromText(text, path);
    }

    /// <summary>
    /// The file's text, as File.ReadAllText decodes it (UTF-8 unless a byte order mark says otherwise),
    /// reading at most <see cref="MaxFileBytes"/> + 1 bytes. A file whose size is known to be larger is
    /// refused before reading; anything that gives more bytes than the cap when read (a device such as
    /// /dev/zero or /dev/urandom, whose size reads as 0, or a file growing meanwhile) is refused as not
    /// a regular file of at most the cap. .NET cannot tell a device from a regular file without
    /// platform calls, so the cap on what is read is the guarantee. (Pipes, e.g. bash's &lt;(…), are read
    /// under the same cap.)
    /// </summary>
    private static string ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > MaxFileBytes)
            throw new GameFileException(path, "file", $"is {stream.Length} bytes; a game file may have at most {MaxFileBytes} bytes (16 MiB)");
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxFileBytes + 1L - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
                throw new GameFileException(path, "file", $"gives more than {MaxFileBytes} bytes (16 MiB) when read: not a regular game file (a device such as /dev/zero?)");
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and checks a game given as JSON text; <paramref name="sourceName"/> starts every error message.</summary>
    public static GameDefinition LoadFromText(string json, string sourceName)
    {
        // A UTF-8 byte order mark is skipped, as File.ReadAllText does, so text and file give the same answer.
        if (json is { Length: > 0 } && json[0] == '\uFEFF') json = json.Substring(1);
        if (string.IsNullOrWhiteSpace(json)) throw new GameFileException(sourceName, TopLevel, "the file is empty; expected a JSON object describing one game");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}"
                : "text";
            throw new GameFileException(sourceName, where, "not valid JSON: " + JsonProblem(e.Message));
        }
        using (document)
        {
            return new Reader(sourceName).ReadGame(document.RootElement);
        }
    }

    /// <summary>System.Text.Json's message without its own position suffix (we give the position in front).</summary>
    private static string JsonProblem(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message.Substring(0, cut);
        message = OneLine(message).TrimEnd();
        return message.EndsWith('.') ? message.Substring(0, message.Length - 1) : message;
    }

    private static string OneLine(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private sealed class Reader(string file)
    {
        private GameFileException Error(string location, string problem) => new(file, location, problem);

        public GameDefinition ReadGame(JsonElement root)
        {
            ExpectKind(root, JsonValueKind.Object, TopLevel, "a JSON object describing one game");
            bool shorthand = root.TryGetProperty("bilateralTrade", out _);
            var fields = CheckFields(root, TopLevel, shorthand ? TradeFields : FullFields,
                shorthand ? "with \"bilateralTrade\" the types and actions are derived, so" : null);

            var name = ReadString(Required(fields, "name", TopLevel), "name");
            string? title = fields.TryGetValue("title", out var titleElement) ? ReadString(titleElement, "title") : null;

            GameDefinition game = shorthand ? ReadTrade(fields, name, title) : ReadFull(fields, name, title);
            var problems = game.Validate();
            if (problems.Count > 0)
            {
                var first = problems[0];
                throw Error(first.Location.Length == 0 ? TopLevel : first.Location, first.Message);
            }
            return game;
        }

        private GameDefinition ReadFull(Dictionary<string, JsonElement> fields, string name, string? title)
        {
            var sally = CheckFields(Required(fields, "sally", TopLevel), "sally", FullPlayerFields, null);
            var bob = CheckFields(Required(fields, "bob", TopLevel), "bob", FullPlayerFields, null);
            var sallyTypes = ReadStrings(Required(sally, "types", "sally"), "sally.types");
            var bobTypes = ReadStrings(Required(bob, "types", "bob"), "bob.types");
            if (sallyTypes.Length == 0) throw Error("sally.types", "expected at least one type");
            if (bobTypes.Length == 0) throw Error("bob.types", "expected at least one type");
            var sallyPrior = ReadNumbers(Required(sally, "prior", "sally"), "sally.prior");
            var bobPrior = ReadNumbers(Required(bob, "prior", "bob"), "bob.prior");

            var actions = ReadStrings(Required(fields, "actions", TopLevel), "actions");
            if (actions.Length == 0) throw Error("actions", "expected at least one action");
            var duplicate = actions.Select((a, i) => (a, i)).GroupBy(x => x.a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw Error($"actions[{duplicate.ElementAt(1).i}]", $"duplicate action name \"{duplicate.Key}\"");

            var payoffsElement = Required(fields, "payoffs", TopLevel);
            var payoffs = CheckFields(payoffsElement, "payoffs", actions, null, "an action named in \"actions\"");
            var sallyTable = new Rational[actions.Length][][];
            var bobTable = new Rational[actions.Length][][];
            for (int a = 0; a < actions.Length; a++)
            {
                var location = "payoffs." + actions[a];
                if (!payoffs.TryGetValue(actions[a], out var actionElement))
                    throw Error("payoffs", $"missing the payoffs of action \"{actions[a]}\"");
                var pair = CheckFields(actionElement, location, PayoffFields, null);
                sallyTable[a] = ReadTable(Required(pair, "sally", location), location + ".sally", sallyTypes.Length, bobTypes.Length);
                bobTable[a] = ReadTable(Required(pair, "bob", location), location + ".bob", sallyTypes.Length, bobTypes.Length);
            }
            return new GameDefinition(name, title, sallyTypes, bobTypes, actions, sallyTable, bobTable, sallyPrior, bobPrior);
        }

        private GameDefinition ReadTrade(Dictionary<string, JsonElement> fields, string name, string? title)
        {
            const string why = "in the bilateral-trade shorthand the types are the costs and values, so";
            var terms = CheckFields(fields["bilateralTrade"], "bilateralTrade", TradeTermsFields, null);
            var costs = ReadNumbers(Required(terms, "costs", "bilateralTrade"), "bilateralTrade.costs");
            var values = ReadNumbers(Required(terms, "values", "bilateralTrade"), "bilateralTrade.values");
            RequireIncreasing(costs, "bilateralTrade.costs", "costs");
            RequireIncreasing(values, "bilateralTrade.values", "values");

            var sally = CheckFields(Required(fields, "sally", TopLevel), "sally", TradePlayerFields, why);
            var bob = CheckFields(Required(fields, "bob", TopLevel), "bob", TradePlayerFields, why);
            var sallyPrior = ReadNumbers(Required(sally, "prior", "sally"), "sally.prior");
            var bobPrior = ReadNumbers(Required(bob, "prior", "bob"), "bob.prior");
            RequireCount(sallyPrior.Length, costs.Length, "sally.prior", "cost");
            RequireCount(bobPrior.Length, values.Length, "bob.prior", "value");
            return GameDefinition.CreateBilateralTrade(name, title, costs, values, sallyPrior, bobPrior);
        }

        private void RequireIncreasing(Rational[] numbers, string location, string what)
        {
            if (numbers.Length == 0) throw Error(location, $"expected at least one entry");
            for (int i = 1; i < numbers.Length; i++)
            {
                if (numbers[i] <= numbers[i - 1])
                    throw Error($"{location}[{i}]", $"{what} must be strictly increasing, got {numbers[i]} after {numbers[i - 1]}");
            }
        }

        private void RequireCount(int count, int expected, string location, string perWhat)
        {
            if (count != expected) throw Error(location, $"expected {expected} entries (one per {perWhat}), got {count}");
        }

        private Rational[][] ReadTable(JsonElement element, string location, int rows, int columns)
        {
            ExpectKind(element, JsonValueKind.Array, location, "an array of rows, one per Sally type");
            if (element.GetArrayLength() != rows)
                throw Error(location, $"expected {rows} rows (one per Sally type), got {element.GetArrayLength()}");
            var table = new Rational[rows][];
            int i = 0;
            foreach (var row in element.EnumerateArray())
            {
                var rowLocation = $"{location}[{i}]";
                ExpectKind(row, JsonValueKind.Array, rowLocation, "an array of numbers, one per Bob type");
                if (row.GetArrayLength() != columns)
                    throw Error(rowLocation, $"expected {columns} entries (one per Bob type), got {row.GetArrayLength()}");
                table[i] = ReadNumbers(row, rowLocation);
                i++;
            }
            return table;
        }

        private string[] ReadStrings(JsonElement element, string location)
        {
            ExpectKind(element, JsonValueKind.Array, location, "an array of names");
            var result = new string[element.GetArrayLength()];
            int i = 0;
            foreach (var item in element.EnumerateArray())
            {
                result[i] = ReadString(item, $"{location}[{i}]");
                i++;
            }
            return result;
        }

        private string ReadString(JsonElement element, string location)
        {
            ExpectKind(element, JsonValueKind.String, location, "a string");
            return element.GetString()!;
        }

        private Rational[] ReadNumbers(JsonElement element, string location)
        {
            ExpectKind(element, JsonValueKind.Array, location, "an array of exact numbers");
            var result = new Rational[element.GetArrayLength()];
            int i = 0;
            foreach (var item in element.EnumerateArray())
            {
                result[i] = ReadNumber(item, $"{location}[{i}]");
                i++;
            }
            return result;
        }

        private Rational ReadNumber(JsonElement element, string location)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    if (Rational.TryParse(element.GetString(), out var value, out var error)) return value;
                    throw Error(location, error);
                case JsonValueKind.Number:
                    var raw = element.GetRawText();
                    if (raw.IndexOfAny(['.', 'e', 'E']) >= 0)
                        throw Error(location, $"{raw} is a JSON number with a fraction part or exponent, which is not exact; write it as a string such as \"{raw}\" or \"n/d\"");
                    return BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                default:
                    throw Error(location, $"expected an exact number (a string such as \"1/3\" or a JSON integer), got {Describe(element.ValueKind)}");
            }
        }

        private void ExpectKind(JsonElement element, JsonValueKind kind, string location, string what)
        {
            if (element.ValueKind != kind) throw Error(location, $"expected {what}, got {Describe(element.ValueKind)}");
        }

        private JsonElement Required(Dictionary<string, JsonElement> fields, string name, string location)
        {
            if (fields.TryGetValue(name, out var value)) return value;
            throw Error(location, $"missing field \"{name}\"");
        }

        /// <summary>The object's fields by name; unknown or repeated fields are errors.</summary>
        private Dictionary<string, JsonElement> CheckFields(JsonElement element, string location, IReadOnlyList<string> allowed,
            string? reason, string? allowedWhat = null)
        {
            ExpectKind(element, JsonValueKind.Object, location, "a JSON object");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var here = location == TopLevel ? property.Name : location + "." + property.Name;
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    var names = string.Join(", ", allowed.Select(a => "\"" + a + "\""));
                    var problem = allowedWhat is not null
                        ? $"unknown field: expected {allowedWhat} ({names})"
                        : reason is not null
                            ? $"unknown field: {reason} only {names} may appear here"
                            : $"unknown field: expected one of {names}";
                    throw Error(here, problem);
                }
                if (!fields.TryAdd(property.Name, property.Value)) throw Error(here, "field given twice");
            }
            return fields;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
