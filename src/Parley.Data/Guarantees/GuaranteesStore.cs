using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Parley.Data.History;
using Parley.Data.Mapping;

namespace Parley.Data.Guarantees;

/// <summary>What an incident import stored.</summary>
/// <param name="Imported">Reports stored.</param>
/// <param name="AlreadyStored">Ids refused because the negotiation already holds a report with that id.</param>
/// <param name="DuplicatesGrouped">Reports of the negotiation that belong to another report's duplicate group, after the import.</param>
/// <param name="HistorySequence">The history entry that records the import.</param>
public sealed record IncidentsStored(int Imported, IReadOnlyList<string> AlreadyStored, int DuplicatesGrouped, long HistorySequence);

/// <summary>
/// Stores a negotiation's Guarantees: incident reports with their verification steps and duplicate-group membership,
/// commitments and their lifecycle events. Like <see cref="NegotiationStore"/>, every change runs in one
/// transaction holding the writer lock and appends one history entry in it; an import of many reports is one
/// entry summarising the batch (counts, source, SHA-256 of the content). Not thread-safe (one per request).
/// </summary>
public sealed partial class GuaranteesStore(ParleyDbContext db, TimeProvider clock)
{
    private readonly HistoryLog _history = new(db, clock);

    /// <summary>
    /// Stores <paramref name="incidents"/> (Reported, or with their review steps) in one transaction: reports whose id
    /// the negotiation already holds are refused and returned, the rest are stored, duplicate groups are recomputed
    /// over all the negotiation's reports. Cancelled or failed half-way, nothing is stored. Null when there is no
    /// such negotiation.
    /// </summary>
    /// <param name="negotiationId">The negotiation.</param>
    /// <param name="incidents">Reports with distinct ids.</param>
    /// <param name="actor">Who imports, for the history.</param>
    /// <param name="source">What was imported ("acled file x.csv", "api"), for the history.</param>
    /// <param name="contentHash">SHA-256 (hex) of the imported content, for the history.</param>
    /// <param name="policy">Duplicate policy (default 1 km, 2 h).</param>
    /// <param name="progress">Rows written so far.</param>
    /// <param name="ct">Cancels the import; nothing is stored.</param>
    /// <exception cref="ArgumentException">Two reports share an id.</exception>
    public async Task<IncidentsStored?> ImportIncidentsAsync(string negotiationId, IReadOnlyList<Incident> incidents, string actor,
        string source, string contentHash, DuplicatePolicy? policy = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        RequireActor(actor);
        // Checked on another core while the write begins and the rows are sorted (a large import's ids take a few
        // hundredths of a second); a repeat is reported as such before anything is committed.
        var repeated = Task.Run(() => FirstRepeatedId(incidents), CancellationToken.None);
        try
        {
            await using var cache = db is SqliteParleyDbContext sqlite ? await sqlite.LargeCacheAsync(ct) : null;
            await using var transaction = await db.BeginWriteAsync(ct);
            var known = await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct);
            var stored = known ? await StoreIncidentsAsync(negotiationId, incidents, actor, source, contentHash, policy, progress, ct) : null;
            if (await repeated is { } id) throw RepeatedId(id);
            if (stored is null) return null;
            await transaction.CommitAsync(ct);
            return stored;
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            // A repeated id makes the database refuse a row half-way: the user's mistake is the repeat, said so.
            if (await repeated is { } id) throw RepeatedId(id);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static ArgumentException RepeatedId(string id) => new($"Incident id '{id}' appears twice.", "incidents");

    private static string? FirstRepeatedId(IReadOnlyList<Incident> incidents)
    {
        var ids = new HashSet<string>(incidents.Count, StringComparer.Ordinal);
        foreach (var i in incidents)
            if (!ids.Add(i.Id)) return i.Id;
        return null;
    }

    /// <summary>The body of <see cref="ImportIncidentsAsync"/>, inside the caller's write transaction; the caller checks that the ids are distinct.</summary>
    private async Task<IncidentsStored> StoreIncidentsAsync(string negotiationId, IReadOnlyList<Incident> incidents, string actor,
        string source, string contentHash, DuplicatePolicy? policy, IProgress<int>? progress, CancellationToken ct)
    {
        var stored = (await db.Incidents.Where(r => r.NegotiationId == negotiationId).Select(r => r.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var refused = stored.Count == 0 ? [] : incidents.Where(i => stored.Contains(i.Id)).Select(i => i.Id).ToArray();
        var fresh = refused.Length == 0 ? incidents : incidents.Where(i => !stored.Contains(i.Id)).ToArray();
        // The entry is appended after the rows, so that it carries their digests; the reports name it as their batch.
        var entry = await _history.NextSequenceAsync(ct);
        var written = new Record.RowChanges();
        async Task AppendAsync()
        {
            var appended = await _history.AppendAsync(negotiationId, actor, "incidents.imported", "incidents", negotiationId, Core.Talks.Visibility.Shared,
                StoredJson.Write(new { source, imported = fresh.Count, refused = refused.Length, sha256 = contentHash }), ct, written);
            await db.SaveChangesAsync(ct);
            if (appended != entry) throw new InvalidOperationException($"The import's entry is {appended}, not {entry}.");
        }
        if (fresh.Count == 0)
        {
            await AppendAsync();
            return new IncidentsStored(0, refused, await db.Incidents.CountAsync(r => r.NegotiationId == negotiationId && r.DuplicateOf != null, ct), entry);
        }

        // Only what the new reports can change is read (IncidentRegrouping.Window); other stored groups stay as they are.
        var window = stored.Count == 0 ? null : IncidentRegrouping.Window(fresh, policy);
        var existing = stored.Count == 0 ? [] : await GroupingContextAsync(negotiationId, window, ct);
        var before = window is null ? DateTimeOffset.MinValue : Instants.ToMicroseconds(window.From);
        var duplicates = existing.Count(s => s.DuplicateOf is not null) + (window is null ? 0
            : await db.Incidents.CountAsync(r => r.NegotiationId == negotiationId && r.Start < before && r.DuplicateOf != null, ct));

        // New reports are written as grouping finds them (on the bulk insert's worker thread, in start order; a primary
        // comes before its members), so grouping overlaps SQLite's work; stored reports whose group changed are
        // collected and updated after, in one batch.
        var regrouped = new List<GroupChange>();
        IEnumerable<IncidentRow> FreshRows()
        {
            IncidentRow? row = null;
            var lists = new IncidentMapping.ListJson();
            foreach (var change in IncidentRegrouping.Regroup(existing, fresh, policy))
            {
                if (change.IsStored)
                {
                    regrouped.Add(change);
                    continue;
                }
                if (change.DuplicateOf is not null) duplicates++;
                // One instance refilled for all rows: the bulk insert reads a row before asking for the next, and
                // 200,000 live rows cost more in garbage collection than in SQLite.
                if (row is null) row = IncidentMapping.Row(negotiationId, change.Report, change.DuplicateOf, entry);
                else IncidentMapping.Fill(row, change.Report, change.DuplicateOf, lists);
                yield return row;
            }
        }
        var freshDigests = new List<Record.StoredRow>(fresh.Count);
        var digested = await new BulkInsert<IncidentRow>(db).InsertAsync(db, FreshRows(), progress, ct, freshDigests);
        duplicates += Regrouped(negotiationId, regrouped);
        var reviewDigests = new List<Record.StoredRow>();
        digested &= await new BulkInsert<IncidentReviewRow>(db).InsertAsync(db, fresh.Where(i => i.Verification.Count > 0).SelectMany(i =>
            i.Verification.Select((step, s) => IncidentMapping.Review(negotiationId, i.Id, s + 1, step))), null, ct, reviewDigests);
        if (digested) written.Digested<IncidentRow>(freshDigests).Digested<IncidentReviewRow>(reviewDigests);
        else
            foreach (var i in fresh)
            {
                written.Row<IncidentRow>(negotiationId, i.Id);
                for (var s = 1; s <= i.Verification.Count; s++) written.Row<IncidentReviewRow>(negotiationId, i.Id, s);
            }
        await AppendAsync();
        return new IncidentsStored(fresh.Count, refused, duplicates, entry);
    }

    /// <summary>Marks regrouped stored reports for update, saved in one batch with (and recorded by) the import's entry; returns the change in duplicates.</summary>
    private int Regrouped(string negotiationId, IReadOnlyList<GroupChange> regrouped)
    {
        var delta = 0;
        foreach (var change in regrouped)
        {
            var before = change.Stored!.DuplicateOf;
            // A stub of the key and the one column: only duplicate_of is marked modified, so only it is written.
            var row = db.Incidents.Attach(new IncidentRow
            {
                NegotiationId = negotiationId, Id = change.Report.Id, Precision = "", EventType = "", ActorsJson = "",
                TargetClassesJson = "", SourcesJson = "", State = "", DuplicateOf = before,
            });
            row.Property(r => r.DuplicateOf).CurrentValue = change.DuplicateOf;
            row.Property(r => r.DuplicateOf).IsModified = true;
            delta += (change.DuplicateOf is null ? 0 : 1) - (before is null ? 0 : 1);
        }
        return delta;
    }

    /// <summary>
    /// Records a verification step (start review, verify with attribution and evidence, reject). Refusals of the
    /// workflow (verifying a report not under review, a step back in time) throw <see cref="RuleRefusal"/>
    /// and store nothing.
    /// </summary>
    /// <exception cref="RuleRefusal">The step does not follow the workflow, or names a party the negotiation lacks; a
    /// <see cref="RefusalKind.NotFound"/> one when the negotiation holds no such incident.</exception>
    public async Task ReviewAsync(string negotiationId, string incidentId, VerificationStep step, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var row = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(r => r.NegotiationId == negotiationId && r.Id == incidentId, ct);
            if (row is null) throw new RuleRefusal("incident", $"there is no incident '{incidentId}'", RefusalKind.NotFound);
            if (step.ResponsibleParty is { } party && !await db.Parties.AnyAsync(p => p.NegotiationId == negotiationId && p.Id == party, ct))
                throw new RuleRefusal("responsibleParty", $"unknown party '{party}'");
            var steps = await db.IncidentReviews.AsNoTracking().Where(r => r.NegotiationId == negotiationId && r.IncidentId == incidentId).ToListAsync(ct);
            var reviewed = IncidentMapping.Model(row, steps).Review(step); // the workflow's rules
            db.IncidentReviews.Add(IncidentMapping.Review(negotiationId, incidentId, steps.Count + 1, step));
            await db.Incidents.Where(r => r.NegotiationId == negotiationId && r.Id == incidentId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, reviewed.State.ToString()), ct);
            await _history.AppendAsync(negotiationId, actor, "incident.reviewed", "incident", incidentId, Core.Talks.Visibility.Shared,
                StoredJson.Write(new { state = step.To, at = step.At, reviewer = step.Reviewer, evidence = step.Evidence, responsibleParty = step.ResponsibleParty }), ct,
                new Record.RowChanges().Row<IncidentRow>(negotiationId, incidentId));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Replaces the negotiation's commitments and their events as a whole (a scenario import). False when there is no
    /// such negotiation.
    /// </summary>
    /// <exception cref="ArgumentException">An event names a commitment not in <paramref name="commitments"/>, or ids repeat.</exception>
    public async Task<bool> ReplaceCommitmentsAsync(string negotiationId, IReadOnlyList<Commitment> commitments,
        IReadOnlyList<CommitmentEvent> events, string actor, CancellationToken ct = default)
    {
        RequireActor(actor);
        var ids = DistinctIds(commitments);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (!await db.Negotiations.AnyAsync(n => n.Id == negotiationId, ct)) return false;
            await StoreCommitmentsAsync(negotiationId, commitments, events, ids, actor, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The body of <see cref="ReplaceCommitmentsAsync"/>, inside the caller's write transaction.</summary>
    private async Task StoreCommitmentsAsync(string negotiationId, IReadOnlyList<Commitment> commitments,
        IReadOnlyList<CommitmentEvent> events, HashSet<string> ids, string actor, CancellationToken ct)
    {
        await db.CommitmentEvents.Where(r => r.NegotiationId == negotiationId).ExecuteDeleteAsync(ct);
        await db.Commitments.Where(r => r.NegotiationId == negotiationId).ExecuteDeleteAsync(ct);
        for (var k = 0; k < commitments.Count; k++)
            db.Commitments.Add(new CommitmentRow
            {
                NegotiationId = negotiationId, Id = commitments[k].Id, Ordinal = k, Title = commitments[k].Title,
                Kind = commitments[k] is Prohibition ? "prohibition" : "obligation", DefinitionJson = CommitmentJson.Write(commitments[k]),
            });
        var sequence = 0;
        foreach (var e in events.Where(e => e is not SignalRaised))
            db.CommitmentEvents.Add(EventRow(negotiationId, ++sequence, e, ids));
        await _history.AppendAsync(negotiationId, actor, "commitments.replaced", "commitments", negotiationId, Core.Talks.Visibility.Shared,
            StoredJson.Write(new { commitments = commitments.Select(c => c.Id), events = sequence }), ct,
            new Record.RowChanges().Reset(typeof(CommitmentRow), typeof(CommitmentEventRow)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores a scenario's Guarantees sections inside the caller's write transaction (the negotiation's import, so that
    /// the negotiation, its profiles and its guarantees are stored together or not at all): commitments and events
    /// (replacing any), and its incidents. A scenario without the sections writes nothing.
    /// </summary>
    /// <exception cref="ArgumentException">Ids repeat, or an event names a commitment the scenario lacks.</exception>
    internal async Task StoreScenarioInTransactionAsync(string negotiationId, Core.Formats.Scenario.ScenarioGuarantees guarantees, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(guarantees);
        if (db.Database.CurrentTransaction is null || db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("A scenario's guarantees are stored inside the import's transaction, after its changes are saved.");
        // Each step appends history through a fresh head row; saved rows still tracked would clash with it.
        db.ChangeTracker.Clear();
        if (guarantees.Commitments.Count > 0 || guarantees.Events.Count > 0)
            await StoreCommitmentsAsync(negotiationId, guarantees.Commitments, guarantees.Events, DistinctIds(guarantees.Commitments), actor, ct);
        db.ChangeTracker.Clear();
        if (guarantees.Incidents.Count > 0)
        {
            var ids = new HashSet<string>(guarantees.Incidents.Count, StringComparer.Ordinal);
            foreach (var i in guarantees.Incidents)
                if (!ids.Add(i.Id)) throw new ArgumentException($"Incident id '{i.Id}' appears twice.", nameof(guarantees));
            await StoreIncidentsAsync(negotiationId, guarantees.Incidents, actor, "scenario file", Sha256(guarantees.Incidents.Select(i => i.Id)), null, null, ct);
        }
    }

    /// <summary>
    /// The negotiation's Guarantees as a scenario's sections, read in one snapshot: commitments in order with their
    /// events, and the reports (with their review steps) in start order. Empty when it has none.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">A stored commitment or report no longer reads.</exception>
    public async Task<Core.Formats.Scenario.ScenarioGuarantees> ScenarioAsync(string negotiationId, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var (commitments, events) = await ReadCommitmentsAsync(negotiationId, ct);
        var incidents = await LoadIncidentsAsync(negotiationId, ct);
        return new(commitments, events, incidents.Select(i => i.Incident).ToArray());
    }

    /// <summary>SHA-256 (lower-case hex) of the lines given, each followed by a newline: the content hash the history records.</summary>
    public static string Sha256(IEnumerable<string> lines)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var line in lines) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Records a lifecycle event or a performed action on one commitment.</summary>
    /// <exception cref="ArgumentException">A signal (signals come from the Talks).</exception>
    /// <exception cref="RuleRefusal">A party the negotiation lacks; a <see cref="RefusalKind.NotFound"/> one when it has no such commitment.</exception>
    public async Task AddEventAsync(string negotiationId, CommitmentEvent e, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        RequireActor(actor);
        var commitmentId = e switch
        {
            LifecycleEvent l => l.CommitmentId,
            ActionPerformed a => a.CommitmentId,
            _ => throw new ArgumentException("Only lifecycle events and performed actions are recorded on a commitment.", nameof(e)),
        };
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            if (!await db.Commitments.AnyAsync(c => c.NegotiationId == negotiationId && c.Id == commitmentId, ct))
                throw new RuleRefusal("commitment", $"there is no commitment '{commitmentId}'", RefusalKind.NotFound);
            var party = e is LifecycleEvent le ? le.Actor : ((ActionPerformed)e).Party;
            if (party is not null && !await db.Parties.AnyAsync(p => p.NegotiationId == negotiationId && p.Id == party, ct))
                throw new RuleRefusal(e is LifecycleEvent ? "actor" : "party", $"unknown party '{party}'");
            var last = await db.CommitmentEvents.Where(r => r.NegotiationId == negotiationId).MaxAsync(r => (int?)r.Sequence, ct) ?? 0;
            var row = EventRow(negotiationId, last + 1, e, null);
            db.CommitmentEvents.Add(row);
            await _history.AppendAsync(negotiationId, actor, "commitment.event", "commitment", commitmentId, Core.Talks.Visibility.Shared,
                StoredJson.Write(new { row.LifecycleAction, row.Performed, row.At, row.Cause, row.Party, row.IncidentId }), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The negotiation's commitments in order and their events in the order recorded.</summary>
    /// <exception cref="ParleyDatabaseException">A stored commitment no longer reads.</exception>
    public async Task<(IReadOnlyList<Commitment> Commitments, IReadOnlyList<CommitmentEvent> Events)> CommitmentsAsync(string negotiationId, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        return await ReadCommitmentsAsync(negotiationId, ct);
    }

    private async Task<(IReadOnlyList<Commitment> Commitments, IReadOnlyList<CommitmentEvent> Events)> ReadCommitmentsAsync(string negotiationId, CancellationToken ct)
    {
        var rows = await db.Commitments.AsNoTracking().Where(r => r.NegotiationId == negotiationId).OrderBy(r => r.Ordinal).ToListAsync(ct);
        var events = await db.CommitmentEvents.AsNoTracking().Where(r => r.NegotiationId == negotiationId).OrderBy(r => r.Sequence).ToListAsync(ct);
        try
        {
            return (rows.Select(r => StoredJson.Read<CommitmentJson>(r.DefinitionJson).ToModel(r.Id, r.Title)).ToArray(),
                events.Select(Event).ToArray());
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            throw new ParleyDatabaseException($"Stored commitments of '{negotiationId}' are not valid any more: {e.Message}", e);
        }
    }

    private static CommitmentEventRow EventRow(string negotiationId, int sequence, CommitmentEvent e, HashSet<string>? known)
    {
        var (commitment, lifecycle, performed, party, incident) = e switch
        {
            LifecycleEvent l => (l.CommitmentId, l.Action.ToString(), (string?)null, l.Actor, (string?)null),
            ActionPerformed a => (a.CommitmentId, null, a.Action, a.Party, a.IncidentId),
            _ => throw new ArgumentException("Only lifecycle events and performed actions are stored.", nameof(e)),
        };
        if (known is not null && !known.Contains(commitment))
            throw new ArgumentException($"An event names unknown commitment '{commitment}'.", nameof(e));
        return new CommitmentEventRow
        {
            NegotiationId = negotiationId, Sequence = sequence, CommitmentId = commitment, LifecycleAction = lifecycle,
            Performed = performed, At = Instants.ToMicroseconds(e.At), Cause = e.Cause, Party = party, IncidentId = incident,
        };
    }

    private static CommitmentEvent Event(CommitmentEventRow r) => r.LifecycleAction is { } action
        ? new LifecycleEvent(r.CommitmentId, Enum.Parse<LifecycleAction>(action), r.At.ToUniversalTime(), r.Cause, r.Party)
        : new ActionPerformed(r.CommitmentId, r.Party ?? "", r.Performed ?? "", r.At.ToUniversalTime(), r.Cause, r.IncidentId);

    private static HashSet<string> DistinctIds(IReadOnlyList<Commitment> commitments)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in commitments)
            if (!ids.Add(c.Id)) throw new ArgumentException($"Commitment id '{c.Id}' appears twice.", nameof(commitments));
        return ids;
    }

    private static void RequireActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > 200)
            throw new ArgumentException("The actor must be named (at most 200 characters).", nameof(actor));
    }
}
