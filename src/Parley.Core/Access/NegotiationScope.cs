using Parley.Core.Settlement;
using Parley.Core.Talks;

namespace Parley.Core.Access;

/// <summary>
/// A negotiation as one viewer may see it. Every read path (API, pages, charts, exports, history, live updates)
/// goes through <see cref="For"/>, so that derived figures — status, agreed share, sticking points, changes,
/// trends — are computed from the scoped negotiation and can only use what the viewer may see.
/// </summary>
/// <remarks>
/// An item is kept when <see cref="Viewer.CanSee"/> its visibility and every item it refers to is kept too: a
/// position on a hidden issue, a statement quoting a hidden proposal, a contingency on a hidden proposal are hidden
/// with what they refer to (the aggregate's own reference rules decide, so the scoped negotiation is always valid).
/// </remarks>
public static class NegotiationScope
{
    /// <summary>The negotiation restricted to what <paramref name="viewer"/> may see (the same instance for the mediator).</summary>
    public static Negotiation For(Negotiation negotiation, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesEverything) return negotiation;
        var scoped = new Negotiation(negotiation.Id, negotiation.Title, negotiation.Description);
        Keep(viewer, negotiation.Parties, p => p.Visibility, scoped.AddParty);
        Keep(viewer, negotiation.Issues, i => i.Visibility, scoped.AddIssue);
        // Statements may quote proposals and proposals' answers may quote statements: add the proposals without the
        // answers first, then the statements, then the answers that survive.
        var proposals = negotiation.Proposals.Where(p => viewer.CanSee(p.Visibility)).ToArray();
        Keep(viewer, proposals, p => p.Visibility, p => scoped.AddProposal(p.WithoutResponses()));
        Keep(viewer, negotiation.Statements, s => s.Visibility, scoped.AddStatement);
        foreach (var proposal in proposals)
        {
            if (scoped.FindProposal(proposal.Id) is null) continue;
            foreach (var response in proposal.Responses) TryAdd(() => scoped.Respond(proposal.Id, response));
            if (proposal.Withdrawn is { } at) TryAdd(() => scoped.Withdraw(proposal.Id, at));
        }
        Keep(viewer, negotiation.Positions, p => p.Visibility, scoped.RecordPosition);
        Keep(viewer, negotiation.Agreements, a => a.Visibility, scoped.RecordAgreement);
        Keep(viewer, negotiation.Rounds, r => r.Visibility, scoped.AddRound);
        Keep(viewer, negotiation.WorkingGroups, g => g.Visibility, scoped.AddWorkingGroup);
        Keep(viewer, negotiation.Contingencies, c => c.Visibility, scoped.AddContingency);
        return scoped;
    }

    /// <summary>The preference profiles <paramref name="viewer"/> may read: all for the mediator, a delegation's own, none otherwise by default.</summary>
    public static IReadOnlyList<PartyPreferences> Profiles(IReadOnlyList<PartyPreferences> profiles, Viewer viewer) =>
        viewer.SeesEverything ? profiles : profiles.Where(p => viewer.CanSee(p.Visibility) && (p.Visibility.Scope == VisibilityScope.Shared || viewer.Role == MemberRole.Delegation)).ToArray();

    private static void Keep<T>(Viewer viewer, IEnumerable<T> items, Func<T, Visibility> visibility, Action<T> add)
    {
        foreach (var item in items)
            if (viewer.CanSee(visibility(item))) TryAdd(() => add(item));
    }

    // The aggregate refuses an item that refers to one left out; such an item is hidden with what it refers to.
    private static void TryAdd(Action add)
    {
        try
        {
            add();
        }
        catch (RuleRefusal)
        {
            // Refers to something the viewer may not see: hidden too (see the remarks).
        }
    }
}
