using Microsoft.EntityFrameworkCore;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data.Rows;

namespace Parley.Data;

/// <summary>
/// A negotiation as stored at one version of its record: <see cref="Head"/> is the record's size when it was read (every
/// change to the negotiation, its profiles, drafts, incidents or memberships appends to the record in the same
/// transaction, so the same head means the same stored state, on any server node).
/// </summary>
/// <param name="Head">The record's size (0: nothing was ever recorded under this id).</param>
/// <param name="Negotiation">The negotiation, or null when there is none (never imported, or deleted).</param>
/// <param name="Preferences">Its preference profiles, unscoped (empty when there is no negotiation).</param>
public sealed record NegotiationVersion(long Head, Negotiation? Negotiation, IReadOnlyList<PartyPreferences> Preferences);

// Versioned reads, for the read cache: a cheap head lookup per request, a whole load only when the head moved.
public sealed partial class NegotiationStore
{
    /// <summary>The size of the negotiation's record: it grows with every change; 0 when nothing was ever recorded.</summary>
    public Task<long> HeadAsync(string id, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return HotQueries.For(db).RecordSize(db, id);
    }

    /// <summary>
    /// <see cref="HeadAsync"/> for a reader outside any transaction (the read cache), as <see cref="LatestHeads"/> reads it:
    /// on a SQLite file, remembered until something is committed to the file by anyone; on PostgreSQL, read by a query
    /// that started after this call, shared with concurrent callers.
    /// </summary>
    public Task<long> CurrentHeadAsync(string id, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null) return HeadAsync(id, ct);
        return LatestHeads.Of(db).OfAsync(id, c => HeadAsync(id, c), ct);
    }

    /// <summary>The negotiation, its profiles and the record's head, read in one snapshot so that they belong together.</summary>
    /// <exception cref="ParleyDatabaseException">The stored rows no longer form a valid negotiation or profile.</exception>
    public async Task<NegotiationVersion> LoadVersionAsync(string id, CancellationToken ct = default)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var head = await HeadAsync(id, ct);
        if (await ReadAsync(id, ct) is not { } negotiation) return new NegotiationVersion(head, null, []);
        return new NegotiationVersion(head, negotiation, await ReadPreferencesAsync(negotiation, ct));
    }
}
