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
    /// <summary>
    /// The negotiation restricted to what <paramref name="viewer"/> may see (the same instance for the mediator).
    /// Given <paramref name="earlier"/> — the same scope of an earlier version — and when <paramref name="negotiation"/>
    /// only appended items to that version (<see cref="Negotiation.Extends"/>, what a batch of new statements and
    /// positions does), only the appended items are scoped, onto a copy of the earlier scoped negotiation: the result is
    /// the same as scoping the whole negotiation (an earlier item refers only to earlier items, so whether it is kept
    /// does not change), at a cost that does not grow with the history. Otherwise the whole negotiation is scoped.
    /// </summary>
    public static Negotiation For(Negotiation negotiation, Viewer viewer, ScopedView? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.SeesEverything) return negotiation;
        return earlier is not null && negotiation.Extends(earlier.Negotiation)
            ? AddFrom(negotiation, viewer, earlier.Scoped.Copy(), Counts.Of(earlier.Negotiation))
            : AddFrom(negotiation, viewer, new Negotiation(negotiation.Id, negotiation.Title, negotiation.Description), default);
    }

    /// <summary>The preference profiles <paramref name="viewer"/> may read: all for the mediator, a delegation's own, none otherwise by default.</summary>
    public static IReadOnlyList<PartyPreferences> Profiles(IReadOnlyList<PartyPreferences> profiles, Viewer viewer) =>
        viewer.SeesEverything ? profiles : profiles.Where(p => viewer.CanSee(p.Visibility) && (p.Visibility.Scope == VisibilityScope.Shared || viewer.Role == MemberRole.Delegation)).ToArray();

    // Adds to `scoped` the items of `negotiation` from the positions `from` on (all of them from zero) that the viewer may see.
    private static Negotiation AddFrom(Negotiation negotiation, Viewer viewer, Negotiation scoped, Counts from)
    {
        Keep(viewer, negotiation.Parties, from.Parties, p => p.Visibility, scoped.AddParty);
        Keep(viewer, negotiation.Issues, from.Issues, i => i.Visibility, scoped.AddIssue);
        // Statements may quote proposals and proposals' answers may quote statements: add the proposals without the
        // answers first, then the statements, then the answers that survive.
        var proposals = negotiation.Proposals.Skip(from.Proposals).Where(p => viewer.CanSee(p.Visibility)).ToArray();
        Keep(viewer, proposals, 0, p => p.Visibility, p => scoped.AddProposal(p.WithoutResponses()));
        Keep(viewer, negotiation.Statements, from.Statements, s => s.Visibility, scoped.AddStatement);
        foreach (var proposal in proposals)
        {
            if (scoped.FindProposal(proposal.Id) is null) continue;
            foreach (var response in proposal.Responses) TryAdd(() => scoped.Respond(proposal.Id, response));
            if (proposal.Withdrawn is { } at) TryAdd(() => scoped.Withdraw(proposal.Id, at));
        }
        Keep(viewer, negotiation.Positions, from.Positions, p => p.Visibility, scoped.RecordPosition);
        Keep(viewer, negotiation.Agreements, from.Agreements, a => a.Visibility, scoped.RecordAgreement);
        Keep(viewer, negotiation.Rounds, from.Rounds, r => r.Visibility, scoped.AddRound);
        Keep(viewer, negotiation.WorkingGroups, from.WorkingGroups, g => g.Visibility, scoped.AddWorkingGroup);
        Keep(viewer, negotiation.Contingencies, from.Contingencies, c => c.Visibility, scoped.AddContingency);
        return scoped;
    }

    private static void Keep<T>(Viewer viewer, IReadOnlyList<T> items, int from, Func<T, Visibility> visibility, Action<T> add)
    {
        for (var k = from; k < items.Count; k++)
            if (viewer.CanSee(visibility(items[k]))) TryAdd(() => add(items[k]));
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

    /// <summary>How many items of each kind a version holds: where the items appended after it start.</summary>
    private readonly record struct Counts(int Parties, int Issues, int Statements, int Positions, int Proposals,
        int Agreements, int Rounds, int WorkingGroups, int Contingencies)
    {
        public static Counts Of(Negotiation n) => new(n.Parties.Count, n.Issues.Count, n.Statements.Count, n.Positions.Count,
            n.Proposals.Count, n.Agreements.Count, n.Rounds.Count, n.WorkingGroups.Count, n.Contingencies.Count);
    }
}

/// <summary>
/// One viewer scope of one version of a negotiation: <see cref="Negotiation"/> as stored and <see cref="Scoped"/> as
/// <see cref="NegotiationScope.For"/> gave it for that scope. Kept so that the next version's scope can be computed from
/// the items added since. Neither may be changed.
/// </summary>
public sealed record ScopedView(Negotiation Negotiation, Negotiation Scoped);
