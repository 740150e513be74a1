using System.Globalization;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// The <c>preferences</c> section: one <see cref="PartyPreferences"/> per party (docs/scenario-format.md,
/// "Preference profiles"). Read after every other section, since a profile only names parties, issues and options.
/// </summary>
internal static class ScenarioPreferences
{
    private static readonly string[] ItemFields = ["party", "reservation", "issues", "red_lines", "constraints", "interactions", "note", "visibility"];

    /// <summary>Reads the section's items; a bad item is reported and left out (the whole file is then refused).</summary>
    public static IReadOnlyList<PartyPreferences> Read(ReadContext ctx, IReadOnlyList<(YamlNode Node, string Path)> items, Negotiation n)
    {
        var profiles = new List<PartyPreferences>();
        var firstAt = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ItemFields) is not { } f) continue;
            var party = f.Id("party", required: true);
            if (party is not null && !firstAt.TryAdd(party, path))
                f.Fail(f.Locate("party"), f.Sub("party"), $"party '{party}' already has a profile (at {firstAt[party]})");
            var reservation = f.Number("reservation") ?? 0;
            var issues = new List<IssuePreference>();
            foreach (var (issue, value, p) in f.IdMap("issues", required: true))
                if (IssueOf(f, issue, value, p) is { } made) issues.Add(made);
            var redLines = new List<OptionKey>();
            foreach (var (issue, value, p) in f.IdMap("red_lines"))
            {
                if (value is not YamlSequenceNode seq) { f.Fail(value.Start, p, $"expected a list of option ids, found {Fields.Describe(value)}"); continue; }
                for (var k = 0; k < seq.Children.Count; k++)
                    if (f.AsId(seq.Children[k], $"{p}[{k}]") is { } option) redLines.Add(new OptionKey(issue, option));
            }
            var constraints = new List<PreferenceConstraint>();
            foreach (var (cn, cp) in f.List("constraints"))
                if (ConstraintOf(f, cn, cp) is { } made) constraints.Add(made);
            var interactions = new List<PreferenceInteraction>();
            foreach (var (tn, tp) in f.List("interactions"))
                if (InteractionOf(f, tn, tp) is { } made) interactions.Add(made);
            var note = f.Text("note") ?? "";
            Visibility? visibility = f.Has("visibility") ? f.Visibility() : null;
            var profile = f.Build(() => new PartyPreferences(party!, issues, reservation, redLines, constraints, interactions, note, visibility));
            if (profile is null) continue;
            try
            {
                profile.CheckAgainst(n);
                profiles.Add(profile);
            }
            catch (RuleRefusal ex)
            {
                f.Refused(ex);
            }
        }
        return profiles;
    }

    /// <summary>Writes the section (nothing when there are no profiles); defaults — reservation 0, private visibility — left out.</summary>
    public static void Write(YamlOut y, IReadOnlyList<PartyPreferences> profiles)
    {
        if (profiles.Count == 0) return;
        y.Key("preferences").BeginList();
        foreach (var p in profiles)
        {
            y.BeginMap().Field("party", p.Party);
            if (p.Reservation != 0) y.Key("reservation").Plain(Number(p.Reservation));
            y.Key("issues").BeginMap(flow: p.Issues.IsEmpty);
            foreach (var i in p.Issues)
            {
                y.Text(i.Issue).BeginMap(flow: true).Key("weight").Plain(Number(i.Weight)).Key("values").BeginMap(flow: true);
                foreach (var (option, value) in i.Values) y.Text(option).Plain(Number(value));
                y.EndMap().EndMap();
            }
            y.EndMap();
            if (!p.RedLines.IsEmpty)
            {
                y.Key("red_lines").BeginMap(flow: true);
                foreach (var group in p.RedLines.GroupBy(r => r.Issue))
                {
                    y.Text(group.Key).BeginList(flow: true);
                    foreach (var r in group) y.Text(r.Option);
                    y.EndList();
                }
                y.EndMap();
            }
            if (!p.Constraints.IsEmpty)
            {
                y.Key("constraints").BeginList();
                foreach (var c in p.Constraints)
                {
                    y.BeginMap(flow: true).Key("if").BeginMap(flow: true).Text(c.If.Issue).Text(c.If.Option).EndMap();
                    y.Key(c.Kind == ConstraintKind.Requires ? "requires" : "excludes").BeginMap(flow: true).Text(c.Then.Issue).Text(c.Then.Option).EndMap();
                    y.EndMap();
                }
                y.EndList();
            }
            if (!p.Interactions.IsEmpty)
            {
                y.Key("interactions").BeginList();
                foreach (var t in p.Interactions)
                    y.BeginMap(flow: true).Key("when").BeginMap(flow: true).Text(t.First.Issue).Text(t.First.Option)
                        .Text(t.Second.Issue).Text(t.Second.Option).EndMap().Key("bonus").Plain(Number(t.Bonus)).EndMap();
                y.EndList();
            }
            y.Optional("note", p.Note);
            if (p.Visibility != Visibility.PrivateTo(p.Party)) y.Key("visibility").Plain(ScenarioValues.FormatVisibility(p.Visibility));
            y.EndMap();
        }
        y.EndList();
    }

    private static IssuePreference? IssueOf(Fields f, string issue, YamlNode node, string path)
    {
        if (f.Child(node, path, ["weight", "values"]) is not { } c) return null;
        var weight = c.Raw("weight", required: true) is null ? null : c.Number("weight");
        var values = new List<KeyValuePair<string, double>>();
        foreach (var (option, value, p) in c.IdMap("values", required: true))
            if (NumberOf(c, value, p) is { } v) values.Add(KeyValuePair.Create(option, v));
        return c.Build(() => new IssuePreference(issue, weight!.Value, values));
    }

    private static PreferenceConstraint? ConstraintOf(Fields f, YamlNode node, string path)
    {
        if (f.Child(node, path, ["if", "requires", "excludes"]) is not { } c) return null;
        var @if = Single(c, "if", required: true);
        var (requires, excludes) = (c.Has("requires"), c.Has("excludes"));
        if (requires == excludes)
        {
            c.Fail(c.Node.Start, path, "a constraint has exactly one of 'requires' or 'excludes'");
            return null;
        }
        var then = Single(c, requires ? "requires" : "excludes", required: true);
        if (@if is { } a && then is { } b && a.Issue == b.Issue)
            c.Fail(c.Locate(requires ? "requires" : "excludes"), c.Sub(requires ? "requires" : "excludes"), "a cross-issue constraint links two different issues");
        return c.Build(() => new PreferenceConstraint(requires ? ConstraintKind.Requires : ConstraintKind.Excludes, @if!.Value, then!.Value));
    }

    private static PreferenceInteraction? InteractionOf(Fields f, YamlNode node, string path)
    {
        if (f.Child(node, path, ["when", "bonus"]) is not { } c) return null;
        var when = c.IdMap("when", required: true);
        var options = new List<OptionKey>();
        foreach (var (issue, value, p) in when)
            if (c.AsId(value, p) is { } option) options.Add(new OptionKey(issue, option));
        if (c.Has("when") && when.Count != 2)
            c.Fail(c.Locate("when"), c.Sub("when"), $"an interaction names two options of two issues ({{issue: option, issue: option}}); found {when.Count}");
        var bonus = c.Raw("bonus", required: true) is null ? null : c.Number("bonus");
        return c.Build(() => new PreferenceInteraction(options[0], options[1], bonus!.Value));
    }

    /// <summary>A one-entry mapping <c>{issue: option}</c>.</summary>
    private static OptionKey? Single(Fields c, string key, bool required)
    {
        var entries = c.IdMap(key, required);
        if (!c.Has(key)) return null;
        if (entries.Count != 1)
        {
            c.Fail(c.Locate(key), c.Sub(key), $"expected one option as {{issue: option}}; found {entries.Count}");
            return null;
        }
        var (issue, value, p) = entries[0];
        return c.AsId(value, p) is { } option ? new OptionKey(issue, option) : null;
    }

    private static double? NumberOf(Fields f, YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && !Fields.IsNull(node)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        f.Fail(node.Start, path, $"expected a number, found {Fields.Describe(node)}");
        return null;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
