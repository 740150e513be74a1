using Parley.Core;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data.History;
using Parley.Data.Mapping;
using Parley.Data.Rows;

namespace Parley.Data;

/// <summary>
/// Reads and changes stored negotiations. Every change loads the aggregate, lets it apply its rules, writes the
/// new or changed rows and appends a history entry (actor, record time from <paramref name="clock"/>, what
/// changed) — all in one transaction that holds the database's writer lock, so a refused change writes nothing
/// and concurrent writers never lose an update or fork the history chain. Not thread-safe (one per request).
/// </summary>
/// <param name="db">The database, from <see cref="ParleyDatabase.Open"/>, already migrated.</param>
/// <param name="clock">Source of record time for the history log.</param>
/// <param name="versions">Negotiations already in memory (the server's read cache), so that a change need not read the whole negotiation.</param>
public sealed partial class NegotiationStore(ParleyDbContext db, TimeProvider clock, INegotiationVersions? versions = null)
{
    private readonly HistoryLog _history = new(db, clock);

    /// <summary>Every stored negotiation with its item counts, ordered by id (ordinal).</summary>
    public async Task<IReadOnlyList<NegotiationSummary>> ListAsync(CancellationToken ct = default)
    {
        var summaries = await db.Negotiations.AsNoTracking()
            .Select(n => new NegotiationSummary(n.Id, n.Title, n.Parties.Count, n.Issues.Count, n.Statements.Count,
                n.Positions.Count, n.Proposals.Count, n.Agreements.Count, n.Rounds.Count, n.WorkingGroups.Count,
                n.Contingencies.Count))
            .ToListAsync(ct);
        return summaries.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>True when a negotiation with this id is stored.</summary>
    public Task<bool> ExistsAsync(string id, CancellationToken ct = default) =>
        db.Negotiations.AsNoTracking().AnyAsync(n => n.Id == id, ct);

    /// <summary>The stored negotiation rebuilt through its own rules, or null when there is none with this id.</summary>
    /// <exception cref="ParleyDatabaseException">The stored rows no longer form a valid negotiation.</exception>
    public async Task<Negotiation?> LoadAsync(string id, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        return await ReadAsync(id, ct);
    }

    /// <summary>
    /// Stores a whole negotiation (e.g. read from a scenario file). When one with the same id exists it is
    /// replaced as a whole if <paramref name="replace"/> is true, else nothing is written.
    /// </summary>
    public Task<ImportOutcome> ImportAsync(Negotiation negotiation, string actor, bool replace, CancellationToken ct = default) =>
        ImportAsync(negotiation, [], actor, replace, ct);

    /// <summary>
    /// Stores a whole negotiation with its parties' preference profiles (a scenario file's <c>preferences</c>); each
    /// profile gets its own history entry, <c>preferences.set</c>, after <c>negotiation.imported</c>.
    /// </summary>
    /// <exception cref="RuleRefusal">A profile names a party, issue or option the negotiation does not have; nothing is written.</exception>
    public Task<ImportOutcome> ImportAsync(Negotiation negotiation, IReadOnlyList<PartyPreferences> preferences, string actor, bool replace, CancellationToken ct = default) =>
        ImportAsync(negotiation, preferences, Core.Formats.Scenario.ScenarioGuarantees.Empty, actor, replace, ct);

    /// <summary>Stores a whole scenario without drafts; see the overload with drafts.</summary>
    public Task<ImportOutcome> ImportAsync(Negotiation negotiation, IReadOnlyList<PartyPreferences> preferences,
        Core.Formats.Scenario.ScenarioGuarantees guarantees, string actor, bool replace, CancellationToken ct = default) =>
        ImportAsync(negotiation, preferences, guarantees, [], actor, replace, ct);

    /// <summary>
    /// Stores a whole scenario in one transaction: the negotiation, its preference profiles, its Guarantees sections
    /// (commitments with their events, incidents with their reviews) and its drafts with every version (one
    /// <c>draft.version-added</c> history entry each). Replacing deletes the stored negotiation with all of these first, so
    /// the file's drafts replace the stored ones. Any refusal or failure stores nothing, so a replaced negotiation stays
    /// as it was.
    /// </summary>
    /// <exception cref="RuleRefusal">A profile names a party, issue or option the negotiation does not have; nothing is written.</exception>
    /// <exception cref="ArgumentException">The Guarantees sections repeat an id or name an unknown commitment, or a draft key is repeated; nothing is written.</exception>
    public async Task<ImportOutcome> ImportAsync(Negotiation negotiation, IReadOnlyList<PartyPreferences> preferences,
        Core.Formats.Scenario.ScenarioGuarantees guarantees, IReadOnlyList<Core.Formats.Scenario.ScenarioDraft> drafts, string actor, bool replace,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(guarantees);
        ArgumentNullException.ThrowIfNull(negotiation);
        foreach (var p in preferences) p.CheckAgainst(negotiation);
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var exists = await db.Negotiations.AnyAsync(n => n.Id == negotiation.Id, ct);
            if (exists && !replace) return ImportOutcome.AlreadyExists;
            if (exists) await db.Negotiations.Where(n => n.Id == negotiation.Id).ExecuteDeleteAsync(ct);
            db.Negotiations.Add(RowMapper.Negotiation(negotiation));
            await _history.AppendAsync(negotiation.Id, actor, exists ? "negotiation.replaced" : "negotiation.imported",
                "negotiation", negotiation.Id, Visibility.MediatorOnly, StoredJson.Write(negotiation), ct, Record.RowChanges.AllButMembers());
            await db.SaveChangesAsync(ct);
            await AddPreferencesAsync(negotiation.Id, preferences, actor, ct);
            if (!guarantees.IsEmpty) await new Guarantees.GuaranteesStore(db, clock).StoreScenarioInTransactionAsync(negotiation.Id, guarantees, actor, ct);
            if (drafts.Count > 0) await new Drafting.DraftStore(db, clock).StoreScenarioInTransactionAsync(negotiation.Id, drafts, actor, ct);
            await transaction.CommitAsync(ct);
            return exists ? ImportOutcome.Replaced : ImportOutcome.Created;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Deletes a negotiation, all its items and its memberships, and erases the contents of its record: every entry keeps
    /// its hash (and the tree its checkpoints), so the record still shows that the talks existed and when they changed,
    /// and a last entry, <c>negotiation.deleted</c>, says who deleted them. False when there is none with this id.
    /// </summary>
    public async Task<bool> DeleteAsync(string id, string actor, CancellationToken ct = default)
    {
        RequireActor(actor);
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var title = await db.Negotiations.Where(n => n.Id == id).Select(n => n.Title).SingleOrDefaultAsync(ct);
            if (title is null) return false;
            await db.Negotiations.Where(n => n.Id == id).ExecuteDeleteAsync(ct);
            await db.Memberships.Where(m => m.NegotiationId == id).ExecuteDeleteAsync(ct);
            await _history.EraseAsync(id, ct);
            await _history.AppendAsync(id, actor, "negotiation.deleted", "negotiation", id, Visibility.Shared,
                StoredJson.Write(new { id }), ct, Record.RowChanges.All());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The history entries of one negotiation in the order recorded (also after it was deleted).</summary>
    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id, CancellationToken ct = default) =>
        _history.ForAsync(id, ct);

    /// <summary>What one change wrote: the row (new or replacing the stored one) and its history entry.</summary>
    internal sealed record Change(ItemRow Row, bool IsNew, string Action, string ItemKind, string ItemId, object What)
    {
        /// <summary>Who may read the history entry: the item's own visibility.</summary>
        public Visibility Visibility => Row.ToVisibility();
    }

    // Queued with the changes arriving at the same time and written in one transaction (TalksChangeQueue).
    private Task<bool> ChangeAsync(string id, string actor, Func<Negotiation, Change> apply, CancellationToken ct)
    {
        RequireActor(actor);
        ct.ThrowIfCancellationRequested();
        return TalksChangeQueue.For(db).RunAsync(new PendingChange(id, apply, actor, ct), WriteBatchAsync);
    }
    private async Task<Negotiation?> ReadAsync(string id, CancellationToken ct)
    {
        var row = await db.Negotiations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (row is null) return null;
        row.Parties = await Items(db.Parties, id, ct);
        row.Issues = await Items(db.Issues, id, ct);
        row.Statements = await Items(db.Statements, id, ct);
        row.Positions = await Items(db.Positions, id, ct);
        row.Proposals = await Items(db.Proposals, id, ct);
        row.Agreements = await Items(db.Agreements, id, ct);
        row.Rounds = await Items(db.Rounds, id, ct);
        row.WorkingGroups = await Items(db.WorkingGroups, id, ct);
        row.Contingencies = await Items(db.Contingencies, id, ct);
        try
        {
            return AggregateBuilder.Build(row);
        }
        catch (Exception e) when (e is RuleRefusal or ArgumentException or JsonException)
        {
            var field = e is RuleRefusal r ? $" ({r.Field})" : "";
            throw new ParleyDatabaseException($"Stored negotiation '{id}' is not valid any more{field}: {e.Message}", e);
        }
    }

    private static Task<List<T>> Items<T>(DbSet<T> set, string id, CancellationToken ct) where T : ItemRow =>
        set.AsNoTracking().Where(r => r.NegotiationId == id).OrderBy(r => r.Ordinal).ToListAsync(ct);

    private static void RequireActor(string actor)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > 200)
            throw new ArgumentException("The actor must be named (at most 200 characters).", nameof(actor));
    }
}
