using Parley.Core.Talks;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Reads each section's items into the aggregate. An item with a problem of its own is reported and left out;
/// the aggregate's rule checks run on the rest, and their refusals are mapped back to the item's fields.
/// </summary>
internal sealed class ScenarioItems(ReadContext ctx, Negotiation n)
{
    private readonly Dictionary<string, string> _delegates = new(StringComparer.Ordinal);

    public void Parties(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        var pending = new List<(Fields F, Visibility V)>();
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "name", "roles", "delegates", "visibility"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var name = f.Text("name", required: true);
            var roles = new List<PartyRole>();
            foreach (var (rn, rp) in f.List("roles", required: true))
                if (f.AsEnum(rn, rp, ScenarioValues.Roles) is { } role)
                {
                    if (roles.Contains(role)) f.Fail(rn.Start, rp, $"role '{ScenarioValues.Roles.Name(role)}' is listed twice");
                    else roles.Add(role);
                }
            var delegates = new List<PartyDelegate>();
            foreach (var (dn, dp) in f.List("delegates"))
            {
                if (f.Child(dn, dp, ["id", "name", "title"]) is not { } d) continue;
                var did = d.Id("id", required: true);
                var dname = d.Text("name", required: true);
                var title = d.Text("title") ?? "";
                if (did is not null && !_delegates.TryAdd(did, dp))
                    d.Fail(d.Locate("id"), d.Sub("id"), $"duplicate delegate id '{did}' (first at {_delegates[did]})");
                if (d.Build(() => new PartyDelegate(did!, dname!, title)) is { } made) delegates.Add(made);
            }
            var visibility = f.Visibility();
            var party = f.Build(() => new Party(id!, name!, roles, delegates, visibility));
            if (party is not null && Add(f, () => n.AddParty(party))) pending.Add((f, visibility));
            else
            {
                ctx.Failed("party", id);
                foreach (var d in delegates) ctx.Failed("delegate", d.Id);
            }
        }
        foreach (var (f, v) in pending) CheckVisibility(f, v);
    }

    public void Issues(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "title", "category", "weight", "principals", "description", "visibility", "options"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var title = f.Text("title", required: true);
            var category = f.Text("category") ?? "";
            var weight = f.Number("weight") ?? 1;
            var principals = f.Has("principals") ? f.Ids("principals") : null;
            var description = f.Text("description") ?? "";
            var visibility = f.Visibility();
            var options = new List<Option>();
            foreach (var (on, op) in f.List("options", required: true))
            {
                if (f.Child(on, op, ["id", "label", "description"]) is not { } o) continue;
                var oid = o.Id("id", required: true);
                var label = o.Text("label", required: true);
                var odesc = o.Text("description") ?? "";
                if (oid is not null && options.Any(x => x.Id == oid)) o.Fail(o.Locate("id"), o.Sub("id"), $"duplicate id '{oid}'");
                else if (o.Build(() => new Option(oid!, label!, odesc)) is { } made) options.Add(made);
            }
            var issue = f.Build(() => new Issue(id!, title!, category, weight, options, principals, description, visibility));
            if (issue is null || !Add(f, () => n.AddIssue(issue))) ctx.Failed("issue", id);
            else CheckVisibility(f, visibility);
        }
    }

    /// <summary>Adds the proposals without their answers (statements may cite proposals, answers cite statements).</summary>
    public IReadOnlyList<(string Id, Fields F)> Proposals(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        var added = new List<(string, Fields)>();
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path,
                    ["id", "author", "title", "addressees", "package", "created", "expires", "withdrawn", "description", "visibility", "responses"]) is not { } f)
                continue;
            var id = f.Id("id", required: true);
            var author = f.Id("author", required: true);
            var title = f.Text("title", required: true);
            var addressees = f.Ids("addressees", required: true);
            var package = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (issue, value, p) in f.IdMap("package", required: true))
                if (f.AsId(value, p) is { } option) package[issue] = option;
            var created = f.Date("created", required: true);
            var expires = f.Date("expires");
            var withdrawn = f.Date("withdrawn");
            var description = f.Text("description") ?? "";
            var visibility = f.Visibility();
            var proposal = f.Build(() => new Proposal(id!, author!, title!, package, addressees, created!.Value, expires, null, withdrawn, description, visibility));
            if (proposal is null || !Add(f, () => n.AddProposal(proposal))) { ctx.Failed("proposal", id); continue; }
            CheckVisibility(f, visibility);
            added.Add((id!, f));
        }
        return added;
    }

    /// <summary>Records the answers to the proposals added, in file order, through the aggregate's own check.</summary>
    public void Responses(IReadOnlyList<(string Id, Fields F)> proposals)
    {
        foreach (var (id, f) in proposals)
        {
            var k = 0;
            foreach (var (rn, rp) in f.List("responses"))
            {
                var index = k++;
                if (f.Child(rn, rp, ["party", "answer", "at", "statement"]) is not { } r) continue;
                var party = r.Id("party", required: true);
                var answer = r.Enum("answer", ScenarioValues.Answers, required: true);
                var at = r.Date("at", required: true);
                var statement = r.Id("statement");
                var response = r.Build(() => new Response(party!, answer!.Value, at!.Value, statement));
                if (response is null) continue;
                try
                {
                    n.Respond(id, response);
                }
                catch (RuleRefusal ex)
                {
                    f.Refused(ex, field => field.StartsWith("response", StringComparison.Ordinal) ? $"responses[{index}]{field["response".Length..]}" : field);
                }
            }
        }
    }

    public void Statements(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "at", "text", "signatories", "speaker", "source", "stances", "visibility"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var at = f.Date("at", required: true);
            var text = f.Text("text", required: true);
            var signatories = f.Ids("signatories", required: true);
            var speaker = f.Id("speaker");
            var source = f.Text("source") ?? "";
            var stances = new List<StatementStance>();
            foreach (var (sn, sp) in f.List("stances"))
            {
                if (f.Child(sn, sp, ["issue", "option", "proposal", "stance"]) is not { } s) continue;
                var issue = s.Id("issue");
                var option = s.Id("option");
                var proposal = s.Id("proposal");
                var stance = s.Enum("stance", ScenarioValues.Stances, required: true);
                if (s.Build(() => new StatementStance(issue, option, proposal, stance!.Value)) is { } made) stances.Add(made);
            }
            var visibility = f.Visibility();
            var statement = f.Build(() => new Statement(id!, at!.Value, text!, signatories, speaker, stances, source, visibility));
            if (statement is null || !Add(f, () => n.AddStatement(statement))) ctx.Failed("statement", id);
            else CheckVisibility(f, visibility);
        }
    }

    /// <summary>Positions; an omitted id becomes <c>PARTY.ISSUE.N</c>, N counting that party's positions on that issue in file order from 1.</summary>
    public void Positions(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        var ordinals = new Dictionary<(string, string), int>();
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "party", "issue", "valid_from", "stances", "statement", "note", "visibility"]) is not { } f) continue;
            var party = f.Id("party", required: true);
            var issue = f.Id("issue", required: true);
            string? generated = null;
            if (party is not null && issue is not null)
            {
                var ordinal = ordinals[(party, issue)] = ordinals.GetValueOrDefault((party, issue)) + 1;
                generated = ScenarioIds.Position(party, issue, ordinal);
            }
            var id = f.Has("id") ? f.Id("id") : Generated(f, generated);
            var validFrom = f.Date("valid_from", required: true);
            var stances = new Dictionary<string, Stance>(StringComparer.Ordinal);
            foreach (var (option, value, p) in f.IdMap("stances", required: true))
                if (f.AsEnum(value, p, ScenarioValues.Stances) is { } stance) stances[option] = stance;
            var statement = f.Id("statement");
            var note = f.Text("note") ?? "";
            var visibility = f.Visibility();
            var position = f.Build(() => new Position(id!, party!, issue!, validFrom!.Value, stances, statement, note, visibility));
            if (position is not null && Add(f, () => n.RecordPosition(position))) CheckVisibility(f, visibility);
        }
    }

    public void Rounds(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "title", "start", "end", "venue", "attendees", "outcome", "visibility"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var title = f.Text("title", required: true);
            var start = f.Date("start", required: true);
            var end = f.Date("end", required: true);
            var venue = f.Text("venue") ?? "";
            var attendees = f.Ids("attendees");
            var outcome = f.Text("outcome") ?? "";
            var visibility = f.Visibility();
            var round = f.Build(() => new Round(id!, title!, start!.Value, end!.Value, venue, attendees, outcome, visibility));
            if (round is null || !Add(f, () => n.AddRound(round))) ctx.Failed("round", id);
            else CheckVisibility(f, visibility);
        }
    }

    public void WorkingGroups(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "name", "members", "issues", "next_meeting", "venue", "visibility"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var name = f.Text("name", required: true);
            var members = f.Ids("members", required: true);
            var issues = f.Ids("issues");
            var next = f.Date("next_meeting");
            var venue = f.Text("venue") ?? "";
            var visibility = f.Visibility();
            var group = f.Build(() => new WorkingGroup(id!, name!, members, issues, next, venue, visibility));
            if (group is not null && Add(f, () => n.AddWorkingGroup(group))) CheckVisibility(f, visibility);
        }
    }

    /// <summary>Agreements; an omitted id becomes <c>ISSUE.N</c>, N counting the agreements on that issue in file order from 1.</summary>
    public void Agreements(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "issue", "option", "parties", "at", "ad_referendum", "source", "note", "visibility"]) is not { } f) continue;
            var issue = f.Id("issue", required: true);
            string? generated = null;
            if (issue is not null) generated = ScenarioIds.Agreement(issue, ordinals[issue] = ordinals.GetValueOrDefault(issue) + 1);
            var id = f.Has("id") ? f.Id("id") : Generated(f, generated);
            var option = f.Id("option", required: true);
            var parties = f.Ids("parties", required: true);
            var at = f.Date("at", required: true);
            var adReferendum = f.Bool("ad_referendum") ?? false;
            var source = f.Id("source");
            if (source is not null && !IsSource(source) && !ctx.IsFailed("round", source) && !ctx.IsFailed("proposal", source) && !ctx.IsFailed("statement", source))
                f.Fail(f.Locate("source"), f.Sub("source"), $"unknown source '{source}' (the id of a round, proposal or statement)");
            var note = f.Text("note") ?? "";
            var visibility = f.Visibility();
            var agreement = f.Build(() => new Agreement(id!, issue!, option!, parties, at!.Value, adReferendum, source, note, visibility));
            if (agreement is not null && Add(f, () => n.RecordAgreement(agreement))) CheckVisibility(f, visibility);
        }
    }

    public void Contingencies(IReadOnlyList<(YamlNode Node, string Path)> items)
    {
        foreach (var (node, path) in items)
        {
            if (Fields.Open(ctx, node, path, ["id", "owner", "trigger", "actions", "statement", "visibility"]) is not { } f) continue;
            var id = f.Id("id", required: true);
            var owner = f.Id("owner", required: true);
            ContingencyTrigger? trigger = null;
            if (f.Raw("trigger", required: true) is { } tn && f.Child(tn, f.Sub("trigger"), ["event", "proposal", "by"]) is { } t)
            {
                var kind = t.Enum("event", ScenarioValues.Events, required: true);
                var proposal = t.Id("proposal", required: true);
                var by = t.Id("by");
                trigger = t.Build(() => new ContingencyTrigger(kind!.Value, proposal!, by));
            }
            var actions = new List<ContingencyAction>();
            foreach (var (an, ap) in f.List("actions", required: true))
            {
                if (f.Child(an, ap, ["kind", "party", "text"]) is not { } a) continue;
                var kind = a.Enum("kind", ScenarioValues.Actions, required: true);
                var party = a.Id("party", required: true);
                var text = a.Text("text", required: true);
                if (a.Build(() => new ContingencyAction(kind!.Value, party!, text!)) is { } made) actions.Add(made);
            }
            var statement = f.Id("statement");
            var visibility = f.Visibility();
            var contingency = f.Build(() => new Contingency(id!, owner!, trigger!, actions, statement, visibility));
            if (contingency is not null && Add(f, () => n.AddContingency(contingency))) CheckVisibility(f, visibility);
        }
    }

    private bool IsSource(string id) =>
        n.Rounds.Any(r => r.Id == id) || n.FindProposal(id) is not null || n.Statements.Any(s => s.Id == id);

    private static string? Generated(Fields f, string? generated)
    {
        if (generated is null || Key.IsValid(generated)) return generated;
        f.Fail(f.Node.Start, f.Sub("id"), $"the generated id '{generated[..20]}...' is longer than 64 characters; give the item an id");
        return null;
    }

    /// <summary>Adds through the aggregate; its rule refusal is reported on the item's field.</summary>
    private static bool Add(Fields f, Action add)
    {
        try
        {
            add();
            return true;
        }
        catch (RuleRefusal ex)
        {
            f.Refused(ex);
            return false;
        }
    }

    /// <summary>A <c>party:ID</c> visibility must name a party of the negotiation (the aggregate does not check it).</summary>
    private void CheckVisibility(Fields f, Visibility visibility)
    {
        if (visibility.Party is { } party && n.FindParty(party) is null && !ctx.IsFailed("party", party))
            f.Fail(f.Locate("visibility"), f.Sub("visibility"), $"unknown party '{party}'");
    }
}

/// <summary>The ids the reader gives items that omit one, and the writer leaves out when they match.</summary>
internal static class ScenarioIds
{
    public static string Position(string party, string issue, int ordinal) => $"{party}.{issue}.{ordinal}";

    public static string Agreement(string issue, int ordinal) => $"{issue}.{ordinal}";
}
