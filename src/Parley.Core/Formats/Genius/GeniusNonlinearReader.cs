using System.Xml.Linq;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// Reads GENIUS 10.4 nonlinear profiles (<c>utility_space type="nonlinear"</c>, the ANAC 2014 domains). Semantics, as
/// GENIUS's <c>NonlinearUtilitySpace</c>: the objective's <c>&lt;utility maxutility="M"&gt;</c> holds one <c>ufun</c>;
/// a ufun holds <c>hyperRectangle</c>s and nested ufuns; a rectangle with <c>INCLUDES</c> bounds (issue <c>index</c>,
/// inclusive integer <c>min</c>..<c>max</c>) pays <c>utility</c>·<c>weight</c> when every bound holds, one with
/// <c>EXCLUDES</c> bounds when some bound fails, one with neither always; u = min(1, Σ / M). Weights default to 1; a
/// ufun's weight multiplies everything under it. Only the <c>sum</c> aggregation is read (every shipped file uses it);
/// <c>&lt;reservation value&gt;</c> (0 when absent) and <c>&lt;discount_factor value&gt;</c> (reported, not applied) as in
/// linear profiles. Bounds refer to integer issues by their <c>index</c>; a bound reaching past the issue's range is cut
/// to it. Every problem is a <see cref="SourceProblemException"/> with file, line and column.
/// </summary>
public static class GeniusNonlinearReader
{
    /// <summary>True when the file is a nonlinear profile.</summary>
    public static bool IsNonlinear(ReadOnlySpan<byte> bytes, string file) => GeniusXmlReader.IsNonlinear(GeniusXmlReader.Load(bytes, file, null));

    /// <summary>Reads the profile of <paramref name="party"/> over <paramref name="space"/> (issues matched by name through their index).</summary>
    /// <exception cref="SourceProblemException">The file cannot be read as a nonlinear profile over the space.</exception>
    public static NonlinearProfile ReadProfile(ReadOnlySpan<byte> bytes, string file, OutcomeSpace space, string party, ICollection<SourceProblem>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var root = GeniusXmlReader.Load(bytes, file, warnings);
        var objective = GeniusXmlReader.Objective(root, file);
        var positions = IssuePositions(objective, space, file);
        var utility = objective.Element("utility") ?? throw GeniusXmlReader.Error(objective, file, "a nonlinear profile needs a <utility maxutility=…> element under the objective");
        var max = GeniusXmlReader.Number(utility, "maxutility", file);
        var ufun = utility.Element("ufun") ?? throw GeniusXmlReader.Error(utility, file, "the utility has no <ufun>");
        var rectangles = new List<HyperRectangle>();
        Collect(ufun, 1.0, space, positions, file, rectangles, warnings);
        var reservation = (root.Element("reservation") ?? root.Descendants("reservation").FirstOrDefault()) is { } r ? GeniusXmlReader.Number(r, "value", file) : 0.0;
        var discount = (root.Element("discount_factor") ?? root.Descendants("discount_factor").FirstOrDefault()) is { } d ? GeniusXmlReader.Number(d, "value", file) : (double?)null;
        try
        {
            return new NonlinearProfile(party, new RectangleUtility(rectangles, max, space.Issues.Length), reservation, discount is > 0 and <= 1 ? discount : null);
        }
        catch (ArgumentException x)
        {
            throw GeniusXmlReader.Error(utility, file, x.Message, x);
        }
    }

    /// <summary>index attribute → position in the space, through the profile's own issue names (GENIUS addresses bounds by index).</summary>
    private static Dictionary<int, int> IssuePositions(XElement objective, OutcomeSpace space, string file)
    {
        var map = new Dictionary<int, int>();
        var issues = GeniusXmlReader.IssueElements(objective).ToList();
        if (issues.Count == 0)
        {
            for (var i = 0; i < space.Issues.Length; i++) map[i + 1] = i;
            return map;
        }

        foreach (var e in issues)
        {
            var name = GeniusXmlReader.Required(e, "name", file);
            var position = space.IndexOf(name);
            if (position < 0) throw GeniusXmlReader.Error(e, file, $"issue '{name}' is not in the domain");
            var index = (int)GeniusXmlReader.Number(e, "index", file);
            if (!map.TryAdd(index, position)) throw GeniusXmlReader.Error(e, file, $"a second issue with index {index}");
        }

        return map;
    }

    private static void Collect(XElement ufun, double weight, OutcomeSpace space, Dictionary<int, int> positions, string file, List<HyperRectangle> into, ICollection<SourceProblem>? warnings)
    {
        var aggregation = ufun.Attribute("aggregation")?.Value.Trim();
        if (aggregation is not null && !aggregation.Equals("sum", StringComparison.OrdinalIgnoreCase))
            throw GeniusXmlReader.Error(ufun, file, $"ufun aggregation '{aggregation}' is not supported (Parley reads 'sum', the aggregation of every GENIUS nonlinear domain)");
        if (ufun.Attribute("weight") is not null) weight *= GeniusXmlReader.Number(ufun, "weight", file);
        foreach (var e in ufun.Elements())
        {
            if (e.Name.LocalName == "ufun") Collect(e, weight, space, positions, file, into, warnings);
            else if (e.Name.LocalName == "hyperRectangle" && Rectangle(e, weight, space, positions, file, warnings) is { } r) into.Add(r);
        }
    }

    /// <summary>One rectangle; null when it can never apply (an inclusive bound that no option of its issue meets).</summary>
    private static HyperRectangle? Rectangle(XElement e, double weight, OutcomeSpace space, Dictionary<int, int> positions, string file, ICollection<SourceProblem>? warnings)
    {
        var utility = GeniusXmlReader.Number(e, "utility", file) * weight * (e.Attribute("weight") is null ? 1.0 : GeniusXmlReader.Number(e, "weight", file));
        var includes = e.Elements("INCLUDES").ToList();
        var excludes = e.Elements("EXCLUDES").ToList();
        if (includes.Count > 0 && excludes.Count > 0)
            warnings?.Add(new SourceProblem(file, Line(e), Column(e), "", "a hyperRectangle with both INCLUDES and EXCLUDES bounds; GENIUS uses the EXCLUDES bounds only, and so does Parley"));
        var kind = excludes.Count > 0 ? RectangleKind.Exclusive : RectangleKind.Inclusive;
        var bounds = new Dictionary<int, (int Lo, int Hi)>();
        foreach (var b in excludes.Count > 0 ? excludes : includes)
        {
            var index = (int)GeniusXmlReader.Number(b, "index", file);
            if (!positions.TryGetValue(index, out var position)) throw GeniusXmlReader.Error(b, file, $"no issue has index {index}");
            var issue = space.Issues[position];
            if (issue.Kind != IssueKind.Integer)
                throw GeniusXmlReader.Error(b, file, $"a rectangle bounds issue '{issue.Name}', which is {issue.Kind}; GENIUS nonlinear bounds apply to integer issues only");
            var min = GeniusXmlReader.Number(b, "min", file);
            var maxValue = GeniusXmlReader.Number(b, "max", file);
            var lower = issue.Numbers[0];
            // Clamped in double before the cast, so a bound like 1e300 cannot overflow.
            var lo = (int)Math.Clamp(Math.Ceiling(min - lower), 0, issue.Count);
            var hi = (int)Math.Clamp(Math.Floor(maxValue - lower), -1, issue.Count - 1);
            // GENIUS checks every bound on its own, so two bounds on one issue mean their intersection.
            bounds[position] = bounds.TryGetValue(position, out var had) ? (Math.Max(had.Lo, lo), Math.Min(had.Hi, hi)) : (lo, hi);
        }

        if (bounds.Values.Any(b => b.Lo > b.Hi))
            // No option meets some bound: an inclusive box is never entered, an exclusive one never left.
            return kind == RectangleKind.Inclusive ? null : new HyperRectangle(RectangleKind.Inclusive, utility, []);
        try
        {
            return new HyperRectangle(kind, utility, bounds.Select(kv => new IssueBound(kv.Key, kv.Value.Lo, kv.Value.Hi)));
        }
        catch (ArgumentException x)
        {
            throw GeniusXmlReader.Error(e, file, x.Message, x);
        }
    }

    private static int Line(XElement e) => ((System.Xml.IXmlLineInfo)e).LineNumber;

    private static int Column(XElement e) => ((System.Xml.IXmlLineInfo)e).LinePosition;
}
