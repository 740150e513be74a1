using Parley.Core.Talks;

namespace Parley.Core.Guarantees;

/// <summary>
/// Connects the Talks to the Guarantees: a proposal's rejection or expiry is a signal that fires
/// <see cref="SignalTrigger"/>s, the same mechanism the Talks contingencies use. Signal names:
/// <c>proposal-rejected:PROPOSAL</c> (any addressee), <c>proposal-rejected:PROPOSAL:PARTY</c> (that addressee's
/// rejection decided it) and <c>proposal-expired:PROPOSAL</c>.
/// </summary>
public static class TalksSignals
{
    /// <summary>The signal name for a rejection, by <paramref name="party"/> when given.</summary>
    /// <exception cref="ArgumentException">The proposal id is blank.</exception>
    public static string Rejected(string proposal, string? party = null)
    {
        if (string.IsNullOrWhiteSpace(proposal)) throw new ArgumentException("A signal names its proposal.", nameof(proposal));
        return party is null ? $"proposal-rejected:{proposal.Trim()}" : $"proposal-rejected:{proposal.Trim()}:{party.Trim()}";
    }

    /// <summary>The signal name for an expiry.</summary>
    /// <exception cref="ArgumentException">The proposal id is blank.</exception>
    public static string Expired(string proposal)
    {
        if (string.IsNullOrWhiteSpace(proposal)) throw new ArgumentException("A signal names its proposal.", nameof(proposal));
        return $"proposal-expired:{proposal.Trim()}";
    }

    /// <summary>
    /// The signals raised by the negotiation's proposals as of <paramref name="asOf"/>, each at the instant the
    /// proposal was decided (valid time): a rejection raises both the any-addressee and the by-party signal; an
    /// expiry raises the expiry signal. Accepted, withdrawn and open proposals raise nothing.
    /// </summary>
    public static IReadOnlyList<SignalRaised> Of(Negotiation negotiation, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var signals = new List<SignalRaised>();
        foreach (var proposal in negotiation.Proposals)
        {
            if (proposal.StateAsOf(asOf) is not ({ } state, { } since)) continue;
            if (state == ProposalState.Rejected)
            {
                var by = proposal.Responses.FirstOrDefault(r => r.Kind == ResponseKind.Reject && r.At == since)?.Party;
                var cause = $"proposal {proposal.Id} rejected{(by is null ? "" : " by " + by)}";
                signals.Add(new SignalRaised(Rejected(proposal.Id), since, cause));
                if (by is not null) signals.Add(new SignalRaised(Rejected(proposal.Id, by), since, cause));
            }
            else if (state == ProposalState.Expired)
                signals.Add(new SignalRaised(Expired(proposal.Id), since, $"proposal {proposal.Id} expired unanswered"));
        }
        return signals.OrderBy(s => s.At).ToArray();
    }
}
