using Parley.Core;
using System.Text.Json;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Geometry = NetTopologySuite.Geometries.Geometry;
using NetTopologySuite.IO.Converters;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Formats.Scenario;

/// <summary>
/// Reads the <c>commitments:</c> and <c>incidents:</c> sections (docs/scenario-format.md, "Guarantees"). Party ids
/// (bound, debtors, creditor, attributed_to, powers, actors of events, responsible parties) must be parties of the
/// negotiation; every problem is reported with line, column and field path like the rest of the file. The standalone
/// guarantees file (<see cref="Guarantees.GuaranteesFile"/>) is read by the same methods: one commitments format.
/// </summary>
internal static class ScenarioGuaranteesReader
{
    /// <summary>The top-level sections this reader owns.</summary>
    public static readonly string[] Sections = ["commitments", "incidents"];

    internal static readonly ValueNames<LifecycleAction> Actions = new(
        (LifecycleAction.EnterIntoForce, "enter_into_force"), (LifecycleAction.Suspend, "suspend"),
        (LifecycleAction.Resume, "resume"), (LifecycleAction.Terminate, "terminate"), (LifecycleAction.Discharge, "discharge"));

    internal static readonly ValueNames<VerificationState> Reviews = new(
        (VerificationState.UnderReview, "under_review"), (VerificationState.Verified, "verified"), (VerificationState.Rejected, "rejected"));

    internal static readonly ValueNames<TimePrecision> Precisions = new(
        (TimePrecision.Exact, "exact"), (TimePrecision.Day, "day"), (TimePrecision.Week, "week"),
        (TimePrecision.Month, "month"), (TimePrecision.Range, "range"));

    private static readonly string[] CommitmentFields =
        ["id", "kind", "title", "bound", "rules", "area", "window", "powers", "debtors", "creditor", "action", "deadline", "trigger", "events", "provision"];

    /// <summary>The fields of a lifecycle event or performed action.</summary>
    internal static readonly string[] EventFields = ["action", "performed", "at", "cause", "actor", "party", "incident"];

    /// <summary>The fields of an incident review.</summary>
    internal static readonly string[] ReviewFields = ["state", "at", "reviewer", "evidence", "responsible"];

    /// <summary>Reads both sections of <paramref name="top"/> against <paramref name="negotiation"/>'s parties.</summary>
    public static ScenarioGuarantees Read(ReadContext ctx, Fields top, Negotiation negotiation)
    {
        var parties = negotiation.Parties.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var (commitments, events) = Commitments(ctx, top, parties, "recorded in the scenario");
        var incidents = new List<Incident>();
        var incidentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (node, path) in top.List("incidents"))
        {
            if (Fields.Open(ctx, node, path, ["id", "at", "day", "from", "to", "precision", "location", "event_type", "sub_event_type",
                    "actors", "target_classes", "fatalities", "sources", "notes", "reviews"]) is not { } f) continue;
            if (Incident(f, parties) is not { } incident) continue;
            if (!incidentIds.Add(incident.Id)) { f.Fail(f.Locate("id"), f.Sub("id"), $"incident '{incident.Id}' is listed twice"); continue; }
            incidents.Add(incident);
        }
        return new ScenarioGuarantees(commitments, events, incidents);
    }

    /// <summary>
    /// The <c>commitments:</c> list of <paramref name="top"/> with the events nested in each; party ids are checked
    /// against <paramref name="parties"/>, or only for their form when null (a guarantees file has no negotiation).
    /// </summary>
    internal static (List<Commitment> Commitments, List<CommitmentEvent> Events) Commitments(ReadContext ctx, Fields top,
        HashSet<string>? parties, string defaultCause)
    {
        var commitments = new List<Commitment>();
        var events = new List<CommitmentEvent>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (node, path) in top.List("commitments"))
        {
            if (Fields.Open(ctx, node, path, CommitmentFields) is not { } f) continue;
            var commitment = Commitment(f, parties);
            if (commitment is null) continue;
            if (!ids.Add(commitment.Id)) { f.Fail(f.Locate("id"), f.Sub("id"), $"commitment '{commitment.Id}' is defined twice"); continue; }
            commitments.Add(commitment);
            foreach (var (en, ep) in f.List("events"))
                if (f.Child(en, ep, EventFields) is { } ef && Event(ef, commitment, parties, defaultCause) is { } e) events.Add(e);
        }
        return (commitments, events);
    }

    private static Commitment? Commitment(Fields f, HashSet<string>? parties)
    {
        var id = f.Id("id", required: true);
        var kind = f.Text("kind", required: true);
        var title = f.Text("title") ?? id;
        TimeWindow? window = null;
        if (f.Raw("window") is { } wn && f.Child(wn, f.Sub("window"), ["start", "end"]) is { } w)
        {
            var start = w.Date("start", required: true);
            var end = w.Date("end");
            if (start is { } s) window = w.Build("end", () => new TimeWindow(s, end));
        }
        var source = Source(f);
        var powers = new Dictionary<LifecycleAction, IReadOnlyList<string>>();
        foreach (var (key, value, path) in f.IdMap("powers"))
        {
            if (!Actions.TryParse(f.Modern(key, value.Start, path), out var action)) { f.Fail(f.Locate("powers"), path, $"unknown lifecycle action '{key}'; allowed: {Actions.Allowed}"); continue; }
            powers[action] = PartyList(f, value, path, parties);
        }
        switch (kind)
        {
            case "prohibition":
                var bound = Parties(f, "bound", parties, required: true);
                var rules = new List<ConductRule>();
                foreach (var (rn, rp) in f.List("rules", required: true))
                    if (f.Child(rn, rp, ["id", "event_types", "sub_event_types", "target_classes"]) is { } r
                        && Rule(r, $"rule-{rules.Count + 1}") is { } rule) rules.Add(rule);
                var area = f.Raw("area") is { } an ? Area(f, an, f.Sub("area")) : null;
                foreach (var other in new[] { "debtors", "creditor", "action", "deadline", "trigger" })
                    if (f.Has(other)) f.Fail(f.Locate(other), f.Sub(other), $"'{other}' belongs to an obligation, not a prohibition");
                if (f.Failed || id is null) return null;
                return f.Build("", () => new Prohibition(id, title!, bound, rules, area, window, powers) { Source = source });
            case "obligation":
                var debtors = Parties(f, "debtors", parties, required: true);
                var creditor = f.Id("creditor", required: true);
                if (creditor is not null && !Known(parties, creditor)) f.Fail(f.Locate("creditor"), f.Sub("creditor"), $"unknown party '{creditor}'");
                var action = f.Text("action", required: true);
                var deadline = Duration(f, "deadline", required: true);
                var trigger = f.Raw("trigger", required: true) is { } tn ? Trigger(f, tn, parties) : null;
                foreach (var other in new[] { "bound", "rules", "area" })
                    if (f.Has(other)) f.Fail(f.Locate(other), f.Sub(other), $"'{other}' belongs to a prohibition; an obligation's area is in its trigger");
                if (f.Failed || id is null || trigger is null) return null;
                return f.Build("", () => new Obligation(id, title!, debtors, creditor!, trigger, action!, deadline!.Value, window, powers) { Source = source });
            case null:
                return null;
            default:
                f.Fail(f.Locate("kind"), f.Sub("kind"), $"unknown value '{kind}'; allowed: prohibition, obligation");
                return null;
        }
    }

    // provision: {draft: berlin-framework, version: 15-Dec, number: 12, text: "…"} — the agreed provision it was made from
    // (number counts the version's provisions from 1, as the drafts page shows them).
    private static ProvisionSource? Source(Fields f)
    {
        if (f.Raw("provision") is not { } node || f.Child(node, f.Sub("provision"), ["draft", "version", "number", "text"]) is not { } p) return null;
        var draft = p.Text("draft", required: true);
        var version = p.Text("version", required: true);
        var number = p.Number("number");
        var text = p.Text("text", required: true);
        if (number is not { } n || n < 1 || n != Math.Floor(n)) { p.Fail(p.Locate("number"), p.Sub("number"), "a provision's number is a whole number from 1"); return null; }
        return draft is null || version is null || text is null ? null : p.Build("", () => new ProvisionSource(draft, version, (int)n - 1, text));
    }

    private static Trigger? Trigger(Fields owner, YamlNode node, HashSet<string>? parties)
    {
        if (owner.Child(node, owner.Sub("trigger"), ["incident", "signal", "proposal"]) is not { } t) return null;
        var given = new[] { "incident", "signal", "proposal" }.Count(t.Has);
        if (given != 1)
        {
            t.Fail(node.Start, t.Path, "a trigger is exactly one of incident: {...}, signal: NAME or proposal: {event, proposal, by}");
            return null;
        }
        if (t.Text("signal") is { } signal) return new SignalTrigger(signal);
        if (t.Raw("proposal") is { } pn && t.Child(pn, t.Sub("proposal"), ["event", "proposal", "by"]) is { } p)
        {
            var ev = p.Text("event", required: true);
            var proposal = p.Id("proposal", required: true);
            var by = p.Id("by");
            if (by is not null && !Known(parties, by)) p.Fail(p.Locate("by"), p.Sub("by"), $"unknown party '{by}'");
            if (ev is not null and not ("rejected" or "expired")) p.Fail(p.Locate("event"), p.Sub("event"), $"unknown value '{ev}'; allowed: rejected, expired");
            if (ev == "expired" && by is not null) p.Fail(p.Locate("by"), p.Sub("by"), "an expiry has no party");
            if (p.Failed) return null;
            return new SignalTrigger(ev == "expired" ? TalksSignals.Expired(proposal!) : TalksSignals.Rejected(proposal!, by));
        }
        if (t.Raw("incident") is { } inode && t.Child(inode, t.Sub("incident"), ["event_types", "sub_event_types", "target_classes", "attributed_to", "area"]) is { } i)
        {
            var rule = Rule(i, "trigger");
            var attributed = Parties(i, "attributed_to", parties, required: true);
            var area = i.Raw("area") is { } an ? Area(i, an, i.Sub("area")) : null;
            if (i.Failed || rule is null) return null;
            return i.Build("attributed_to", () => new IncidentTrigger(rule, attributed, area));
        }
        return null;
    }

    /// <summary>A lifecycle event or performed action of <paramref name="commitment"/> (fields <see cref="EventFields"/>).</summary>
    internal static CommitmentEvent? Event(Fields e, Commitment commitment, HashSet<string>? parties, string defaultCause)
    {
        var at = e.Date("at", required: true);
        var cause = e.Text("cause") ?? defaultCause;
        if (e.Has("performed"))
        {
            if (commitment is not Obligation o) { e.Fail(e.Locate("performed"), e.Sub("performed"), "only an obligation's debtors perform actions"); return null; }
            var performed = e.Text("performed", required: true);
            var party = e.Id("party", required: true);
            if (party is not null && !o.Debtors.Contains(party, StringComparer.OrdinalIgnoreCase))
                e.Fail(e.Locate("party"), e.Sub("party"), $"'{party}' is not a debtor of {o.Id} ({string.Join(", ", o.Debtors)})");
            var incident = e.Text("incident");
            if (e.Failed || at is null) return null;
            return e.Build("", () => new ActionPerformed(commitment.Id, party!, performed!, at.Value, cause, incident));
        }
        var action = e.Enum("action", Actions, required: true);
        var actor = e.Id("actor");
        if (actor is not null && !Known(parties, actor)) e.Fail(e.Locate("actor"), e.Sub("actor"), $"unknown party '{actor}'");
        if (e.Failed || at is null || action is null) return null;
        return e.Build("", () => new LifecycleEvent(commitment.Id, action.Value, at.Value, cause, actor));
    }

    private static Incident? Incident(Fields f, HashSet<string>? parties)
    {
        var id = f.Text("id", required: true);
        var time = Time(f);
        var eventType = f.Text("event_type", required: true);
        Location? location = null;
        if (f.Raw("location", required: true) is { } ln
            && f.Child(ln, f.Sub("location"), ["lat", "lon", "country", "admin1", "admin2", "admin3", "place"]) is { } l)
        {
            var lat = l.Number("lat");
            var lon = l.Number("lon");
            location = l.Build("lat", () => new Location(lat, lon, l.Text("country"), l.Text("admin1"), l.Text("admin2"), l.Text("admin3"), l.Text("place")));
        }
        var fatalities = f.Number("fatalities");
        if (fatalities is { } fa && (fa < 0 || fa != Math.Floor(fa) || fa > int.MaxValue))
            f.Fail(f.Locate("fatalities"), f.Sub("fatalities"), $"expected a whole number of fatalities, found {fa}");
        var steps = new List<VerificationStep>();
        foreach (var (rn, rp) in f.List("reviews"))
            if (f.Child(rn, rp, ReviewFields) is { } r && Review(r, parties) is { } step) steps.Add(step);
        if (f.Failed || id is null || time is null || eventType is null || location is null) return null;
        return f.Build("reviews", () => new Incident(id, time, location!, eventType, f.Text("sub_event_type"), Texts(f, "actors"),
            Texts(f, "target_classes"), fatalities is { } n ? (int)n : null, Texts(f, "sources"), f.Text("notes"), steps));
    }

    /// <summary>One review step (fields <see cref="ReviewFields"/>).</summary>
    internal static VerificationStep? Review(Fields r, HashSet<string>? parties)
    {
        var state = r.Enum("state", Reviews, required: true);
        var at = r.Date("at", required: true);
        var reviewer = r.Text("reviewer", required: true);
        var responsible = r.Id("responsible");
        if (responsible is not null && !Known(parties, responsible)) r.Fail(r.Locate("responsible"), r.Sub("responsible"), $"unknown party '{responsible}'");
        if (r.Failed) return null;
        return r.Build("responsible", () => new VerificationStep(state!.Value, at!.Value, reviewer!, r.Text("evidence"), responsible));
    }

    private static IncidentTime? Time(Fields f)
    {
        var forms = new[] { f.Has("at"), f.Has("day"), f.Has("from") }.Count(b => b);
        if (forms != 1)
        {
            f.Fail(f.Node.Start, f.Sub("at"), "an incident has exactly one of at: INSTANT, day: DATE, or from/to/precision");
            return null;
        }
        if (f.Date("at") is { } at) return IncidentTime.At(at);
        if (f.Raw("day") is { } dn)
        {
            if (dn is YamlScalarNode { Value: { } d } && DateOnly.TryParseExact(d, "yyyy-MM-dd", out var day)) return IncidentTime.OnDay(day);
            f.Fail(dn.Start, f.Sub("day"), $"expected a calendar day (2025-12-26), found {Fields.Describe(dn)}");
            return null;
        }
        var from = f.Date("from", required: true);
        var to = f.Date("to", required: true);
        var precision = f.Enum("precision", Precisions, required: true);
        if (from is null || to is null || precision is null) return null;
        return f.Build("to", () => new IncidentTime(from.Value, to.Value, precision.Value));
    }

    private static ConductRule? Rule(Fields r, string defaultId)
    {
        var id = r.Has("id") ? r.Id("id") : defaultId;
        if (r.Failed || id is null) return null;
        return r.Build("", () => new ConductRule(id, Texts(r, "event_types"), Texts(r, "sub_event_types"), Texts(r, "target_classes")));
    }

    private static Area? Area(Fields owner, YamlNode node, string path)
    {
        if (owner.Child(node, path, ["admin1", "admin2", "geojson"]) is not { } a) return null;
        var regions = Texts(a, "admin1").Select(n => new AdminRegion(n)).ToList();
        foreach (var (n, p) in a.List("admin2"))
        {
            var text = (n as YamlScalarNode)?.Value ?? "";
            var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0) regions.Add(new AdminRegion(parts[0], parts[1]));
            else a.Fail(n.Start, p, $"'{text}' is not ADMIN1/ADMIN2 (e.g. Donetsk/Kramatorskyi)");
        }
        Geometry? shape = null;
        if (a.Text("geojson") is { } json)
        {
            try { shape = JsonSerializer.Deserialize<Geometry>(json, GeoJson); }
            catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
            {
                a.Fail(a.Locate("geojson"), a.Sub("geojson"), $"not a GeoJSON geometry: {ex.Message}");
                return null;
            }
        }
        if (a.Failed) return null;
        return a.Build("geojson", () => new Area(regions, shape));
    }

    internal static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static bool Known(HashSet<string>? parties, string id) => parties is null || parties.Contains(id);

    internal static TimeSpan? Duration(Fields f, string key, bool required)
    {
        var text = f.Text(key, required);
        if (text is null) return null;
        if (ScenarioValues.TryParseDuration(text.Trim(), out var d) && d > TimeSpan.Zero) return d;
        f.Fail(f.Locate(key), f.Sub(key), $"'{text}' is not a positive duration (72h, 1d12h, 90m, PT72H)");
        return null;
    }

    private static IReadOnlyList<string> Parties(Fields f, string key, HashSet<string>? parties, bool required)
    {
        var list = f.Ids(key, required);
        foreach (var p in list)
            if (!Known(parties, p)) f.Fail(f.Locate(key), f.Sub(key), $"unknown party '{p}'");
        return list;
    }

    private static IReadOnlyList<string> PartyList(Fields f, YamlNode node, string path, HashSet<string>? parties)
    {
        if (node is not YamlSequenceNode seq) { f.Fail(node.Start, path, $"expected a list of parties, found {Fields.Describe(node)}"); return []; }
        var list = new List<string>();
        foreach (var (n, k) in seq.Children.Select((n, k) => (n, k)))
            if (f.AsId(n, $"{path}[{k}]") is { } id)
            {
                if (!Known(parties, id)) f.Fail(n.Start, $"{path}[{k}]", $"unknown party '{id}'");
                list.Add(id);
            }
        return list;
    }

    private static IReadOnlyList<string> Texts(Fields f, string key)
    {
        var list = new List<string>();
        foreach (var (n, p) in f.List(key))
        {
            if (n is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) list.Add(v.Trim());
            else f.Fail(n.Start, p, $"expected text, found {Fields.Describe(n)}");
        }
        return list;
    }
}
