using Microsoft.EntityFrameworkCore;
using Parley.Core.Record;
using Parley.Data.History;
using Parley.Data.Rows;

namespace Parley.Data.Record;

/// <summary>
/// Brings a database written before the record (one hash chain over all negotiations) into it, once: each old entry
/// gets its negotiation's index, a salt and its entry hash, each negotiation its tree head, and each negotiation still
/// stored a <c>record.sealed</c> entry with the digests of all its rows as found — from then on every row is covered.
/// What the old chain held before the upgrade is taken as it was found (the chain itself could not be checked by anyone
/// but the database's owner). Safe under concurrent starts: it runs under the writer lock and re-checks.
/// </summary>
internal static class RecordUpgrade
{
    public const string SealedAction = "record.sealed";

    public static async Task RunAsync(ParleyDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.History.AnyAsync(h => h.EntryHash == "", ct)) return;
        try
        {
            await using var transaction = await db.BeginWriteAsync(ct);
            var old = await db.History.Where(h => h.EntryHash == "").OrderBy(h => h.Sequence).ToListAsync(ct);
            if (old.Count == 0) return;
            var heads = new Dictionary<string, MerkleFrontier>(StringComparer.Ordinal);
            foreach (var row in old)
            {
                if (!heads.TryGetValue(row.NegotiationId, out var frontier)) frontier = MerkleFrontier.Empty;
                row.LogIndex = frontier.Size;
                row.Rows = "";
                row.Salt = RecordEntry.NewSalt();
                var hash = RecordEntry.EntryHash(HistoryEntry.Of(row), row.Salt);
                row.EntryHash = hash.ToString();
                heads[row.NegotiationId] = frontier.Append(RecordEntry.Leaf(hash));
            }
            foreach (var (id, frontier) in heads)
                db.RecordHeads.Add(new RecordHeadRow { NegotiationId = id, Size = frontier.Size, Root = frontier.Root().ToString(), Frontier = frontier.Serialize() });
            await db.SaveChangesAsync(ct);
            var log = new HistoryLog(db, clock);
            foreach (var id in heads.Keys.Order(StringComparer.Ordinal))
                if (await db.Negotiations.AnyAsync(n => n.Id == id, ct))
                    await log.AppendAsync(id, "parley", SealedAction, "negotiation", id, Core.Talks.Visibility.MediatorOnly,
                        "{\"reason\":\"the record began: every stored row as found\"}", ct, RowChanges.All());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
