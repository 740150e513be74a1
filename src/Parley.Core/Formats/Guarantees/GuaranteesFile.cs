using Parley.Core.Guarantees;
using Parley.Core.Formats.Scenario;

namespace Parley.Core.Formats.Guarantees;

/// <summary>A review recorded in the file for one incident id.</summary>
/// <param name="IncidentId">The incident reviewed.</param>
/// <param name="Step">The step taken.</param>
public sealed record ReviewEntry(string IncidentId, VerificationStep Step);

/// <summary>Maps a source's actor name to a party, by prefix (case-insensitive): a rule the user declares, not a guess.</summary>
/// <param name="ActorPrefix">Start of the actor name, e.g. "Military Forces of Russia".</param>
/// <param name="Party">The party id, e.g. "ru".</param>
public sealed record ActorAttribution(string ActorPrefix, string Party);

/// <summary>
/// A declaration that the imported data set is itself verified by its source (ACLED and UCDP are curated): every
/// incident without an explicit review is Verified by <see cref="Reviewer"/> at the end of its time interval,
/// attributed by the first <see cref="Attribution"/> rule matching its first actor (the initiator), or left
/// unattributed when none matches.
/// </summary>
/// <param name="Reviewer">Who vouches (e.g. "ACLED").</param>
/// <param name="Attribution">Actor-prefix rules, tried in order.</param>
public sealed record SourceTrust(string Reviewer, IReadOnlyList<ActorAttribution> Attribution);

/// <summary>
/// The contents of a guarantees file (YAML or JSON): commitments, lifecycle events and actions, incident reviews,
/// an optional source-trust declaration and the duplicate policy. One schema with the scenario's commitments
/// (docs/guarantees.md, docs/scenario-format.md), read by the same reader (<see cref="ScenarioGuaranteesReader"/>),
/// snake_case; the old camelCase spelling (<c>eventTypes</c>, <c>attributedTo</c>, <c>enterIntoForce</c>…) is still
/// read, each with a deprecation warning in <see cref="Warnings"/>.
/// </summary>
public sealed record GuaranteesFile(IReadOnlyList<Commitment> Commitments, IReadOnlyList<CommitmentEvent> Events,
    IReadOnlyList<ReviewEntry> Reviews, SourceTrust? Trust, DuplicatePolicy Duplicates)
{
    private static readonly string[] Sections = ["commitments", "events", "reviews", "source_trust", "duplicates"];

    /// <summary>Deprecated spellings read, each with file, line, column and field: <c>guarantees.yaml:12:20 rules[0].eventTypes: …</c>.</summary>
    public IReadOnlyList<SourceProblem> Warnings { get; init; } = [];

    /// <summary>
    /// Reads a file; on any error returns no file and every error found, with line, column and field.
    /// <paramref name="fileName"/> only labels the errors and warnings (no file I/O).
    /// </summary>
    public static (GuaranteesFile? File, IReadOnlyList<SourceProblem> Errors) Read(TextReader reader, string fileName = "guarantees file")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        var ctx = new ReadContext(fileName, text);
        var file = Read(ctx, text);
        var errors = ctx.Errors();
        return errors.Count > 0 ? (null, errors) : (file! with { Warnings = ctx.Warnings() }, []);
    }

    private static GuaranteesFile? Read(ReadContext ctx, string text)
    {
        const string cause = "recorded in the guarantees file";
        if (ScenarioReader.Load(text, ctx, "guarantees", "a 'commitments' list") is not { } root
            || Fields.Open(ctx, root, "", Sections, "a mapping with a 'commitments' list") is not { } top) return null;
        var (commitments, events) = ScenarioGuaranteesReader.Commitments(ctx, top, parties: null, cause);
        if (!top.Has("commitments")) top.Fail(top.Node.Start, "commitments", "a guarantees file needs a 'commitments' list");
        else if (commitments.Count == 0 && !ctx.HasErrors) top.Fail(top.Locate("commitments"), "commitments", "'commitments' lists no commitment");
        var byId = commitments.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var (node, path) in top.List("events"))
        {
            if (Fields.Open(ctx, node, path, [.. ScenarioGuaranteesReader.EventFields, "commitment", "signal"]) is not { } e) continue;
            if (e.Has("signal"))
            {
                var (signal, at) = (e.Text("signal"), e.Date("at", required: true));
                if (e.Build(() => new SignalRaised(signal!, at!.Value, e.Text("cause") ?? cause)) is { } raised) events.Add(raised);
            }
            else if (e.Id("commitment", required: true) is { } id)
            {
                if (byId.TryGetValue(id, out var commitment))
                {
                    if (ScenarioGuaranteesReader.Event(e, commitment, null, cause) is { } ev) events.Add(ev);
                }
                else e.Fail(e.Locate("commitment"), e.Sub("commitment"), $"commitment '{id}' is not defined");
            }
        }
        var reviews = new List<ReviewEntry>();
        foreach (var (node, path) in top.List("reviews"))
            if (Fields.Open(ctx, node, path, [.. ScenarioGuaranteesReader.ReviewFields, "incident"]) is { } r
                && r.Text("incident", required: true) is { } incident && ScenarioGuaranteesReader.Review(r, null) is { } step)
                reviews.Add(new ReviewEntry(incident.Trim(), step));
        return new GuaranteesFile(commitments, events, reviews, ReadTrust(top), ReadDuplicates(top));
    }

    private static SourceTrust? ReadTrust(Fields top)
    {
        if (top.Raw("source_trust") is not { } node || top.Child(node, "source_trust", ["reviewer", "attribution"]) is not { } t) return null;
        var reviewer = t.Text("reviewer", required: true);
        var rules = new List<ActorAttribution>();
        foreach (var (an, ap) in t.List("attribution"))
            if (t.Child(an, ap, ["actor_prefix", "party"]) is { } a && a.Text("actor_prefix", required: true) is { } prefix
                && a.Text("party", required: true) is { } party)
                rules.Add(new ActorAttribution(prefix.Trim(), party.Trim()));
        return t.Build(() => new SourceTrust(reviewer!.Trim(), rules));
    }

    private static DuplicatePolicy ReadDuplicates(Fields top)
    {
        if (top.Raw("duplicates") is not { } node || top.Child(node, "duplicates", ["radius_km", "max_gap"]) is not { } d)
            return DuplicatePolicy.Default;
        var radius = d.Number("radius_km") ?? DuplicatePolicy.Default.RadiusKm;
        var gap = ScenarioGuaranteesReader.Duration(d, "max_gap", required: false) ?? DuplicatePolicy.Default.MaxGap;
        return d.Build(() => new DuplicatePolicy(radius, gap)) ?? DuplicatePolicy.Default;
    }

    /// <summary>
    /// The incidents with this file's reviews applied, and the source-trust declaration for the rest. Reviews naming
    /// unknown incidents, or breaking the workflow, are returned as messages and not applied.
    /// </summary>
    public (IReadOnlyList<Incident> Incidents, IReadOnlyList<string> Problems) Apply(IEnumerable<Incident> incidents)
    {
        var byId = Reviews.GroupBy(r => r.IncidentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var problems = new List<string>();
        var result = new List<Incident>();
        foreach (var incident in incidents)
        {
            var current = incident;
            if (byId.Remove(incident.Id, out var steps))
            {
                try { current = steps.Aggregate(current, (i, r) => i.Review(r.Step)); }
                catch (RuleRefusal ex) { problems.Add($"reviews of incident {incident.Id} not applied: {ex.Message}"); }
            }
            else if (Trust is not null)
            {
                var at = incident.Time.End;
                var party = Trust.Attribution.FirstOrDefault(a => incident.Actors.Count > 0
                    && incident.Actors[0].StartsWith(a.ActorPrefix, StringComparison.OrdinalIgnoreCase))?.Party;
                current = incident.Review(new VerificationStep(VerificationState.UnderReview, at, Trust.Reviewer))
                    .Review(new VerificationStep(VerificationState.Verified, at, Trust.Reviewer,
                        incident.Sources.Count > 0 ? string.Join("; ", incident.Sources) : "source data set", party));
            }
            result.Add(current);
        }
        problems.AddRange(byId.Keys.Select(id => $"reviews name incident {id}, which is not in the incident file"));
        return (result, problems);
    }
}
