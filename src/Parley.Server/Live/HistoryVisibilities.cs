using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Server.Live;

/// <summary>A negotiation changed by history entries with this visibility label (<c>shared</c>, <c>mediator</c>, <c>party:ua</c>).</summary>
public sealed record ChangedVisibility(string NegotiationId, string Visibility);

/// <summary>
/// What the history log says was written after a sequence, as the live updates need it: each changed negotiation with
/// the visibility of every item written, so that a change reaches only the pages that may see it.
/// </summary>
public static class HistoryVisibilities
{
    /// <summary>
    /// The (negotiation, visibility) pairs of the entries after <paramref name="after"/> up to <paramref name="head"/>,
    /// each once, optionally of one negotiation only.
    /// </summary>
    public static async Task<IReadOnlyList<ChangedVisibility>> BetweenAsync(ParleyDbContext db, long after, long head, string? negotiationId = null,
        CancellationToken ct = default)
    {
        if (head <= after) return [];
        var entries = db.History.AsNoTracking().Where(h => h.Sequence > after && h.Sequence <= head);
        if (negotiationId is not null) entries = entries.Where(h => h.NegotiationId == negotiationId);
        var pairs = await entries.Select(h => new { h.NegotiationId, h.Visibility }).Distinct().ToListAsync(ct);
        return pairs.Select(p => new ChangedVisibility(p.NegotiationId, p.Visibility)).ToArray();
    }
}
