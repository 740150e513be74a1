using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Drafting;
using Parley.Core.Talks;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;

namespace Parley.Application.Briefing;

/// <summary>
/// Builds a member's <see cref="Briefing"/> through the same viewer-scoped reads as the dashboard: the negotiation from
/// <see cref="TalksReader"/> (only what the member may see), its status from the same cached timeline as
/// <c>GET …/status</c>, the drafts' versions in force on the date and the guarantees evaluated on the scoped negotiation.
/// </summary>
public sealed class BriefingService(TalksReader reader, DraftStore drafts, GuaranteesStore guarantees)
{
    /// <summary>The briefing for <paramref name="viewer"/> as of <paramref name="asOf"/>; null when there is no such negotiation.</summary>
    public async Task<Briefing?> ComposeAsync(string id, Viewer viewer, DateTimeOffset asOf, CancellationToken ct = default)
    {
        if (await reader.LoadAsync(id, viewer, ct) is not { } negotiation) return null;
        // The same figure, computed once per change and viewer scope, as the status endpoint serves.
        var report = (await reader.DerivedAsync(id, viewer, "status", n => new StatusTimeline(n), ct))?.At(asOf) ?? TalksStatus.Compute(negotiation, asOf);
        var day = DateOnly.FromDateTime(asOf.UtcDateTime);
        var versions = new List<(string, DraftVersion)>();
        foreach (var stored in await drafts.ListAsync(id, ct))
            if (await drafts.LoadAsync(id, stored.Draft, ct) is { } history && history.AsOf(day) is { } version)
                versions.Add((stored.Draft, version));
        var (evaluation, _) = await guarantees.EvaluateAsync(negotiation, asOf, ct: ct);
        return BriefingComposer.Compose(negotiation, viewer, report, versions, evaluation);
    }
}
