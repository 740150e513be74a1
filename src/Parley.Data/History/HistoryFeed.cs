using Microsoft.EntityFrameworkCore;

namespace Parley.Data.History;

/// <summary>A negotiation changed by history entries with this visibility label (<c>shared</c>, <c>mediator</c>, <c>party:ua</c>).</summary>
/// <param name="NegotiationId">The negotiation changed.</param>
/// <param name="Visibility">The visibility of an item written: who may learn of the change.</param>
public sealed record ChangedVisibility(string NegotiationId, string Visibility);

/// <summary>
/// What was appended to the history log after a point. Every change to a negotiation appends to the log in its own
/// transaction, whoever makes it — this app node, another node on the same PostgreSQL database, or the <c>parley</c>
/// CLI on the same SQLite file — so the log is the one place from which all of them can be seen.
/// </summary>
public sealed class HistoryFeed(ParleyDbContext db)
{
    /// <summary>The sequence of the last entry of the log (0 while the log is empty).</summary>
    public async Task<long> HeadAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        return await HotQueries.For(db).LastSequence(db) ?? 0;
    }

    /// <summary>
    /// The (negotiation, visibility) pairs of the entries after <paramref name="after"/> up to <paramref name="head"/>,
    /// each once, in no set order, optionally of one negotiation only: what the live updates publish, so that a change
    /// reaches only the pages that may see what was written. Empty when <paramref name="head"/> ≤ <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChangedVisibility>> ChangesAsync(long after, long head, string? negotiationId = null, CancellationToken ct = default)
    {
        if (head <= after) return [];
        var entries = db.History.AsNoTracking().Where(h => h.Sequence > after && h.Sequence <= head);
        if (negotiationId is not null) entries = entries.Where(h => h.NegotiationId == negotiationId);
        var pairs = await entries.Select(h => new { h.NegotiationId, h.Visibility }).Distinct().ToListAsync(ct);
        return pairs.Select(p => new ChangedVisibility(p.NegotiationId, p.Visibility)).ToArray();
    }
}
