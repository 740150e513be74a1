using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Parley.Core.Guarantees;
using Parley.Data.Mapping;

namespace Parley.Data.Guarantees;

// Stored shapes of commitments: decoupled from the Core types so that a rename there is a compile error here.

internal sealed record RuleJson(string Id, string[] EventTypes, string[] SubEventTypes, string[] TargetClasses);

internal sealed record RegionJson(string Admin1, string? Admin2);

internal sealed record AreaJson(RegionJson[] Regions, string? GeoJson);

internal sealed record TriggerJson(string? Signal, RuleJson? Conduct, string[]? AttributedTo, AreaJson? Area);

internal sealed record SourceJson(string Draft, string Version, int Provision, string Text);

internal sealed record CommitmentJson(string Kind, DateTimeOffset WindowStart, DateTimeOffset? WindowEnd,
    Dictionary<LifecycleAction, string[]> Powers, string[]? Bound, RuleJson[]? Rules, AreaJson? Area,
    string[]? Debtors, string? Creditor, string? Action, long? DeadlineTicks, TriggerJson? Trigger, SourceJson? Source = null)
{
    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static string Write(Commitment c) => StoredJson.Write(From(c));

    public static CommitmentJson From(Commitment c) => Shape(c) with
    {
        Source = c.Source is { } s ? new SourceJson(s.Draft, s.Version, s.Provision, s.Text) : null,
    };

    private static CommitmentJson Shape(Commitment c) => c switch
    {
        Prohibition p => new("prohibition", p.Window.Start, p.Window.End, PowersOf(p), [.. p.BoundParties],
            p.Rules.Select(Rule).ToArray(), AreaOf(p.Area), null, null, null, null, null),
        Obligation o => new("obligation", o.Window.Start, o.Window.End, PowersOf(o), null, null, null, [.. o.Debtors], o.Creditor,
            o.RequiredAction, o.Deadline.Ticks, o.Trigger switch
            {
                SignalTrigger s => new TriggerJson(s.Signal, null, null, null),
                IncidentTrigger i => new TriggerJson(null, Rule(i.Conduct), [.. i.AttributedTo], AreaOf(i.Area)),
                _ => throw new ArgumentException($"Unknown trigger {o.Trigger.GetType().Name}.", nameof(c)),
            }),
        _ => throw new ArgumentException($"Unknown commitment kind {c.GetType().Name}.", nameof(c)),
    };

    /// <summary>Rebuilds the commitment through its constructors (which check it again).</summary>
    public Commitment ToModel(string id, string title)
    {
        var window = WindowStart == DateTimeOffset.MinValue && WindowEnd is null ? null : new TimeWindow(WindowStart, WindowEnd);
        var powers = Powers.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
        var source = Source is { } link ? new ProvisionSource(link.Draft, link.Version, link.Provision, link.Text) : null;
        return Kind switch
        {
            "prohibition" => new Prohibition(id, title, Bound ?? [], (Rules ?? []).Select(ToRule), ToArea(Area), window, powers) { Source = source },
            "obligation" => new Obligation(id, title, Debtors ?? [], Creditor ?? "", Trigger switch
            {
                { Signal: { } s } => new SignalTrigger(s),
                { Conduct: { } r } t => new IncidentTrigger(ToRule(r), t.AttributedTo ?? [], ToArea(t.Area)),
                _ => throw new JsonException("A stored obligation has no trigger."),
            }, Action ?? "", TimeSpan.FromTicks(DeadlineTicks ?? 0), window, powers) { Source = source },
            _ => throw new JsonException($"Unknown stored commitment kind '{Kind}'."),
        };
    }

    private static Dictionary<LifecycleAction, string[]> PowersOf(Commitment c) => c.Powers.ToDictionary(p => p.Key, p => p.Value.ToArray());

    private static RuleJson Rule(ConductRule r) => new(r.Id, [.. r.EventTypes], [.. r.SubEventTypes], [.. r.TargetClasses]);

    private static ConductRule ToRule(RuleJson r) => new(r.Id, r.EventTypes, r.SubEventTypes, r.TargetClasses);

    private static AreaJson? AreaOf(Area a) => a.IsEverywhere ? null
        : new(a.Regions.Select(r => new RegionJson(r.Admin1, r.Admin2)).ToArray(),
            a.Shape is null ? null : JsonSerializer.Serialize(a.Shape, GeoJsonOptions));

    private static Area? ToArea(AreaJson? a) => a is null ? null
        : new Area(a.Regions.Select(r => new AdminRegion(r.Admin1, r.Admin2)),
            a.GeoJson is null ? null : JsonSerializer.Deserialize<Geometry>(a.GeoJson, GeoJsonOptions));
}
