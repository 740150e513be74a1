namespace Parley.Core.Talks;

/// <summary>
/// Derives what is agreed and what blocks, as of any instant (valid time). Pure: the caller supplies the
/// instant (from an injected clock for "now"). An item dated exactly at the instant counts; the current
/// position of a party on an issue is <see cref="Negotiation.PositionsAsOf"/>.
/// </summary>
/// <remarks>
/// Rules, as in the product design: <b>Agreed</b> when, among the agreement records dated ≤ as-of (explicit
/// ones, and those implied by accepted proposals: author and addressees, at acceptance), every principal's
/// latest consent on the issue is to the same option (a party that consents to another option withdraws its
/// earlier consent; records at one instant apply in the order recorded). <b>Blocked</b> when every option is unacceptable or
/// a red line for at least one principal. <b>Converging</b> when some option is preferred or acceptable to
/// every principal. <b>Open</b> otherwise. Agreed is checked first, then Blocked, then Converging.
/// </remarks>
public static class TalksStatus
{
    /// <summary>Computes the status report as of <paramref name="asOf"/>.</summary>
    public static StatusReport Compute(Negotiation negotiation, DateTimeOffset asOf)
    {
        var proposals = negotiation.Proposals
            .Select(p => (Proposal: p, State: p.StateAsOf(asOf)))
            .Where(x => x.State is not null)
            .Select(x => new ProposalReport(x.Proposal.Id, x.Proposal.Title, x.Proposal.Author, x.State!.Value.State,
                x.State.Value.Since, x.Proposal.Expires,
                x.State.Value.State == ProposalState.Open && x.Proposal.Expires is { } e ? e - asOf : null))
            .ToArray();
        var agreements = AgreementsAsOf(negotiation, asOf);
        var positions = negotiation.PositionsAsOf(asOf);

        var issues = negotiation.Issues.Select(i => Assess(negotiation, i, agreements, positions)).ToArray();
        var agreed = issues.Where(i => i.Status == IssueStatus.Agreed).ToArray();
        var totalWeight = issues.Sum(i => i.Weight);
        var sticking = issues
            .Select((report, order) => (report, order))
            .Where(x => x.report.Status != IssueStatus.Agreed)
            .OrderBy(x => StickingRank(x.report.Status)).ThenByDescending(x => x.report.Weight).ThenBy(x => x.order)
            .Select(x => x.report).ToArray();

        return new StatusReport(
            asOf, issues,
            issues.Length == 0 ? 0 : (double)agreed.Length / issues.Length,
            totalWeight == 0 ? 0 : agreed.Sum(i => i.Weight) / totalWeight,
            sticking,
            Convergence(negotiation, agreements, positions),
            proposals,
            Fired(negotiation, asOf));
    }

    private static int StickingRank(IssueStatus status) => status switch
    {
        IssueStatus.Blocked => 0,
        IssueStatus.Open => 1,
        _ => 2,
    };

    /// <summary>Explicit agreements plus those implied by accepted proposals, dated ≤ as-of, earliest first.</summary>
    private static List<Agreement> AgreementsAsOf(Negotiation negotiation, DateTimeOffset asOf)
    {
        var all = negotiation.Agreements.Where(a => a.At <= asOf).ToList();
        foreach (var proposal in negotiation.Proposals)
        {
            if (proposal.StateAsOf(asOf) is not (ProposalState.Accepted, { } at)) continue;
            var parties = proposal.Addressees.Prepend(proposal.Author).ToArray();
            // The implied records share the proposal's id: it is always a valid key, whereas "proposal.issue"
            // can exceed the 64-character limit and make the whole report throw. The ids are never shown.
            all.AddRange(proposal.Package.Select(kv =>
                new Agreement(proposal.Id, kv.Key, kv.Value, parties, at, source: proposal.Id)));
        }
        return all.OrderBy(a => a.At).ToList();
    }

    private static IssueReport Assess(Negotiation negotiation, Issue issue, List<Agreement> agreements,
        IReadOnlyDictionary<(string Party, string Issue), Position> positions)
    {
        var principals = negotiation.PrincipalsOf(issue);
        var (agreedOption, agreedAt, adRef) = AgreedOption(issue, principals, agreements);
        var held = principals.Select(p => positions.GetValueOrDefault((p, issue.Id))).ToArray();
        var missing = principals.Where((_, k) => held[k] is null).ToArray();

        var acceptableToAll = issue.Options
            .Where(o => principals.Count > 0 && held.All(pos => pos?.On(o.Id)?.Accepts() == true))
            .Select(o => o.Id).ToArray();
        if (agreedOption is not null)
            return new IssueReport(issue.Id, issue.Title, issue.Weight, IssueStatus.Agreed, principals, agreedOption, agreedAt,
                adRef, acceptableToAll, [], [], missing);

        var blockers = principals
            .Select((party, k) => (party, pos: held[k]))
            .Where(x => x.pos is not null)
            .Select(x => new Blocker(x.party,
                issue.Options.Where(o => x.pos!.On(o.Id)?.Rejects() == true).Select(o => o.Id).ToArray(),
                issue.Options.Where(o => x.pos!.On(o.Id) == Stance.RedLine).Select(o => o.Id).ToArray()))
            .Where(b => b.Options.Count > 0)
            .ToArray();
        var collisions = issue.Options
            .Select(o => new Collision(o.Id,
                blockers.Where(b => b.Options.Contains(o.Id)).Select(b => b.Party).ToArray(),
                blockers.Where(b => b.RedLines.Contains(o.Id)).Select(b => b.Party).ToArray()))
            .Where(c => c.RejectedBy.Count > 0)
            .ToArray();

        var status = collisions.Length == issue.Options.Count ? IssueStatus.Blocked
            : acceptableToAll.Length > 0 ? IssueStatus.Converging
            : IssueStatus.Open;
        return new IssueReport(issue.Id, issue.Title, issue.Weight, status, principals, null, null, false,
            acceptableToAll, blockers, collisions, missing);
    }

    /// <summary>
    /// The option whose agreeing parties first came to cover every principal, the instant they did, and whether
    /// it is still ad referendum: some principal has consented to it only ad referendum so far. A later plain
    /// record from that principal (the capital's approval) lifts the flag; non-principals never set it. An
    /// issue with no principal cannot be agreed.
    /// </summary>
    private static (string? Option, DateTimeOffset? At, bool AdReferendum) AgreedOption(
        Issue issue, IReadOnlyList<string> principals, List<Agreement> agreements)
    {
        if (principals.Count == 0) return (null, null, false);
        // Each party's latest consent on the issue: a later consent to another option replaces the earlier one;
        // a plain consent to the same option lifts its ad referendum.
        var consent = new Dictionary<string, (string Option, bool AdReferendum)>(StringComparer.Ordinal);
        string? option = null;
        DateTimeOffset? at = null;
        foreach (var agreement in agreements.Where(a => a.Issue == issue.Id))
        {
            foreach (var party in agreement.Parties)
                consent[party] = consent.TryGetValue(party, out var held) && held.Option == agreement.Option
                    ? (held.Option, held.AdReferendum && agreement.AdReferendum)
                    : (agreement.Option, agreement.AdReferendum);
            var common = principals.All(consent.ContainsKey) && principals.Select(p => consent[p].Option).Distinct().Count() == 1
                ? consent[principals[0]].Option : null;
            if (common != option) (option, at) = (common, common is null ? null : agreement.At);
        }
        return (option, at, option is not null && principals.Any(p => consent[p].AdReferendum));
    }

    private static IReadOnlyList<PairConvergence> Convergence(Negotiation negotiation, List<Agreement> agreements,
        IReadOnlyDictionary<(string Party, string Issue), Position> positions)
    {
        var involved = negotiation.Parties.Select(p => p.Id)
            .Where(p => positions.Keys.Any(k => k.Party == p)).ToArray();
        var pairs = new List<PairConvergence>();
        for (var a = 0; a < involved.Length; a++)
            for (var b = a + 1; b < involved.Length; b++)
            {
                int overlapping = 0, compared = 0;
                foreach (var issue in negotiation.Issues)
                {
                    var bothAgreed = issue.Options.Any(o =>
                        agreements.Any(g => g.Issue == issue.Id && g.Option == o.Id && g.Parties.Contains(involved[a]))
                        && agreements.Any(g => g.Issue == issue.Id && g.Option == o.Id && g.Parties.Contains(involved[b])));
                    var pa = positions.GetValueOrDefault((involved[a], issue.Id));
                    var pb = positions.GetValueOrDefault((involved[b], issue.Id));
                    if (bothAgreed) { compared++; overlapping++; continue; }
                    if (pa is null || pb is null) continue;
                    compared++;
                    if (issue.Options.Any(o => pa.On(o.Id)?.Accepts() == true && pb.On(o.Id)?.Accepts() == true)) overlapping++;
                }
                pairs.Add(new PairConvergence(involved[a], involved[b], overlapping, compared,
                    compared == 0 ? null : (double)overlapping / compared));
            }
        return pairs;
    }

    private static IReadOnlyList<FiredContingency> Fired(Negotiation negotiation, DateTimeOffset asOf)
    {
        var fired = new List<FiredContingency>();
        foreach (var contingency in negotiation.Contingencies)
        {
            var trigger = contingency.Trigger;
            var proposal = negotiation.FindProposal(trigger.Proposal);
            if (proposal?.StateAsOf(asOf) is not ({ } state, { } since)) continue;
            var happened = trigger.Kind switch
            {
                TriggerKind.ProposalRejected => state == ProposalState.Rejected
                    && (trigger.ByParty is null || proposal.Responses.Any(r => r.Party == trigger.ByParty && r.Kind == ResponseKind.Reject && r.At == since)),
                TriggerKind.ProposalExpired => state == ProposalState.Expired,
                TriggerKind.ProposalAccepted => state == ProposalState.Accepted,
                TriggerKind.ProposalWithdrawn => state == ProposalState.Withdrawn,
                _ => false,
            };
            if (happened) fired.Add(new FiredContingency(contingency.Id, contingency.Owner, since, trigger, contingency.Actions));
        }
        return fired.OrderBy(f => f.FiredAt).ToArray();
    }
}
