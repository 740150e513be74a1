using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Parley.Core.Settlement;

namespace Parley.Core.Formats.Genius;

/// <summary>What a file found in a GENIUS domain folder is (<see cref="GeniusXmlReader.Classify"/>).</summary>
public enum GeniusFileKind
{
    /// <summary>Issues only: the domain.</summary>
    Domain,

    /// <summary>A linear (additive) profile: weights and evaluations.</summary>
    Profile,

    /// <summary>A nonlinear (hyperRectangle) profile.</summary>
    NonlinearProfile,

    /// <summary>Not XML but comma-separated utilities, like GENIUS's <c>pareto.xml</c>.</summary>
    ParetoSidecar,

    /// <summary>Well-formed XML that is not a GENIUS domain or profile.</summary>
    OtherXml,

    /// <summary>
    /// A GENIUS constraint profile (<c>utility_space type="constraint"</c>: option ranks and zero-outcome constraints under
    /// <c>&lt;rules&gt;</c>, GENIUS's <c>ConstraintUtilitySpace</c>); not read by Parley (<see cref="GeniusXmlReader.ConstraintSpaceRefusal"/>).
    /// </summary>
    ConstraintProfile,
}

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
/// Every problem is reported as a <see cref="SourceProblemException"/> naming file, line and element; the size, depth and DTD
/// limits are <see cref="GeniusLimits"/>.
/// </summary>
public static class GeniusXmlReader
{
    /// <summary>Reads a domain file (or a profile, whose issues define the same space).</summary>
    public static OutcomeSpace ReadDomain(ReadOnlySpan<byte> bytes, string file, GeniusReadOptions? options = null) =>
        ReadDomain(bytes, file, options, null);

    /// <summary>Reads a domain file, adding to <paramref name="warnings"/> what GENIUS accepts but is not clean.</summary>
    public static OutcomeSpace ReadDomain(ReadOnlySpan<byte> bytes, string file, GeniusReadOptions? options, ICollection<SourceProblem>? warnings)
    {
        options ??= new GeniusReadOptions();
        var objective = Objective(Load(bytes, file, warnings), file);
        var issues = new List<SettlementIssue>();
        foreach (var e in IssueElements(objective))
        {
            var name = Required(e, "name", file);
            try
            {
                issues.Add(Kind(e, file) switch
                {
                    IssueKind.Discrete => SettlementIssue.Discrete(name, Labels(e, name, file, warnings)),
                    IssueKind.Integer => SettlementIssue.Integer(name, (long)IntegerBound(e, "lowerbound", file, warnings), (long)IntegerBound(e, "upperbound", file, warnings)),
                    _ => SettlementIssue.RealDiscretised(name, RealBound(e, "lowerbound", file), RealBound(e, "upperbound", file), options.RealPoints),
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
    public static PreferenceProfile ReadProfile(ReadOnlySpan<byte> bytes, string file, OutcomeSpace space, string party) =>
        ReadProfile(bytes, file, space, party, null);

    /// <summary>Reads a profile, adding to <paramref name="warnings"/> what GENIUS accepts but is not clean.</summary>
    public static PreferenceProfile ReadProfile(ReadOnlySpan<byte> bytes, string file, OutcomeSpace space, string party, ICollection<SourceProblem>? warnings)
    {
        ArgumentNullException.ThrowIfNull(space);
        var root = Load(bytes, file, warnings);
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
            values[i] = Values(e, issue, file, warnings);
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

    /// <summary>
    /// What a file in a GENIUS folder is: a <c>pareto.xml</c>-style sidecar (not XML: comma-separated numbers), some other
    /// XML (its root neither <c>utility_space</c> nor <c>negotiation_template</c>), a domain, a linear or a nonlinear
    /// profile. XML that is not well-formed is not guessed at: it is refused as a GENIUS file.
    /// </summary>
    /// <exception cref="SourceProblemException">The file is XML (starts with <c>&lt;</c>) but cannot be read.</exception>
    public static GeniusFileKind Classify(ReadOnlySpan<byte> bytes, string file, ICollection<SourceProblem>? warnings = null)
    {
        if (GeniusParetoFile.Looks(bytes)) return GeniusFileKind.ParetoSidecar;
        var root = Load(bytes, file, warnings);
        if (root.Name.LocalName is not ("utility_space" or "negotiation_template") && root.Element("utility_space") is null) return GeniusFileKind.OtherXml;
        if (ConstraintSpace(root) is not null) return GeniusFileKind.ConstraintProfile;
        if (!IsProfile(root)) return GeniusFileKind.Domain;
        return IsNonlinear(root) ? GeniusFileKind.NonlinearProfile : GeniusFileKind.Profile;
    }

    /// <summary>
    /// Why a GENIUS constraint profile (<see cref="GeniusFileKind.ConstraintProfile"/>) is not read, located at its
    /// <c>utility_space</c> element: its utility is defined by option ranks and constraints, not by weights and
    /// evaluations (additive) or rectangles (nonlinear), the two kinds Parley settles.
    /// </summary>
    public static SourceProblemException ConstraintSpaceRefusal(ReadOnlySpan<byte> bytes, string file)
    {
        var root = Load(bytes, file, null);
        var space = ConstraintSpace(root) ?? throw new ArgumentException($"{file} is not a GENIUS constraint utility space", nameof(bytes));
        return Error(space, file,
            "a GENIUS constraint utility space (type=\"constraint\": option ranks and zero-outcome constraints, GENIUS's ConstraintUtilitySpace) is not supported; Parley settles additive (weights and evaluations) and nonlinear (hyperRectangle) profiles");
    }

    /// <summary>The <c>utility_space</c> element of a constraint profile (type="constraint", or ranks and constraints under <c>rules</c>), else null.</summary>
    private static XElement? ConstraintSpace(XElement root)
    {
        var space = root.Name.LocalName == "utility_space" ? root : root.Element("utility_space");
        if (space is null) return null;
        var typed = space.Attribute("type")?.Value.Trim().Equals("constraint", StringComparison.OrdinalIgnoreCase) == true;
        return typed || space.Descendants("rules").Any(r => r.Element("ranks") is not null || r.Element("constraints") is not null) ? space : null;
    }

    /// <summary>True when the file carries preferences (weights, evaluations or evaluators) rather than only a domain.</summary>
    public static bool IsProfile(ReadOnlySpan<byte> bytes, string file) => IsProfile(Load(bytes, file, null));

    /// <summary>True when <paramref name="root"/> carries preferences: weights, evaluations, evaluators or (nonlinear) a utility with rectangles.</summary>
    internal static bool IsProfile(XElement root)
    {
        if (root.Name.LocalName == "negotiation_template") return false;
        return root.Descendants("weight").Any() || root.Descendants("evaluator").Any() ||
               root.Descendants("item").Any(i => i.Attribute("evaluation") is not null) || IsNonlinear(root);
    }

    /// <summary>True for a GENIUS nonlinear (constraint) profile: <c>utility_space type="nonlinear"</c> or rectangles under a <c>utility</c>.</summary>
    internal static bool IsNonlinear(XElement root)
    {
        var space = root.Name.LocalName == "utility_space" ? root : root.Element("utility_space");
        return space?.Attribute("type")?.Value.Trim().Equals("nonlinear", StringComparison.OrdinalIgnoreCase) == true ||
               root.Descendants("hyperRectangle").Any();
    }

    private static double[] Values(XElement e, SettlementIssue issue, string file, ICollection<SourceProblem>? warnings)
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
                if (evaluations.TryGetValue(label, out var earlier))
                    warnings?.Add(Warning(item, file, $"option '{label}' of issue '{issue.Name}' is listed twice; the later evaluation ({ev.ToString(CultureInfo.InvariantCulture)}, not {earlier.ToString(CultureInfo.InvariantCulture)}) is kept, as GENIUS does"));
                evaluations[label] = ev;
            }

            foreach (var label in evaluations.Keys)
                if (issue.IndexOf(label) < 0) throw Error(e, file, $"option '{label}' is not an option of issue '{issue.Name}' in the domain");
            var max = evaluations.Values.DefaultIfEmpty(0).Max();
            return [.. issue.Options.Select(o => evaluations.TryGetValue(o, out var ev)
                ? (max > 0 ? ev / max : 0.0)
                : throw Error(e, file, $"option '{o}' of issue '{issue.Name}' has no evaluation"))];
        }

        BoundsAsInDomain(e, issue, file, warnings);
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

    /// <summary>
    /// A profile may restate a numeric issue's bounds (the 2nd-hand-car profiles give Price 16000..22666 and
    /// 13000..20600 where the domain says 13000..22666). GENIUS takes the issue from the domain; so does Parley, and
    /// says so when the profile's bounds differ.
    /// </summary>
    private static void BoundsAsInDomain(XElement e, SettlementIssue issue, string file, ICollection<SourceProblem>? warnings)
    {
        if (warnings is null || issue.Numbers.Length == 0) return;
        var range = e.Element("range");
        double? Bound(string a) => (e.Attribute(a) ?? range?.Attribute(a))?.Value is { } v &&
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;
        if (Bound("lowerbound") is not { } lo || Bound("upperbound") is not { } hi) return;
        if (lo == issue.Numbers[0] && hi == issue.Numbers[^1]) return;
        string N(double x) => x.ToString(CultureInfo.InvariantCulture);
        warnings.Add(Warning(e.Attribute("lowerbound") is null && range is not null ? range : e, file,
            $"issue '{issue.Name}' ranges {N(lo)}..{N(hi)} here but {N(issue.Numbers[0])}..{N(issue.Numbers[^1])} in the domain; the domain's range is used, as GENIUS does"));
    }

    internal static XElement Load(ReadOnlySpan<byte> bytes, string file, ICollection<SourceProblem>? warnings)
    {
        GeniusLimits.CheckSize(bytes, file);
        var text = LateDeclaration(GeniusText.Decode(bytes, file), file, warnings);
        GeniusLimits.CheckDepth(text, file);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), GeniusLimits.XmlSettings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root ?? throw new SourceProblemException(file, 0, 0, null, "the file is empty");
        }
        catch (XmlException x) when (x.Message.Contains("DTD", StringComparison.Ordinal))
        {
            // The prohibition is raised without a position: the DOCTYPE is where the text says.
            var (line, column) = GeniusLimits.PositionOf(text, text.IndexOf("<!DOCTYPE", StringComparison.Ordinal));
            throw new SourceProblemException(file, line, column, "!DOCTYPE",
                "a DTD (<!DOCTYPE …>) is not allowed in a GENIUS file: Parley defines and expands no entities", x);
        }
        catch (XmlException x)
        {
            throw new SourceProblemException(file, x.LineNumber, x.LinePosition, null, $"not well-formed XML: {x.Message}", x);
        }
    }

    /// <summary>
    /// GENIUS reads files whose XML declaration follows a comment or whitespace (the ANAC 2014 profiles start with
    /// <c>&lt;!-- profile 1 --&gt;</c>); XML forbids it. Such a declaration is blanked out (line and column numbers stay)
    /// and a warning given; a declaration after an element is left for the XML reader to refuse.
    /// </summary>
    private static string LateDeclaration(string text, string file, ICollection<SourceProblem>? warnings)
    {
        var at = text.IndexOf("<?xml", StringComparison.Ordinal);
        if (at <= 0) return text;
        var i = 0;
        while (i < at)
        {
            if (char.IsWhiteSpace(text[i])) i++;
            else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0 || end + 3 > at) return text;
                i = end + 3;
            }
            else return text;
        }

        var close = text.IndexOf("?>", at, StringComparison.Ordinal);
        if (close < 0) return text;
        var (line, column) = GeniusLimits.PositionOf(text, at);
        warnings?.Add(new SourceProblem(file, line, column, "",
            at == i && text[..at].Trim().Length == 0
                ? "whitespace before the XML declaration; read as GENIUS does"
                : "a comment before the XML declaration; read as GENIUS does"));
        var blank = text.Substring(at, close + 2 - at).Select(c => c is '\n' or '\r' ? c : ' ').ToArray();
        return string.Concat(text.AsSpan(0, at), new string(blank), text.AsSpan(close + 2));
    }

    internal static XElement Objective(XElement root, string file)
    {
        var space = root.Name.LocalName == "utility_space" ? root : root.Descendants("utility_space").FirstOrDefault()
            ?? throw Error(root, file, "no utility_space element");
        return space.Element("objective") ?? throw Error(space, file, "no objective element");
    }

    internal static IEnumerable<XElement> IssueElements(XElement objective) => objective.Descendants("issue");

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

    /// <summary>Distinct option labels of a discrete issue; a repeated label is read once (its first position) with a warning.</summary>
    private static List<string> Labels(XElement issue, string name, string file, ICollection<SourceProblem>? warnings)
    {
        var labels = new List<string>();
        foreach (var item in Items(issue, file))
        {
            var label = Required(item, "value", file);
            if (labels.Contains(label, StringComparer.Ordinal))
                warnings?.Add(Warning(item, file, $"option '{label}' of issue '{name}' is listed twice; it is one option, as in GENIUS"));
            else labels.Add(label);
        }

        return labels;
    }

    /// <summary>An integer issue's bound: the attribute, or (as GENIUS accepts, with a warning) a <c>&lt;range&gt;</c> child's.</summary>
    private static double IntegerBound(XElement issue, string attribute, string file, ICollection<SourceProblem>? warnings)
    {
        if (issue.Attribute(attribute) is not null) return Number(issue, attribute, file);
        if (issue.Element("range") is not { } range) throw Error(issue, file, $"integer issue has no {attribute} (attribute or range element)");
        var value = Number(range, attribute, file);
        if (attribute == "lowerbound")
            warnings?.Add(Warning(range, file, $"integer issue '{issue.Attribute("name")?.Value}' gives its bounds in a <range> element, not as lowerbound/upperbound attributes; read as GENIUS does"));
        return value;
    }

    private static double RealBound(XElement issue, string attribute, string file) =>
        issue.Attribute(attribute) is not null ? Number(issue, attribute, file)
        : issue.Element("range") is { } range ? Number(range, attribute, file)
        : throw Error(issue, file, $"real issue has no {attribute} (attribute or range element)");

    internal static string Required(XElement e, string attribute, string file) =>
        e.Attribute(attribute)?.Value ?? throw Error(e, file, $"missing attribute '{attribute}'");

    internal static double Number(XElement e, string attribute, string file)
    {
        var text = Required(e, attribute, file);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw Error(e, file, $"attribute '{attribute}' is '{text}', not a number");
    }

    private static SourceProblem Warning(XElement e, string file, string message)
    {
        var info = (IXmlLineInfo)e;
        return new SourceProblem(file, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, "", message);
    }

    internal static SourceProblemException Error(XElement e, string file, string problem, Exception? inner = null)
    {
        var info = (IXmlLineInfo)e;
        return new SourceProblemException(file, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0, e.Name.LocalName, problem, inner);
    }
}
