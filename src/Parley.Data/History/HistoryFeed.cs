using Microsoft.EntityFrameworkCore;

namespace Parley.Data.History;

/// <summary>
/// Which negotiations changed after a point of the history log. Every change to a negotiation appends to the log in
/// its own transaction, whoever makes it — this app node, another node on the same PostgreSQL database, or the
/// <c>parley</c> CLI on the same SQLite file — so the log is the one place from which all of them can be seen.
/// </summary>
/// <param name="NegotiationIds">The negotiations with at least one entry after the point, each once, in no set order.</param>
/// <param name="Head">The last sequence read: the point to ask from next time.</param>
public sealed record HistoryChanges(IReadOnlyList<string> NegotiationIds, long Head);

/// <summary>Reads the history log's head and what was appended after a given sequence (see <see cref="HistoryChanges"/>).</summary>
public sealed class HistoryFeed(ParleyDbContext db)
{
    /// <summary>The sequence of the last entry of the log (0 while the log is empty).</summary>
    public async Task<long> HeadAsync(CancellationToken ct = default) =>
        await db.HistoryHead.AsNoTracking().Where(h => h.Id == HistoryLog.HeadId)
            .Select(h => (long?)h.LastSequence).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>
    /// The negotiations changed by entries after <paramref name="after"/> up to the current head. One read of the
    /// single head row when nothing changed. When the head is behind <paramref name="after"/> (the database was
    /// replaced), nothing is reported and the new head is returned to restart from.
    /// </summary>
    public async Task<HistoryChanges> SinceAsync(long after, CancellationToken ct = default)
    {
        var head = await HeadAsync(ct);
        if (head <= after) return new([], head);
        var ids = await db.History.AsNoTracking()
            .Where(h => h.Sequence > after && h.Sequence <= head)
            .Select(h => h.NegotiationId).Distinct().ToListAsync(ct);
        return new(ids, head);
    }
}
