using Microsoft.EntityFrameworkCore;
using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Data.Guarantees;

/// <summary>Reading a negotiation's incident reports and evaluating its commitments against them.</summary>
public sealed partial class GuaranteesStore
{
    /// <summary>The negotiation's reports with their review steps and group membership, in start order (then id).</summary>
    public async Task<IReadOnlyList<StoredIncident>> IncidentsAsync(string negotiationId, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        return await LoadIncidentsAsync(negotiationId, ct);
    }

    /// <summary>
    /// One report with its review steps and group membership, read by its key — what an intake or a review answers
    /// with, without reading the negotiation's other reports. Null when there is no such report.
    /// </summary>
    public async Task<StoredIncident?> IncidentAsync(string negotiationId, string incidentId, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var row = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(r => r.NegotiationId == negotiationId && r.Id == incidentId, ct);
        if (row is null) return null;
        var reviews = await db.IncidentReviews.AsNoTracking()
            .Where(r => r.NegotiationId == negotiationId && r.IncidentId == incidentId).ToListAsync(ct);
        try
        {
            return new StoredIncident(IncidentMapping.Model(row, reviews), row.DuplicateOf);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new ParleyDatabaseException($"Stored incident '{incidentId}' of '{negotiationId}' is not valid any more: {e.Message}", e);
        }
    }

    /// <summary>
    /// Evaluates the negotiation's commitments as of <paramref name="asOf"/> against its stored reports, with the
    /// signals its proposals raised (<see cref="TalksSignals"/>).
    /// </summary>
    /// <param name="negotiation">The negotiation as the reader sees it: only its visible proposals raise signals, so that
    /// a commitment's state never reveals the answer to a proposal the reader may not see.</param>
    /// <param name="asOf">The instant evaluated.</param>
    /// <param name="policy">Duplicate policy (default 1 km, 2 h).</param>
    /// <param name="incidents">The negotiation's reports when the caller has just read them (<see cref="IncidentsAsync"/>),
    /// so that a page showing both reads them once; null to read them here.</param>
    /// <param name="ct">Cancels the reading.</param>
    public async Task<(GuaranteesEvaluation Evaluation, IncidentIndex Index)> EvaluateAsync(Negotiation negotiation, DateTimeOffset asOf,
        DuplicatePolicy? policy = null, IReadOnlyList<StoredIncident>? incidents = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var (commitments, events) = await CommitmentsAsync(negotiation.Id, ct);
        incidents ??= await IncidentsAsync(negotiation.Id, ct);
        var index = IncidentIndex.Build(incidents.Select(i => i.Incident), policy);
        return (GuaranteeEvaluator.Evaluate(commitments, index, events.Concat(TalksSignals.Of(negotiation, asOf)), asOf), index);
    }

    /// <summary>
    /// The stored reports <paramref name="window"/> holds (every report when it is null), with the fields grouping
    /// reads and the stored group.
    /// </summary>
    private async Task<List<StoredIncident>> GroupingContextAsync(string negotiationId, RegroupWindow? window, CancellationToken ct)
    {
        var rows = db.Incidents.AsNoTracking().Where(r => r.NegotiationId == negotiationId);
        if (window is not null)
        {
            // RegroupWindow.Holds as a query; stored instants are whole microseconds, so rounding down reads no less.
            var (from, horizon) = (Mapping.Instants.ToMicroseconds(window.From), Mapping.Instants.ToMicroseconds(window.Horizon));
            rows = rows.Where(r => r.Start >= from || (r.DuplicateOf == null && r.End >= horizon));
        }
        var read = await rows.Select(r => new
        {
            r.Id, r.Start, r.End, r.Precision, r.Latitude, r.Longitude, r.Country, r.Admin1, r.Admin2, r.Admin3, r.Place,
            r.EventType, r.SubEventType, r.DuplicateOf,
        }).ToListAsync(ct);
        try
        {
            return read.Select(r => new StoredIncident(new Incident(r.Id,
                    IncidentMapping.Time(r.Start, r.End, r.Precision),
                    new Location(r.Latitude, r.Longitude, r.Country, r.Admin1, r.Admin2, r.Admin3, r.Place), r.EventType, r.SubEventType),
                r.DuplicateOf)).ToList();
        }
        catch (ArgumentException e)
        {
            throw new ParleyDatabaseException($"Stored incidents of '{negotiationId}' are not valid any more: {e.Message}", e);
        }
    }

    private async Task<List<StoredIncident>> LoadIncidentsAsync(string negotiationId, CancellationToken ct)
    {
        var rows = await db.Incidents.AsNoTracking().Where(r => r.NegotiationId == negotiationId).ToListAsync(ct);
        var reviews = (await db.IncidentReviews.AsNoTracking().Where(r => r.NegotiationId == negotiationId).ToListAsync(ct))
            .ToLookup(r => r.IncidentId, StringComparer.Ordinal);
        try
        {
            return rows.Select(r => new StoredIncident(IncidentMapping.Model(r, reviews[r.Id]), r.DuplicateOf))
                .OrderBy(s => s.Incident.Time.Start).ThenBy(s => s.Incident.Id, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new ParleyDatabaseException($"Stored incidents of '{negotiationId}' are not valid any more: {e.Message}", e);
        }
    }
}
