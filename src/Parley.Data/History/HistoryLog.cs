using Microsoft.EntityFrameworkCore;
using Parley.Core.Record;
using Parley.Data.Mapping;
using Parley.Data.Record;
using Parley.Data.Rows;

namespace Parley.Data.History;

/// <summary>Appends to the record. Appends must run inside <see cref="ParleyDbContext.BeginWriteAsync"/>.</summary>
internal sealed class HistoryLog(ParleyDbContext db, TimeProvider clock)
{
    internal const int HeadId = 1;

    /// <summary>
    /// Saves the pending changes, then adds the entry recording them — with the digests of every row they wrote (tracked,
    /// or <paramref name="rows"/> for writes the tracker does not see) — as the next leaf of the negotiation's tree, and
    /// moves the heads. The caller saves and commits. Returns the entry's sequence.
    /// </summary>
    public async Task<long> AppendAsync(string negotiationId, string actor, string action, string itemKind, string itemId,
        Core.Talks.Visibility visibility, string change, CancellationToken ct, RowChanges? rows = null)
    {
        var digests = await RecordedRows.WriteAsync(db, negotiationId, rows, ct);
        var sequence = await NextSequenceAsync(ct);
        var head = await HotQueries.For(db).RecordHead(db, negotiationId);
        var frontier = head is null ? MerkleFrontier.Empty : MerkleFrontier.Parse(head.Frontier);
        var salt = RecordEntry.NewSalt();
        var entry = new HistoryEntry(sequence, negotiationId, frontier.Size, actor, Instants.ToMicroseconds(clock.GetUtcNow()), action,
            itemKind, itemId, visibility.ToString(), change, digests, salt, "");
        var entryHash = RecordEntry.EntryHash(entry, salt);
        frontier = frontier.Append(RecordEntry.Leaf(entryHash));
        db.Appended.Add(new ChangedVisibility(negotiationId, entry.Visibility));
        db.History.Add(new HistoryRow
        {
            Sequence = sequence, NegotiationId = negotiationId, LogIndex = entry.Index, Actor = actor, RecordedAt = entry.RecordedAt,
            Action = action, ItemKind = itemKind, ItemId = itemId, Visibility = entry.Visibility, Change = change, Rows = digests,
            Salt = salt, EntryHash = entryHash.ToString(),
        });
        Upsert(db.HistoryHead, h => h.Id == HeadId, new HistoryHeadRow { Id = HeadId, LastSequence = sequence }, sequence == 1,
            h => h.LastSequence = sequence);
        var root = frontier.Root().ToString();
        Upsert(db.RecordHeads, h => h.NegotiationId == negotiationId,
            new RecordHeadRow { NegotiationId = negotiationId, Size = frontier.Size, Root = root, Frontier = frontier.Serialize() }, head is null,
            h => (h.Size, h.Root, h.Frontier) = (frontier.Size, root, frontier.Serialize()));
        return sequence;
    }

    /// <summary>The sequence the next entry will get (the writer lock keeps it so until the entry is appended).</summary>
    public async Task<long> NextSequenceAsync(CancellationToken ct)
    {
        var tracked = db.HistoryHead.Local.FirstOrDefault(h => h.Id == HeadId);
        if (tracked is not null) return tracked.LastSequence + 1;
        ct.ThrowIfCancellationRequested();
        return (await HotQueries.For(db).LastSequence(db) ?? 0) + 1;
    }

    /// <summary>
    /// Erases the contents of a negotiation's entries (actor, item, change, rows, salt), keeping each entry's hash, so
    /// its tree and checkpoints still verify and show that the talks existed. The caller saves and commits.
    /// </summary>
    public Task<int> EraseAsync(string negotiationId, CancellationToken ct) =>
        db.History.Where(h => h.NegotiationId == negotiationId && h.Salt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.Actor, "").SetProperty(h => h.ItemId, "").SetProperty(h => h.Change, "")
                .SetProperty(h => h.Rows, "").SetProperty(h => h.Salt, (string?)null), ct);

    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(string negotiationId, CancellationToken ct) =>
        (await db.History.AsNoTracking().Where(h => h.NegotiationId == negotiationId).OrderBy(h => h.LogIndex).ToListAsync(ct))
        .Select(HistoryEntry.Of).ToArray();

    /// <summary>Updates the tracked row, or adds or attaches a new one (the tracker is often cleared between appends).</summary>
    private static void Upsert<T>(DbSet<T> set, Func<T, bool> key, T fresh, bool isNew, Action<T> update) where T : class
    {
        var tracked = set.Local.FirstOrDefault(key);
        if (tracked is not null) update(tracked);
        else if (isNew) set.Add(fresh);
        else set.Update(fresh);
    }
}
