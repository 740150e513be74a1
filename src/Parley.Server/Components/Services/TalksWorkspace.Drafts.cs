using Parley.Core.Talks;
using Parley.Data.Drafting;
using Parley.Server.Drafting;

namespace Parley.Server.Components.Services;

public sealed partial class TalksWorkspace
{
    /// <summary>
    /// Agreed share by text for the dashboard: for each stored draft, the version in force as of
    /// <paramref name="at"/> (the last one dated on or before that day), its share of words outside brackets as
    /// written and once the issues agreed by then are resolved — the same figures as
    /// <c>GET …/drafts/{draft}/agreed-share</c>. Drafts with no version by then are left out.
    /// </summary>
    public async Task<IReadOnlyList<DraftAgreedShareView>> TextSharesAsync(Negotiation negotiation, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var agreed = DraftingApi.Agreed(negotiation, at);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var shares = new List<DraftAgreedShareView>();
        foreach (var stored in await drafts.ListAsync(negotiation.Id, ct))
            if (await drafts.LoadAsync(negotiation.Id, stored.Draft, ct) is { } history && history.AsOf(day) is { } version)
                shares.Add(DraftShares.Compute(stored.Draft, version, agreed, at));
        return shares;
    }
}
