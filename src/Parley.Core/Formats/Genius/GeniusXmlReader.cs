using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Parley.Core.Settlement;

namespace Parley.Core.Formats.Genius;

/// <summary>Options for reading GENIUS files.</summary>
public sealed record GeniusReadOptions
{
    /// <summary>How many evenly spaced points (bounds included) a real issue is cut into; at least 2.</summary>
    public int RealPoints { get; init; } = 11;
}

/// <summary>
/// Reads GENIUS 10.4 XML domains and profiles (the classic <c>utility_space</c> format). Semantics:
/// a discrete option's value is its <c>evaluation</c> ÷ the largest evaluation of its issue (all 0 when that is 0);
/// an integer issue's value is clamp(offset + slope·(x − lowerbound), 0, 1); a real issue's linear evaluator gives
/// clamp(parameter1·x + parameter0, 0, 1) and is sampled at the domain's discretised points; weights are the
/// <c>weight</c> elements matched to issues by <c>index</c>, used as given; the reservation value is
/// <c>&lt;reservation value&gt;</c> (0 when absent). The issue kind is read from <c>type</c>, <c>etype</c> or
/// <c>vtype</c>, which must agree when several are given; <c>cost</c> and discount factors are ignored.
/// Every problem is reported as a <see cref="GeniusFormatException"/> naming file, line and element; the size, depth and DTD
/// limits are <see cref="GeniusLimits"/>.
/// </summary>
public static class GeniusXmlReader
{
    /// <summary>Reads a domain file (or a profile, whose issues define the same space).</summary>
    public static OutcomeSpace ReadDomain(ReadOnlySpan<byte> bytes, string file, GeniusReadOptions? options = null)
    {
        options ??= new GeniusReadOptions();
        var objective = Objective(Load(bytes, file), file);
        var issues = new List<Issue>();
        foreach (var e in IssueElements(objective))
        {
            var name = Required(e, "name", file);
            try
            {
                issues.Add(Kind(e, file) switch
                {
                    IssueKind.Discrete => Issue.Discrete(name, Items(e, file).Select(i => Required(i, "value", file))),
                    IssueKind.Integer => Issue.Integer(name, (long)Number(e, "lowerbound", file), (long)Number(e, "upperbound", file)),
                    _ => Issue.RealDiscretised(name, RealBound(e, "lowerbound", file), RealBound(e, "upperbound", file), options.RealPoints),
                });
            }
            catch (ArgumentException x)
            {
                throw Error(e, file, x.Message, x);
            }
        }

        if (issues.Count == 0) throw Error(objective, file, "the objective has no issues");
        try
        {
            return new OutcomeSpace(issues);
        }
        catch (ArgumentException x)
        {
            throw Error(objective, file, x.Message, x);
        }
    }

    /// <summary>Reads a profile for <paramref name="party"/> over <paramref name="space"/>, matching issues by name and options by label.</summary>
    public static PreferenceProfile ReadProfile(ReadOnlySpan<byte> bytes, string file, OutcomeSpace space, string party)
    {
        ArgumentNullException.ThrowIfNull(space);
        var root = Load(bytes, file);
        var objective = Objective(root, file);
        var byName = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var e in IssueElements(objective))
            if (!byName.TryAdd(Required(e, "name", file), e)) throw Error(e, file, $"a second issue named '{e.Attribute("name")!.Value}'");
        var weights = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var w in objective.Descendants("weight"))
        {
            var index = Required(w, "index", file);
            if (!weights.TryAdd(index, w)) throw Error(w, file, $"a second weight for index {index}");
        }

        var ws = new double[space.Issues.Length];
        var values = new double[space.Issues.Length][];
        for (var i = 0; i < space.Issues.Length; i++)
        {
            var issue = space.Issues[i];
            if (!byName.Remove(issue.Name, out var e)) throw Error(objective, file, $"no issue named '{issue.Name}' (the domain has it)");
            var index = e.Attribute("index")?.Value ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!weights.TryGetValue(index, out var w)) throw Error(e, file, $"issue '{issue.Name}' (index {index}) has no weight element");
            ws[i] = Number(w, "value", file);
            values[i] = Values(e, issue, file);
        }

        if (byName.Count > 0)
        {
            var extra = byName.First();
            throw Error(extra.Value, file, $"issue '{extra.Key}' is not in the domain");
        }

        var reservation = root.DescendantsAndSelf("reservation").FirstOrDefault() is { } r ? Number(r, "value", file) : 0.0;
        try
        {
            return new PreferenceProfile(party, new UtilityFunction(ws, values), reservation);
        }
        catch (ArgumentException x)
        {
            throw Error(objective, file, x.Message, x);
        }
    }

    /// <summary>True when the file carries preferences (weights, evaluations or evaluators) rather than only a domain.</summary>
    public static bool IsProfile(ReadOnlySpan<byte> bytes, string file)
    {
        var root = Load(bytes, file);
        if (root.Name.LocalName == "negotiation_template") return false;
        return root.Descendants("weight").Any() || root.Descendants("evaluator").Any() ||
               root.Descendants("item").Any(i => i.Attribute("evaluation") is not null);
    }

    private static double[] Values(XElement e, Issue issue, string file)
    {
        var kind = Kind(e, file);
        if (kind != issue.Kind) throw Error(e, file, $"issue '{issue.Name}' is {kind} here but {issue.Kind} in the domain");
        if (kind == IssueKind.Discrete)
        {
            var evaluations = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var item in Items(e, file))
            {
                var label = Required(item, "value", file);
                var ev = Number(item, "evaluation", file);
                if (ev < 0) throw Error(item, file, $"evaluation {ev} of '{label}' is negative");
                if (!evaluations.TryAdd(label, ev)) throw Error(item, file, $"option '{label}' is listed twice");
            }

            foreach (var label in evaluations.Keys)
                if (issue.IndexOf(label) < 0) throw Error(e, file, $"option '{label}' is not an option of issue '{issue.Name}' in the domain");
            var max = evaluations.Values.DefaultIfEmpty(0).Max();
            return [.. issue.Options.Select(o => evaluations.TryGetValue(o, out var ev)
                ? (max > 0 ? ev / max : 0.0)
                : throw Error(e, file, $"option '{o}' of issue '{issue.Name}' has no evaluation"))];
        }

        var evaluator = e.Element("evaluator") ?? throw Error(e, file, $"issue '{issue.Name}' has no evaluator");
        var ftype = evaluator.Attribute("ftype")?.Value ?? "linear";
        if (kind == IssueKind.Integer)
        {
            if (ftype != "linear") throw Error(evaluator, file, $"integer evaluator type '{ftype}' is not supported (only linear)");
            var slope = Number(evaluator, "slope", file);
            var offset = Number(evaluator, "offset", file);
            var lower = e.Attribute("lowerbound") is not null ? Number(e, "lowerbound", file) : issue.Numbers[0];
            return [.. issue.Numbers.Select(x => Math.Clamp(offset + slope * (x - lower), 0, 1))];
        }

        return ftype switch
        {
            "linear" => [.. issue.Numbers.Select(x => Math.Clamp(Number(evaluator, "parameter1", file) * x + Number(evaluator, "parameter0", file), 0, 1))],
            "constant" => [.. issue.Numbers.Select(_ => Number(evaluator, "parameter0", file))],
            _ => throw Error(evaluator, file, $"real evaluator type '{ftype}' is not supported (linear or constant)"),
        };
    }

    private static XElement Load(ReadOnlySpan<byte> bytes, string file)
    {
        GeniusLimits.CheckSize(bytes, file);
        var text = GeniusText.Decode(bytes, file);
        GeniusLimits.CheckDepth(text, file);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), GeniusLimits.XmlSettings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root ?? throw new GeniusFormatException(file, 0, 0, null, "the file is empty");
        }
        catch (XmlException x) when (x.Message.Contains("DTD", StringComparison.Ordinal))
        {
            // The prohibition is raised without a position: the DOCTYPE is where the text says.
            var (line, column) = GeniusLimits.PositionOf(text, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal));
            throw new GeniusFormatException(file, line, column, "!DOCTYPE",
                "a DTD (<!DOCTYPE …>) is not allowed in a GENIUS file: Parley defines and expands no entities", x);
        }
        catch (XmlException x)
        {
            throw new GeniusFormatException(file, x.LineNumber, x.LinePosition, null, $"not well-formed XML: {x.Message}", x);
        }
    }

    private static XElement Objective(XElement root, string file)
    {
        var space = root.Name.LocalName == "utility_space" ? root : root.Descendants("utility_space").FirstOrDefault()
            ?? throw Error(root, file, "no utility_space element");
        return space.Element("objective") ?? throw Error(space, file, "no objective element");
    }

    private static IEnumerable<XElement> IssueElements(XElement objective) => objective.Descendants("issue");

    private static IEnumerable<XElement> Items(XElement issue, string file)
    {
        var items = issue.Elements("item").ToList();
        if (items.Count == 0) throw Error(issue, file, $"discrete issue '{issue.Attribute("name")?.Value}' has no item elements");
        return items;
    }

    private static IssueKind Kind(XElement e, string file)
    {
        var given = new[] { "type", "etype", "vtype" }.Select(a => e.Attribute(a)?.Value.Trim().ToLowerInvariant()).Where(v => !string.IsNullOrEmpty(v)).Distinct().ToList();
        if (given.Count > 1) throw Error(e, file, $"type, etype and vtype disagree ({string.Join(", ", given)})");
        var kind = given.Count == 1 ? given[0] : e.Elements("item").Any() ? "discrete" : null;
        return kind switch
        {
            "discrete" => IssueKind.Discrete,
            "integer" => IssueKind.Integer,
            "real" => IssueKind.RealDiscretised,
            null => throw Error(e, file, "the issue has no type, etype or vtype and no items"),
            _ => throw Error(e, file, $"issue type '{kind}' is not supported (discrete, integer or real)"),
        };
    }

    private static double RealBound(XElement issue, string attribute, string file) =>
        issue.Attribute(attribute) is not null ? Number(issue, attribute, file)
        : issue.Element("range") is { } range ? Number(range, attribute, file)
        : throw Error(issue, file, $"real issue has no {attribute} (attribute or range element)");

    private static string Required(XElement e, string attribute, string file) =>
        e.Attribute(attribute)?.Value ?? throw Error(e, file, $"missing attribute '{attribute}'");

    private static double Number(XElement e, string attribute, string file)
    {
        var text = Required(e, attribute, file);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw Error(e, file, $"attribute '{attribute}' is '{text}', not a number");
    }

    private static GeniusFormatException Error(XElement e, string file, string problem, Exception? inner = null)
    {
        var info = (IXmlLineInfo)e;
        return new GeniusFormatException(file, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, e.Name.LocalName, problem, inner);
    }
}
