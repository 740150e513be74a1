using Parley.Core.Drafting;
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

    /// <summary>
    /// The provisions of each stored draft tagged with <paramref name="issue"/>, in the version in force as of
    /// <paramref name="at"/> (headings left out: they tag what stands under them). Drafts with no version by then, or
    /// none tagged with the issue, are left out.
    /// </summary>
    public async Task<IReadOnlyList<LinkedProvisions>> LinkedProvisionsAsync(string negotiationId, string issue, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var linked = new List<LinkedProvisions>();
        foreach (var stored in await drafts.ListAsync(negotiationId, ct))
        {
            if (await drafts.LoadAsync(negotiationId, stored.Draft, ct) is not { } history || history.AsOf(day) is not { } version) continue;
            var document = version.Document;
            var provisions = document.Provisions.Where(p => p.Issue == issue && p.Kind == ProvisionKind.Paragraph).ToArray();
            if (provisions.Length > 0) linked.Add(new LinkedProvisions(stored.Draft, version.Label, document, provisions));
        }
        return linked;
    }
}

/// <summary>The provisions of one draft version tagged with an issue.</summary>
/// <param name="Draft">The draft's key.</param>
/// <param name="Version">The version's label (the one in force on the date shown).</param>
/// <param name="Document">The version, parsed.</param>
/// <param name="Provisions">Its paragraphs tagged with the issue, in text order; never empty.</param>
public sealed record LinkedProvisions(string Draft, string Version, DraftDocument Document, IReadOnlyList<Provision> Provisions);
