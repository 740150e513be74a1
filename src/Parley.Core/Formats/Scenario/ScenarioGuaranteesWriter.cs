using System.Globalization;
using System.Text.Json;
using Parley.Core.Guarantees;

namespace Parley.Core.Formats.Scenario;

/// <summary>Writes the <c>commitments:</c> and <c>incidents:</c> sections so that the reader gives back equal values.</summary>
internal static class ScenarioGuaranteesWriter
{
    public static void Write(YamlOut y, ScenarioGuarantees g)
    {
        if (g.Commitments.Count > 0)
        {
            y.Key("commitments").BeginList();
            foreach (var c in g.Commitments) Commitment(y, c, g.Events);
            y.EndList();
        }
        if (g.Incidents.Count > 0)
        {
            y.Key("incidents").BeginList();
            foreach (var i in g.Incidents) Incident(y, i);
            y.EndList();
        }
    }

    private static void Commitment(YamlOut y, Commitment c, IReadOnlyList<CommitmentEvent> events)
    {
        y.BeginMap().Field("id", c.Id).Key("kind").Plain(c is Prohibition ? "prohibition" : "obligation");
        if (c.Title != c.Id) y.Field("title", c.Title);
        switch (c)
        {
            case Prohibition p:
                y.TextList("bound", p.BoundParties);
                Area(y, p.Area);
                y.Key("rules").BeginList();
                foreach (var r in p.Rules) Rule(y.BeginMap(flow: true).Field("id", r.Id), r).EndMap();
                y.EndList();
                break;
            case Obligation o:
                y.TextList("debtors", o.Debtors).Field("creditor", o.Creditor).Field("action", o.RequiredAction)
                    .Key("deadline").Plain(Duration(o.Deadline));
                y.Key("trigger").BeginMap();
                Trigger(y, o.Trigger);
                y.EndMap();
                break;
        }
        if (c.Window != TimeWindow.Always)
        {
            y.Key("window").BeginMap(flow: true).Key("start").Plain(ScenarioValues.FormatDate(c.Window.Start));
            if (c.Window.End is { } end) y.Key("end").Plain(ScenarioValues.FormatDate(end));
            y.EndMap();
        }
        if (c.Source is { } source)
            y.Key("provision").BeginMap().Field("draft", source.Draft).Field("version", source.Version)
                .Key("number").Plain((source.Provision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("text", source.Text).EndMap();
        if (c.Powers.Count > 0)
        {
            y.Key("powers").BeginMap(flow: true);
            foreach (var (action, holders) in c.Powers.OrderBy(p => p.Key)) y.TextList(ScenarioGuaranteesReader.Actions.Name(action), holders);
            y.EndMap();
        }
        var mine = events.Where(e => e switch
        {
            LifecycleEvent l => string.Equals(l.CommitmentId, c.Id, StringComparison.OrdinalIgnoreCase),
            ActionPerformed a => string.Equals(a.CommitmentId, c.Id, StringComparison.OrdinalIgnoreCase),
            _ => false,
        }).ToArray();
        if (mine.Length > 0)
        {
            y.Key("events").BeginList();
            foreach (var e in mine)
            {
                y.BeginMap(flow: true);
                if (e is LifecycleEvent l)
                {
                    y.Key("action").Plain(ScenarioGuaranteesReader.Actions.Name(l.Action)).Key("at").Plain(ScenarioValues.FormatDate(l.At));
                    if (l.Actor is not null) y.Field("actor", l.Actor);
                }
                else if (e is ActionPerformed a)
                {
                    y.Field("performed", a.Action).Field("party", a.Party).Key("at").Plain(ScenarioValues.FormatDate(a.At));
                    if (a.IncidentId is not null) y.Field("incident", a.IncidentId);
                }
                y.Field("cause", e.Cause).EndMap();
            }
            y.EndList();
        }
        y.EndMap();
    }

    private static void Trigger(YamlOut y, Trigger trigger)
    {
        switch (trigger)
        {
            case SignalTrigger s when Proposal(s.Signal) is { } p:
                y.Key("proposal").BeginMap(flow: true).Key("event").Plain(p.Event).Field("proposal", p.Proposal);
                if (p.By is not null) y.Field("by", p.By);
                y.EndMap();
                break;
            case SignalTrigger s:
                y.Field("signal", s.Signal);
                break;
            case IncidentTrigger i:
                y.Key("incident").BeginMap();
                Rule(y, i.Conduct).TextList("attributed_to", i.AttributedTo);
                Area(y, i.Area);
                y.EndMap();
                break;
        }
    }

    private static (string Event, string Proposal, string? By)? Proposal(string signal)
    {
        var parts = signal.Split(':');
        return parts switch
        {
            ["proposal-rejected", var p] => ("rejected", p, null),
            ["proposal-rejected", var p, var by] => ("rejected", p, by),
            ["proposal-expired", var p] => ("expired", p, null),
            _ => null,
        };
    }

    private static YamlOut Rule(YamlOut y, ConductRule r)
    {
        if (r.EventTypes.Count > 0) y.TextList("event_types", r.EventTypes);
        if (r.SubEventTypes.Count > 0) y.TextList("sub_event_types", r.SubEventTypes);
        if (r.TargetClasses.Count > 0) y.TextList("target_classes", r.TargetClasses);
        return y;
    }

    private static void Area(YamlOut y, Area area)
    {
        if (area.IsEverywhere) return;
        y.Key("area").BeginMap();
        var admin1 = area.Regions.Where(r => r.Admin2 is null).Select(r => r.Admin1).ToArray();
        var admin2 = area.Regions.Where(r => r.Admin2 is not null).Select(r => $"{r.Admin1}/{r.Admin2}").ToArray();
        if (admin1.Length > 0) y.TextList("admin1", admin1);
        if (admin2.Length > 0) y.TextList("admin2", admin2);
        if (area.Shape is not null) y.Field("geojson", JsonSerializer.Serialize(area.Shape, ScenarioGuaranteesReader.GeoJson));
        y.EndMap();
    }

    private static void Incident(YamlOut y, Incident i)
    {
        y.BeginMap().Field("id", i.Id);
        var t = i.Time;
        if (t.Precision == TimePrecision.Exact) y.Key("at").Plain(ScenarioValues.FormatDate(t.Start));
        else if (t.Precision == TimePrecision.Day && t.Start.Offset == TimeSpan.Zero && t.Start.TimeOfDay == TimeSpan.Zero && t.End == t.Start.AddDays(1))
            y.Key("day").Plain(t.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else
            y.Key("from").Plain(ScenarioValues.FormatDate(t.Start)).Key("to").Plain(ScenarioValues.FormatDate(t.End))
                .Key("precision").Plain(ScenarioGuaranteesReader.Precisions.Name(t.Precision));
        var l = i.Location;
        y.Key("location").BeginMap(flow: true);
        if (l.Latitude is { } lat) y.Key("lat").Plain(lat.ToString("R", CultureInfo.InvariantCulture)).Key("lon").Plain(l.Longitude!.Value.ToString("R", CultureInfo.InvariantCulture));
        y.Optional("country", l.Country).Optional("admin1", l.Admin1).Optional("admin2", l.Admin2).Optional("admin3", l.Admin3).Optional("place", l.Place);
        y.EndMap();
        y.Field("event_type", i.EventType).Optional("sub_event_type", i.SubEventType);
        if (i.Actors.Count > 0) y.TextList("actors", i.Actors);
        if (i.TargetClasses.Count > 0) y.TextList("target_classes", i.TargetClasses);
        if (i.Fatalities is { } f) y.Key("fatalities").Plain(f.ToString(CultureInfo.InvariantCulture));
        if (i.Sources.Count > 0) y.TextList("sources", i.Sources);
        y.Optional("notes", i.Notes);
        if (i.Verification.Count > 0)
        {
            y.Key("reviews").BeginList();
            foreach (var s in i.Verification)
            {
                y.BeginMap(flow: true).Key("state").Plain(ScenarioGuaranteesReader.Reviews.Name(s.To)).Key("at").Plain(ScenarioValues.FormatDate(s.At))
                    .Field("reviewer", s.Reviewer).Optional("evidence", s.Evidence).Optional("responsible", s.ResponsibleParty).EndMap();
            }
            y.EndList();
        }
        y.EndMap();
    }

    /// <summary>The shortest spelling the reader takes back: 72h, 90m, 45s, or ISO 8601 for anything finer.</summary>
    internal static string Duration(TimeSpan d) =>
        d.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)d.TotalHours}h"
        : d.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)d.TotalMinutes}m"
        : d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)d.TotalSeconds}s"
        : System.Xml.XmlConvert.ToString(d);
}
