using Microsoft.EntityFrameworkCore;
using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Data.Guarantees;

/// <summary>
/// The guarantees desk's reads: pages of reports filtered, sorted and counted in the database (indexes
/// <c>IX_incidents_groups</c> and <c>IX_incidents_state</c>), and the evaluation from the verified reports only — so
/// that a negotiation holding 100,000 reports shows its first screen without reading them all.
/// </summary>
public sealed partial class GuaranteesStore
{
    private const string Verified = nameof(VerificationState.Verified);

    /// <summary>One page of the negotiation's reports as <paramref name="query"/> asks, with the total that match.</summary>
    public async Task<IncidentPage> ListAsync(string negotiationId, IncidentQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var asOf = query.AsOf;
        // The stored state is the last step's: it is the state as of the date unless a step was recorded after it.
        var stateIsCurrent = query.Filter.States.Count == 0
            || !await db.IncidentReviews.AnyAsync(v => v.NegotiationId == negotiationId && v.At > asOf, ct);
        var rows = Filtered(negotiationId, query, stateIsCurrent);
        var total = await rows.CountAsync(ct);
        var sorted = Sorted(rows, query.Sort).Skip(query.Offset);
        var page = await (query.Limit is { } limit ? sorted.Take(limit) : sorted).ToListAsync(ct);
        var ids = page.Select(r => r.Id).ToList();
        var duplicates = query.Grouped && ids.Count > 0
            ? await db.Incidents.AsNoTracking()
                .Where(r => r.NegotiationId == negotiationId && r.DuplicateOf != null && ids.Contains(r.DuplicateOf) && r.Start <= asOf)
                .OrderBy(r => r.Start).ThenBy(r => r.Id).ToListAsync(ct)
            : [];
        var reviewed = ids.Concat(duplicates.Select(d => d.Id)).ToList();
        // A long list (the API's, without a limit) reads every review rather than send thousands of ids.
        var steps = db.IncidentReviews.AsNoTracking().Where(v => v.NegotiationId == negotiationId);
        if (reviewed.Count <= IncidentQuery.MaxLimit * 2) steps = steps.Where(v => reviewed.Contains(v.IncidentId));
        var reviews = (await steps.ToListAsync(ct)).ToLookup(v => v.IncidentId, StringComparer.Ordinal);
        try
        {
            StoredIncident Model(IncidentRow r) => new(IncidentMapping.Model(r, reviews[r.Id]), r.DuplicateOf);
            return new IncidentPage(page.Select(Model).ToList(), total,
                duplicates.GroupBy(d => d.DuplicateOf!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<StoredIncident>)g.Select(Model).ToList(), StringComparer.Ordinal));
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new ParleyDatabaseException($"Stored incidents of '{negotiationId}' are not valid any more: {e.Message}", e);
        }
    }

    /// <summary>
    /// Evaluates the negotiation's commitments as of <paramref name="asOf"/> from the reports that can count — those
    /// verified (verification is final, so the stored state says it) with every report of their duplicate groups —
    /// and the Talks signals. Equal to <see cref="EvaluateAsync"/> under the stored groups' (default) policy, since a
    /// group regrouped alone is the same group; reads a few reports where that reads them all.
    /// </summary>
    /// <param name="negotiation">The negotiation as the reader sees it (see <see cref="EvaluateAsync"/>).</param>
    /// <param name="asOf">The instant evaluated.</param>
    /// <param name="ct">Cancels the reading.</param>
    public async Task<GuaranteesEvaluation> EvaluateVerifiedAsync(Negotiation negotiation, DateTimeOffset asOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var id = negotiation.Id;
        var (commitments, events) = await CommitmentsAsync(id, ct);
        List<StoredIncident> incidents;
        await using (await db.BeginSnapshotAsync(ct))
        {
            // The groups' primaries by key, then their members through IX_incidents_groups: no scan of the other reports.
            var groups = await db.Incidents.Where(r => r.NegotiationId == id && r.State == Verified)
                .Select(r => r.DuplicateOf ?? r.Id).Distinct().ToListAsync(ct);
            var rows = groups.Count == 0 ? new List<IncidentRow>() : await db.Incidents.AsNoTracking()
                .Where(r => r.NegotiationId == id && groups.Contains(r.Id)).ToListAsync(ct);
            if (groups.Count > 0)
                rows.AddRange(await db.Incidents.AsNoTracking()
                    .Where(r => r.NegotiationId == id && r.DuplicateOf != null && groups.Contains(r.DuplicateOf)).ToListAsync(ct));
            var ids = rows.Select(r => r.Id).ToList();
            var reviews = (await db.IncidentReviews.AsNoTracking()
                    .Where(v => v.NegotiationId == id && ids.Contains(v.IncidentId)).ToListAsync(ct))
                .ToLookup(v => v.IncidentId, StringComparer.Ordinal);
            try
            {
                incidents = rows.Select(r => new StoredIncident(IncidentMapping.Model(r, reviews[r.Id]), r.DuplicateOf)).ToList();
            }
            catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
            {
                throw new ParleyDatabaseException($"Stored incidents of '{id}' are not valid any more: {e.Message}", e);
            }
        }
        var index = IncidentIndex.Build(incidents.Select(i => i.Incident));
        return GuaranteeEvaluator.Evaluate(commitments, index, events.Concat(TalksSignals.Of(negotiation, asOf)), asOf);
    }

    /// <summary>
    /// How many primary reports known by <paramref name="asOf"/> (a duplicate group counts once) start at each instant
    /// in each state as of then — what the timeline counts, grouped in the database (reports known to the day share
    /// their start) instead of read one by one.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset Start, VerificationState State, int Count)>> PrimaryStatesAsync(string negotiationId,
        DateTimeOffset asOf, CancellationToken ct = default)
    {
        asOf = asOf.ToUniversalTime();
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var primaries = db.Incidents.AsNoTracking().Where(r => r.NegotiationId == negotiationId && r.DuplicateOf == null && r.Start <= asOf);
        var counts = (await primaries.GroupBy(r => new { r.Start, r.State }).Select(g => new { g.Key.Start, g.Key.State, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(c => (c.Start.ToUniversalTime(), c.State), c => c.Count);
        // Steps recorded after the date are not known then: those reports move to the state of their earlier steps.
        var later = await db.IncidentReviews.AsNoTracking().Where(v => v.NegotiationId == negotiationId && v.At > asOf)
            .Select(v => v.IncidentId).Distinct().ToListAsync(ct);
        if (later.Count > 0)
        {
            var moved = await primaries.Where(r => later.Contains(r.Id)).Select(r => new { r.Id, r.Start, r.State }).ToListAsync(ct);
            var earlier = (await db.IncidentReviews.AsNoTracking()
                    .Where(v => v.NegotiationId == negotiationId && v.At <= asOf && later.Contains(v.IncidentId))
                    .Select(v => new { v.IncidentId, v.Step, v.ToState }).ToListAsync(ct))
                .GroupBy(v => v.IncidentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Step)!.ToState, StringComparer.Ordinal);
            foreach (var r in moved)
            {
                var start = r.Start.ToUniversalTime();
                counts[(start, r.State)]--;
                var then = earlier.GetValueOrDefault(r.Id, nameof(VerificationState.Reported));
                counts[(start, then)] = counts.GetValueOrDefault((start, then)) + 1;
            }
        }
        return counts.Where(c => c.Value > 0).Select(c => (c.Key.Item1, Enum.Parse<VerificationState>(c.Key.Item2), c.Value)).ToList();
    }

    private IQueryable<IncidentRow> Filtered(string negotiationId, IncidentQuery query, bool stateIsCurrent)
    {
        var f = query.Filter;
        var asOf = query.AsOf;
        var rows = db.Incidents.AsNoTracking().Where(r => r.NegotiationId == negotiationId && r.Start <= asOf);
        if (query.Grouped) rows = rows.Where(r => r.DuplicateOf == null);
        if (f.States.Count > 0)
        {
            var states = f.States.Select(s => s.ToString()).ToList();
            rows = stateIsCurrent
                ? rows.Where(r => states.Contains(r.State))
                : rows.Where(r => states.Contains(db.IncidentReviews
                    .Where(v => v.NegotiationId == r.NegotiationId && v.IncidentId == r.Id && v.At <= asOf)
                    .OrderByDescending(v => v.Step).Select(v => v.ToState).FirstOrDefault() ?? nameof(VerificationState.Reported)));
        }
        if (f.EventType is { } type)
        {
            var lower = type.ToLowerInvariant();
            rows = rows.Where(r => r.EventType == type || r.EventType.ToLower() == lower);
        }
        if (f.Region is { } region)
        {
            var lower = region.ToLowerInvariant();
            rows = rows.Where(r => r.Admin1 == region || r.Admin1!.ToLower() == lower);
        }
        if (f.Party is { } party)
            rows = rows.Where(r => db.IncidentReviews.Any(v => v.NegotiationId == r.NegotiationId && v.IncidentId == r.Id
                && v.ToState == Verified && v.ResponsibleParty == party && v.At <= asOf));
        if (f.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(r => r.Start >= start);
        }
        if (f.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(r => r.Start < end);
        }
        if (f.Text is { } text)
        {
            var t = text.ToLowerInvariant();
            rows = rows.Where(r => r.Id.ToLower().Contains(t) || r.EventType.ToLower().Contains(t)
                || (r.SubEventType != null && r.SubEventType.ToLower().Contains(t)) || (r.Place != null && r.Place.ToLower().Contains(t))
                || (r.Admin1 != null && r.Admin1.ToLower().Contains(t)) || (r.Admin2 != null && r.Admin2.ToLower().Contains(t))
                || (r.Country != null && r.Country.ToLower().Contains(t)) || r.ActorsJson.ToLower().Contains(t)
                || r.SourcesJson.ToLower().Contains(t) || (r.Notes != null && r.Notes.ToLower().Contains(t)));
        }
        return rows;
    }

    private static IQueryable<IncidentRow> Sorted(IQueryable<IncidentRow> rows, IncidentSort sort) => sort switch
    {
        IncidentSort.Oldest => rows.OrderBy(r => r.Start).ThenBy(r => r.Id),
        IncidentSort.Deaths => rows.OrderBy(r => r.Fatalities == null).ThenByDescending(r => r.Fatalities)
            .ThenByDescending(r => r.Start).ThenByDescending(r => r.Id),
        IncidentSort.Region => rows.OrderBy(r => r.Admin1 == null).ThenBy(r => r.Admin1).ThenByDescending(r => r.Start).ThenByDescending(r => r.Id),
        IncidentSort.EventType => rows.OrderBy(r => r.EventType).ThenByDescending(r => r.Start).ThenByDescending(r => r.Id),
        _ => rows.OrderByDescending(r => r.Start).ThenByDescending(r => r.Id),
    };
}
