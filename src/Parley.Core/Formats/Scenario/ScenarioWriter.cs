using System.Globalization;
using Parley.Core.Talks;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Writes a whole <see cref="Negotiation"/> as a scenario file that <see cref="ScenarioReader"/> reads back to an
/// equal negotiation. The output is canonical: sections in a fixed order, items in the aggregate's order,
/// defaults (weight 1, shared visibility, empty texts and lists, generated ids) left out, dates in their
/// shortest form — so writing the same negotiation twice gives the same text.
/// </summary>
public static class ScenarioWriter
{
    private const string Header = "Parley scenario file (format: docs/scenario-format.md; schema: scenarios/scenario.schema.json)";

    /// <summary>
    /// The scenario text of <paramref name="negotiation"/>, with the parties' preference profiles, the commitments and
    /// incidents, and the drafts with all their versions when given.
    /// </summary>
    public static string Write(Negotiation negotiation, IReadOnlyList<Settlement.PartyPreferences>? preferences = null, ScenarioGuarantees? guarantees = null,
        IReadOnlyList<ScenarioDraft>? drafts = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var y = new YamlOut(Header);
        y.Key("negotiation").BeginMap().Field("id", negotiation.Id).Field("title", negotiation.Title)
            .Optional("description", negotiation.Description).EndMap();
        Section(y, "parties", negotiation.Parties, Party);
        Section(y, "issues", negotiation.Issues, Issue);
        Section(y, "statements", negotiation.Statements, Statement);
        var positionOrdinals = new Dictionary<(string, string), int>();
        Section(y, "positions", negotiation.Positions, (o, p) =>
        {
            var ordinal = positionOrdinals[(p.Party, p.Issue)] = positionOrdinals.GetValueOrDefault((p.Party, p.Issue)) + 1;
            Position(o, p, p.Id == ScenarioIds.Position(p.Party, p.Issue, ordinal));
        });
        Section(y, "proposals", negotiation.Proposals, Proposal);
        var agreementOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        Section(y, "agreements", negotiation.Agreements, (o, a) =>
        {
            var ordinal = agreementOrdinals[a.Issue] = agreementOrdinals.GetValueOrDefault(a.Issue) + 1;
            Agreement(o, a, a.Id == ScenarioIds.Agreement(a.Issue, ordinal));
        });
        Section(y, "rounds", negotiation.Rounds, Round);
        Section(y, "working_groups", negotiation.WorkingGroups, WorkingGroup);
        Section(y, "contingencies", negotiation.Contingencies, Contingency);
        ScenarioPreferences.Write(y, preferences ?? []);
        if (guarantees is not null) ScenarioGuaranteesWriter.Write(y, guarantees);
        ScenarioDraftsWriter.Write(y, drafts ?? []);
        return y.Finish();
    }

    private static void Section<T>(YamlOut y, string name, IReadOnlyList<T> items, Action<YamlOut, T> write)
    {
        if (items.Count == 0) return;
        y.Key(name).BeginList();
        foreach (var item in items)
        {
            y.BeginMap();
            write(y, item);
            y.EndMap();
        }
        y.EndList();
    }

    private static void Party(YamlOut y, Party p)
    {
        y.Field("id", p.Id).Field("name", p.Name);
        y.Key("roles").BeginList(flow: true);
        foreach (var role in p.Roles) y.Plain(ScenarioValues.Roles.Name(role));
        y.EndList();
        if (p.Delegates.Count > 0)
        {
            y.Key("delegates").BeginList();
            foreach (var d in p.Delegates) y.BeginMap(flow: true).Field("id", d.Id).Field("name", d.Name).Optional("title", d.Title).EndMap();
            y.EndList();
        }
        Visibility(y, p.Visibility);
    }

    private static void Issue(YamlOut y, Issue i)
    {
        y.Field("id", i.Id).Field("title", i.Title).Optional("category", i.Category);
        if (i.Weight != 1) y.Key("weight").Plain(i.Weight.ToString("R", CultureInfo.InvariantCulture));
        if (i.Principals is { } principals) y.TextList("principals", principals);
        y.Optional("description", i.Description);
        Visibility(y, i.Visibility);
        y.Key("options").BeginList();
        foreach (var o in i.Options) y.BeginMap().Field("id", o.Id).Field("label", o.Label).Optional("description", o.Description).EndMap();
        y.EndList();
    }

    private static void Statement(YamlOut y, Statement s)
    {
        y.Field("id", s.Id).Key("at").Plain(ScenarioValues.FormatDate(s.At)).TextList("signatories", s.Signatories);
        if (s.Speaker is { } speaker) y.Field("speaker", speaker);
        y.Field("text", s.Text).Optional("source", s.Source);
        if (s.Stances.Count > 0)
        {
            y.Key("stances").BeginList();
            foreach (var st in s.Stances)
            {
                y.BeginMap(flow: true);
                if (st.Issue is { } issue) y.Field("issue", issue);
                if (st.Option is { } option) y.Field("option", option);
                if (st.Proposal is { } proposal) y.Field("proposal", proposal);
                y.Key("stance").Plain(ScenarioValues.Stances.Name(st.Stance)).EndMap();
            }
            y.EndList();
        }
        Visibility(y, s.Visibility);
    }

    private static void Position(YamlOut y, Position p, bool idIsGenerated)
    {
        if (!idIsGenerated) y.Field("id", p.Id);
        y.Field("party", p.Party).Field("issue", p.Issue).Key("valid_from").Plain(ScenarioValues.FormatDate(p.ValidFrom));
        y.Key("stances").BeginMap(flow: true);
        foreach (var (option, stance) in p.Stances) y.Text(option).Plain(ScenarioValues.Stances.Name(stance));
        y.EndMap();
        if (p.Statement is { } statement) y.Field("statement", statement);
        y.Optional("note", p.Note);
        Visibility(y, p.Visibility);
    }

    private static void Proposal(YamlOut y, Proposal p)
    {
        y.Field("id", p.Id).Field("author", p.Author).Field("title", p.Title).TextList("addressees", p.Addressees);
        y.Key("package").BeginMap(flow: true);
        foreach (var (issue, option) in p.Package) y.Text(issue).Text(option);
        y.EndMap();
        y.Key("created").Plain(ScenarioValues.FormatDate(p.Created));
        if (p.Expires is { } expires) y.Key("expires").Plain(ScenarioValues.FormatDate(expires));
        if (p.Withdrawn is { } withdrawn) y.Key("withdrawn").Plain(ScenarioValues.FormatDate(withdrawn));
        y.Optional("description", p.Description);
        if (p.Responses.Count > 0)
        {
            y.Key("responses").BeginList();
            foreach (var r in p.Responses)
            {
                y.BeginMap(flow: true).Field("party", r.Party).Key("answer").Plain(ScenarioValues.Answers.Name(r.Kind))
                    .Key("at").Plain(ScenarioValues.FormatDate(r.At));
                if (r.Statement is { } statement) y.Field("statement", statement);
                y.EndMap();
            }
            y.EndList();
        }
        Visibility(y, p.Visibility);
    }

    private static void Agreement(YamlOut y, Agreement a, bool idIsGenerated)
    {
        if (!idIsGenerated) y.Field("id", a.Id);
        y.Field("issue", a.Issue).Field("option", a.Option).TextList("parties", a.Parties).Key("at").Plain(ScenarioValues.FormatDate(a.At));
        if (a.AdReferendum) y.Key("ad_referendum").Plain("true");
        if (a.Source is { } source) y.Field("source", source);
        y.Optional("note", a.Note);
        Visibility(y, a.Visibility);
    }

    private static void Round(YamlOut y, Round r)
    {
        y.Field("id", r.Id).Field("title", r.Title).Key("start").Plain(ScenarioValues.FormatDate(r.Start))
            .Key("end").Plain(ScenarioValues.FormatDate(r.End)).Optional("venue", r.Venue);
        if (r.Attendees.Count > 0) y.TextList("attendees", r.Attendees);
        y.Optional("outcome", r.Outcome);
        Visibility(y, r.Visibility);
    }

    private static void WorkingGroup(YamlOut y, WorkingGroup g)
    {
        y.Field("id", g.Id).Field("name", g.Name).TextList("members", g.Members);
        if (g.Issues.Count > 0) y.TextList("issues", g.Issues);
        if (g.NextMeeting is { } next) y.Key("next_meeting").Plain(ScenarioValues.FormatDate(next));
        y.Optional("venue", g.Venue);
        Visibility(y, g.Visibility);
    }

    private static void Contingency(YamlOut y, Contingency c)
    {
        y.Field("id", c.Id).Field("owner", c.Owner);
        y.Key("trigger").BeginMap(flow: true).Key("event").Plain(ScenarioValues.Events.Name(c.Trigger.Kind)).Field("proposal", c.Trigger.Proposal);
        if (c.Trigger.ByParty is { } by) y.Field("by", by);
        y.EndMap();
        y.Key("actions").BeginList();
        foreach (var a in c.Actions)
            y.BeginMap().Key("kind").Plain(ScenarioValues.Actions.Name(a.Kind)).Field("party", a.Party).Field("text", a.Text).EndMap();
        y.EndList();
        if (c.Statement is { } statement) y.Field("statement", statement);
        Visibility(y, c.Visibility);
    }

    private static void Visibility(YamlOut y, Visibility v)
    {
        if (v.Scope != VisibilityScope.Shared) y.Key("visibility").Plain(ScenarioValues.FormatVisibility(v));
    }
}
