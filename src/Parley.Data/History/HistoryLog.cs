using Microsoft.EntityFrameworkCore;
using Parley.Data.Mapping;
using Parley.Data.Rows;

namespace Parley.Data.History;

/// <summary>Appends to and verifies the hash-chained log. Appends must run inside <see cref="ParleyDbContext.BeginWriteAsync"/>.</summary>
internal sealed class HistoryLog(ParleyDbContext db, TimeProvider clock)
{
    internal const int HeadId = 1;

    /// <summary>Adds the entry and moves the head; the caller saves and commits with the item rows. Returns its sequence.</summary>
    public async Task<long> AppendAsync(string negotiationId, string actor, string action, string itemKind, string itemId,
        Core.Talks.Visibility visibility, string change, CancellationToken ct)
    {
        var head = await db.HistoryHead.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HeadId, ct);
        var row = new HistoryRow
        {
            Sequence = (head?.LastSequence ?? 0) + 1,
            NegotiationId = negotiationId,
            Actor = actor,
            RecordedAt = Instants.ToMicroseconds(clock.GetUtcNow()),
            Action = action,
            ItemKind = itemKind,
            ItemId = itemId,
            Visibility = visibility.ToString(),
            Change = change,
            PreviousHash = head?.LastHash ?? HistoryChain.Genesis,
            Hash = "",
        };
        row.Hash = HistoryChain.Hash(row);
        db.History.Add(row);
        var newHead = new HistoryHeadRow { Id = HeadId, LastSequence = row.Sequence, LastHash = row.Hash };
        if (head is null) db.HistoryHead.Add(newHead);
        else db.HistoryHead.Update(newHead);
        return row.Sequence;
    }

    public async Task<IReadOnlyList<HistoryEntry>> ForAsync(string negotiationId, CancellationToken ct) =>
        await db.History.AsNoTracking()
            .Where(h => h.NegotiationId == negotiationId)
            .OrderBy(h => h.Sequence)
            .Select(h => new HistoryEntry(h.Sequence, h.NegotiationId, h.Actor, h.RecordedAt, h.Action, h.ItemKind,
                h.ItemId, h.Visibility, h.Change, h.PreviousHash, h.Hash))
            .ToListAsync(ct);

    public async Task<HistoryVerification> VerifyAsync(CancellationToken ct)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var head = await db.HistoryHead.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HeadId, ct);
        long count = 0;
        var previous = HistoryChain.Genesis;
        await foreach (var row in db.History.AsNoTracking().OrderBy(h => h.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var expected = count + 1;
            if (row.Sequence != expected)
                return HistoryVerification.Broken(count, expected, $"entry {expected} is missing (next entry is {row.Sequence})");
            if (row.PreviousHash != previous)
                return HistoryVerification.Broken(count, expected, $"entry {expected} does not link to entry {count}");
            if (HistoryChain.Hash(row) != row.Hash)
                return HistoryVerification.Broken(count, expected, $"entry {expected} was altered (its content does not match its hash)");
            previous = row.Hash;
            count = expected;
        }
        var headSequence = head?.LastSequence ?? 0;
        if (headSequence != count)
            return HistoryVerification.Broken(count, count + 1,
                $"the log ends at entry {count} but its head names entry {headSequence}: entries were deleted or added outside Parley");
        if (head is not null && head.LastHash != previous)
            return HistoryVerification.Broken(count, count, $"entry {count} does not match the hash recorded as the head");
        return HistoryVerification.Intact(count);
    }
}
