using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Parley.Core.Settlement;

namespace Parley.Core.Formats.Genius;

/// <summary>
/// Writes an outcome space and additive profiles as GENIUS XML (UTF-8 with a declaration), so that
/// <see cref="GeniusXmlReader"/> reads back the same utility for every package.
/// </summary>
/// <remarks>
/// Every issue is written as a discrete issue (GENIUS has no tabular evaluator for integer or real issues; the labels
/// keep the numbers). Because GENIUS divides each evaluation by its issue's largest, an issue with values vᵢ and weight
/// wᵢ is written as evaluations vᵢ/max v and weight wᵢ·max v, which gives the same wᵢ·vᵢ. GENIUS cannot express
/// negative option values, interactions, cross-issue constraints or red lines: a profile with any of them is refused
/// rather than silently changed.
/// </remarks>
public static class GeniusXmlWriter
{
    /// <summary>The domain file.</summary>
    public static string WriteDomain(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var objective = new XElement("objective", new XAttribute("index", 0), new XAttribute("etype", "objective"),
            new XAttribute("type", "objective"), new XAttribute("description", ""), new XAttribute("name", "root"));
        for (var i = 0; i < space.Issues.Length; i++)
        {
            var issue = space.Issues[i];
            objective.Add(IssueElement(issue, i, o => new XElement("item", new XAttribute("index", o + 1), new XAttribute("value", issue.Options[o]))));
        }

        return Serialize(new XElement("negotiation_template",
            new XElement("utility_space", new XAttribute("number_of_issues", space.Issues.Length), objective)));
    }

    /// <summary>One profile file.</summary>
    /// <exception cref="ArgumentException">The profile uses something GENIUS cannot express, or does not fit the space.</exception>
    public static string WriteProfile(OutcomeSpace space, PreferenceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(profile);
        new SettlementProblem(space, [profile]);
        if (!profile.Utility.Interactions.IsEmpty) throw new ArgumentException($"Party '{profile.Party}' has interaction terms, which GENIUS cannot express.", nameof(profile));
        if (!profile.Constraints.IsEmpty) throw new ArgumentException($"Party '{profile.Party}' has cross-issue constraints, which GENIUS cannot express.", nameof(profile));
        if (!profile.RedLines.IsEmpty) throw new ArgumentException($"Party '{profile.Party}' has red lines, which GENIUS cannot express.", nameof(profile));

        var objective = new XElement("objective", new XAttribute("index", 0), new XAttribute("etype", "objective"),
            new XAttribute("type", "objective"), new XAttribute("description", ""), new XAttribute("name", "root"));
        var weights = new List<XElement>();
        for (var i = 0; i < space.Issues.Length; i++)
        {
            var values = profile.Utility.Values[i];
            if (values.Any(v => v < 0)) throw new ArgumentException($"Party '{profile.Party}' gives a negative value on issue '{space.Issues[i].Name}', which GENIUS cannot express.", nameof(profile));
            var max = values.Max();
            objective.Add(IssueElement(space.Issues[i], i, o => new XElement("item", new XAttribute("index", o + 1),
                new XAttribute("value", space.Issues[i].Options[o]), new XAttribute("evaluation", Number(max > 0 ? values[o] / max : 0)))));
            weights.Add(new XElement("weight", new XAttribute("index", i + 1), new XAttribute("value", Number(profile.Utility.Weights[i] * (max > 0 ? max : 1)))));
        }

        objective.Add(weights);
        return Serialize(new XElement("utility_space",
            objective,
            new XElement("reservation", new XAttribute("value", Number(profile.Reservation)))));
    }

    private static XElement IssueElement(SettlementIssue issue, int i, Func<int, XElement> item) =>
        new("issue", new XAttribute("index", i + 1), new XAttribute("etype", "discrete"), new XAttribute("type", "discrete"),
            new XAttribute("vtype", "discrete"), new XAttribute("name", issue.Name),
            Enumerable.Range(0, issue.Count).Select(item));

    private static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Serialize(XElement root)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = true }))
            new XDocument(root).Save(w);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text + "\n";
    }
}
