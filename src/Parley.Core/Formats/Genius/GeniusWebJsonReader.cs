using System.Globalization;
using System.Text.Json;
using Parley.Core.Settlement;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// Reads a GeniusWeb <c>LinearAdditiveUtilitySpace</c> JSON profile with its embedded domain. Semantics as GeniusWeb:
/// u = Σ issueWeights[i]·uᵢ(value); <c>DiscreteValueSetUtilities</c> (or <c>discreteutils</c>) maps each value to its utility (an unlisted value
/// is worth 0); <c>NumberValueSetUtilities</c> (or <c>numberutils</c>) interpolates linearly from (lowValue, lowUtility) to (highValue,
/// highUtility) and is 0 outside; a <c>range</c> value set lists low, low + step, … up to high. The reservation value is
/// the utility of <c>reservationBid</c> (0 when absent). Errors name the file, the line (for malformed JSON) and the
/// JSON path. Size and depth are capped by <see cref="GeniusLimits"/>.
/// </summary>
public static class GeniusWebJsonReader
{
    /// <summary>The outcome space of the embedded domain and the profile over it.</summary>
    public static (OutcomeSpace Space, PreferenceProfile Profile) Read(ReadOnlySpan<byte> json, string file, string? party = null)
    {
        JsonDocument doc;
        try
        {
            GeniusLimits.CheckSize(json, file);
            CheckUtf8(json, file);
            doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = GeniusLimits.MaxDepth });
        }
        catch (JsonException x)
        {
            throw new SourceProblemException(file, (int)(x.LineNumber ?? -1) + 1, (int)(x.BytePositionInLine ?? -1) + 1, null, $"not valid JSON: {x.Message}", x);
        }

        using (doc)
        {
            var root = Get(doc.RootElement, "LinearAdditiveUtilitySpace", file, "$");
            const string at = "$.LinearAdditiveUtilitySpace";
            var issuesValues = Get(Get(root, "domain", file, at), "issuesValues", file, at + ".domain");
            var issues = new List<SettlementIssue>();
            foreach (var issue in Members(issuesValues, file, at + ".domain.issuesValues"))
            {
                var path = $"{at}.domain.issuesValues.{issue.Name}";
                try
                {
                    issues.Add(Object(issue.Value, file, path).TryGetProperty("values", out var values)
                        ? SettlementIssue.Discrete(issue.Name, Items(values, file, path + ".values").Select(v => Label(v, file, path)))
                        : Range(issue.Name, Get(issue.Value, "range", file, path), file, path));
                }
                catch (ArgumentException x)
                {
                    throw new SourceProblemException(file, 0, 0, path, x.Message, x);
                }
            }

            if (issues.Count == 0) throw new SourceProblemException(file, 0, 0, at + ".domain.issuesValues", "the domain has no issues");
            var space = Build(() => new OutcomeSpace(issues), file, at + ".domain");
            var utilities = Get(root, "issueUtilities", file, at);
            var weightsElement = Get(root, "issueWeights", file, at);
            var weights = new double[issues.Count];
            var values2 = new double[issues.Count][];
            for (var i = 0; i < issues.Count; i++)
            {
                var name = issues[i].Name;
                weights[i] = Number(Get(weightsElement, name, file, at + ".issueWeights"), file, $"{at}.issueWeights.{name}");
                values2[i] = Values(issues[i], Get(utilities, name, file, at + ".issueUtilities"), file, $"{at}.issueUtilities.{name}");
            }

            var function = Build(() => new UtilityFunction(weights, values2), file, at + ".issueWeights");
            var reservation = 0.0;
            if (root.TryGetProperty("reservationBid", out var bid) && bid.ValueKind == JsonValueKind.Object)
            {
                var chosen = Get(bid, "issuevalues", file, at + ".reservationBid");
                var labels = Members(chosen, file, at + ".reservationBid.issuevalues").ToDictionary(p => p.Name, p => Label(p.Value, file, at + ".reservationBid.issuevalues." + p.Name));
                try
                {
                    reservation = function.Evaluate(space.OutcomeOf(labels));
                }
                catch (ArgumentException x)
                {
                    throw new SourceProblemException(file, 0, 0, at + ".reservationBid", x.Message, x);
                }
            }

            var name2 = party ?? (root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : Path.GetFileNameWithoutExtension(file));
            return (space, Build(() => new PreferenceProfile(name2, function, reservation), file, at));
        }
    }

    /// <summary>JSON is UTF-8: a file that is not is refused at its first bad byte (System.Text.Json would only notice
    /// when a string holding it is read, and not with a position).</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> json, string file)
    {
        var buffer = new char[Math.Min(json.Length, 4096)];
        var done = 0;
        while (done < json.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(json[done..], buffer, out var read, out _, replaceInvalidSequences: false);
            done += read;
            if (status is System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData)
            {
                var before = json[..done];
                var line = before.Count((byte)'\n') + 1;
                var column = done - (before.LastIndexOf((byte)'\n') + 1) + 1;
                throw new SourceProblemException(file, line, column, null, $"byte 0x{json[done]:X2} is not UTF-8; a GeniusWeb JSON file is UTF-8 text");
            }
        }
    }

    /// <summary>
    /// An issue's value utilities. GeniusWeb writes the value-set kind under its class name in early files
    /// (<c>DiscreteValueSetUtilities</c>, <c>NumberValueSetUtilities</c>) and under its JSON type name in the profiles
    /// it serves (<c>discreteutils</c>, <c>numberutils</c>); both are the same object and both are read.
    /// </summary>
    private static double[] Values(SettlementIssue issue, JsonElement e, string file, string path)
    {
        if (Kind(Object(e, file, path), "DiscreteValueSetUtilities", "discreteutils") is (var dk, var d))
        {
            var p = $"{path}.{dk}";
            var map = Get(d, "valueUtilities", file, p);
            var known = Members(map, file, p + ".valueUtilities").ToDictionary(m => m.Name, m => Number(m.Value, file, $"{p}.valueUtilities.{m.Name}"));
            return [.. issue.Options.Select(o => known.GetValueOrDefault(o))];
        }

        if (Kind(e, "NumberValueSetUtilities", "numberutils") is (var rk, var r))
        {
            var p = $"{path}.{rk}";
            double lv = Number(Get(r, "lowValue", file, p), file, p + ".lowValue"), lu = Number(Get(r, "lowUtility", file, p), file, p + ".lowUtility");
            double hv = Number(Get(r, "highValue", file, p), file, p + ".highValue"), hu = Number(Get(r, "highUtility", file, p), file, p + ".highUtility");
            if (issue.Numbers.IsEmpty) throw new SourceProblemException(file, 0, 0, p, $"issue '{issue.Name}' has no numbers to interpolate");
            return [.. issue.Numbers.Select(x => x < lv || x > hv ? 0 : hv == lv ? lu : lu + (hu - lu) * (x - lv) / (hv - lv))];
        }

        throw new SourceProblemException(file, 0, 0, path, "expected DiscreteValueSetUtilities (discreteutils) or NumberValueSetUtilities (numberutils)");
    }

    /// <summary>The member named by the class name or by the JSON type name, with the name it was found under.</summary>
    private static (string Name, JsonElement Value)? Kind(JsonElement e, string className, string typeName) =>
        e.TryGetProperty(className, out var v) ? (className, v) : e.TryGetProperty(typeName, out v) ? (typeName, v) : null;

    private static SettlementIssue Range(string name, JsonElement range, string file, string path)
    {
        var low = Number(Get(range, "low", file, path + ".range"), file, path + ".range.low");
        var high = Number(Get(range, "high", file, path + ".range"), file, path + ".range.high");
        var step = Number(Get(range, "step", file, path + ".range"), file, path + ".range.step");
        if (!(step > 0) || high < low) throw new SourceProblemException(file, 0, 0, path + ".range", "the range needs low ≤ high and a positive step");
        var steps = (high - low) / step;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-9 || steps > 1_000_000) throw new SourceProblemException(file, 0, 0, path + ".range", "the step does not divide the range into at most a million parts");
        return low == Math.Floor(low) && step == 1 ? SettlementIssue.Integer(name, (long)low, (long)high) : SettlementIssue.RealDiscretised(name, low, high, (int)Math.Round(steps) + 1);
    }

    /// <summary>Builds a model value; its broken invariant (<see cref="ArgumentException"/>) becomes the file's error at <paramref name="path"/>.</summary>
    private static T Build<T>(Func<T> build, string file, string path)
    {
        try
        {
            return build();
        }
        catch (ArgumentException x)
        {
            throw new SourceProblemException(file, 0, 0, path, x.Message, x);
        }
    }

    private static JsonElement Object(JsonElement e, string file, string path) =>
        e.ValueKind == JsonValueKind.Object ? e : throw new SourceProblemException(file, 0, 0, path, $"expected an object, found {e.ValueKind}");

    /// <summary>The members of an object; a name given twice is refused (JSON allows it; a profile cannot mean both).</summary>
    private static List<JsonProperty> Members(JsonElement e, string file, string path)
    {
        var members = Object(e, file, path).EnumerateObject().ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
            if (!seen.Add(m.Name)) throw new SourceProblemException(file, 0, 0, path, $"'{m.Name}' is given twice");
        return members;
    }

    private static JsonElement.ArrayEnumerator Items(JsonElement e, string file, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new SourceProblemException(file, 0, 0, path, $"expected a list, found {e.ValueKind}");

    private static JsonElement Get(JsonElement e, string property, string file, string path) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) ? v
        : throw new SourceProblemException(file, 0, 0, path, $"missing '{property}'");

    private static double Number(JsonElement e, string file, string path) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : throw new SourceProblemException(file, 0, 0, path, $"expected a number, found {e.ValueKind}");

    private static string Label(JsonElement e, string file, string path) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => throw new SourceProblemException(file, 0, 0, path, $"expected a value, found {e.ValueKind}"),
    };
}
