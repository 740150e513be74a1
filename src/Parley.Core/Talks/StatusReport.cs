namespace Parley.Core.Talks;

/// <summary>Where one issue stands as of an instant.</summary>
public enum IssueStatus
{
    /// <summary>An option is recorded as agreed by every principal (possibly ad referendum).</summary>
    Agreed,

    /// <summary>Not agreed, but some option is acceptable to every principal.</summary>
    Converging,

    /// <summary>Every option is unacceptable or a red line for at least one principal.</summary>
    Blocked,

    /// <summary>Anything else: positions missing or still moving.</summary>
    Open,
}

/// <summary>A principal that rejects options of an issue.</summary>
/// <param name="Party">The principal.</param>
/// <param name="Options">Options it holds unacceptable or red lines, in the issue's option order.</param>
/// <param name="RedLines">The subset declared red lines.</param>
public sealed record Blocker(string Party, IReadOnlyList<string> Options, IReadOnlyList<string> RedLines);

/// <summary>One option of a blocked or stuck issue and the principals that reject it.</summary>
/// <param name="Option">The option.</param>
/// <param name="RejectedBy">Principals holding it unacceptable or a red line.</param>
/// <param name="RedLineOf">The subset holding it a red line.</param>
public sealed record Collision(string Option, IReadOnlyList<string> RejectedBy, IReadOnlyList<string> RedLineOf);

/// <summary>The state of one issue as of an instant.</summary>
/// <param name="Issue">The issue's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Status">The derived status.</param>
/// <param name="Principals">The parties whose consent it needs.</param>
/// <param name="AgreedOption">The agreed option when <see cref="IssueStatus.Agreed"/>.</param>
/// <param name="AgreedAt">When the last needed consent was recorded.</param>
/// <param name="AdReferendum">True while some principal has consented to the agreed option only ad referendum (pending its capital's approval).</param>
/// <param name="AcceptableToAll">Options every principal prefers or accepts.</param>
/// <param name="Blockers">Principals rejecting options (empty when agreed).</param>
/// <param name="Collisions">Per option, who rejects it (empty when agreed).</param>
/// <param name="MissingPositions">Principals with no position on the issue yet.</param>
public sealed record IssueReport(
    string Issue, string Title, double Weight, IssueStatus Status, IReadOnlyList<string> Principals,
    string? AgreedOption, DateTimeOffset? AgreedAt, bool AdReferendum, IReadOnlyList<string> AcceptableToAll,
    IReadOnlyList<Blocker> Blockers, IReadOnlyList<Collision> Collisions, IReadOnlyList<string> MissingPositions);

/// <summary>How close two parties are: the share of compared issues where some option is acceptable to both.</summary>
/// <param name="PartyA">First party (agenda order of parties).</param>
/// <param name="PartyB">Second party.</param>
/// <param name="Overlapping">Issues where their acceptable options overlap, or both agreed the same option.</param>
/// <param name="Compared">Issues on which both hold a position or both agreed.</param>
/// <param name="Share">Overlapping ÷ Compared; null when nothing can be compared.</param>
public sealed record PairConvergence(string PartyA, string PartyB, int Overlapping, int Compared, double? Share);

/// <summary>A proposal's state as of an instant.</summary>
/// <param name="Proposal">The proposal's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Author">Its author.</param>
/// <param name="State">The derived state.</param>
/// <param name="Since">When it entered that state.</param>
/// <param name="Expires">Its deadline, if any.</param>
/// <param name="TimeLeft">Deadline − as-of, for open proposals with a deadline.</param>
public sealed record ProposalReport(
    string Proposal, string Title, string Author, ProposalState State, DateTimeOffset? Since, DateTimeOffset? Expires, TimeSpan? TimeLeft);

/// <summary>A contingency whose trigger has happened.</summary>
/// <param name="Contingency">Its id.</param>
/// <param name="Owner">The party holding it.</param>
/// <param name="FiredAt">When the trigger happened.</param>
/// <param name="Trigger">The trigger.</param>
/// <param name="Actions">What now follows.</param>
public sealed record FiredContingency(
    string Contingency, string Owner, DateTimeOffset FiredAt, ContingencyTrigger Trigger, IReadOnlyList<ContingencyAction> Actions);

/// <summary>Everything derived about a negotiation as of one instant (valid time).</summary>
/// <param name="AsOf">The instant.</param>
/// <param name="Issues">Every issue, in agenda order.</param>
/// <param name="AgreedShare">Agreed issues ÷ all issues (0 when there are none).</param>
/// <param name="AgreedShareByWeight">Σ weight of agreed issues ÷ Σ weight of all issues.</param>
/// <param name="StickingPoints">Issues not agreed: Blocked, then Open, then Converging; heavier first, then agenda order.</param>
/// <param name="Convergence">Every pair of parties that hold a position.</param>
/// <param name="Proposals">Every proposal made by <see cref="AsOf"/>.</param>
/// <param name="FiredContingencies">Contingencies whose trigger happened by <see cref="AsOf"/>, earliest first.</param>
public sealed record StatusReport(
    DateTimeOffset AsOf, IReadOnlyList<IssueReport> Issues, double AgreedShare, double AgreedShareByWeight,
    IReadOnlyList<IssueReport> StickingPoints, IReadOnlyList<PairConvergence> Convergence,
    IReadOnlyList<ProposalReport> Proposals, IReadOnlyList<FiredContingency> FiredContingencies)
{
    /// <summary>Proposals that expired unanswered.</summary>
    public IEnumerable<ProposalReport> ExpiredOffers => Proposals.Where(p => p.State == ProposalState.Expired);

    /// <summary>Proposals still open.</summary>
    public IEnumerable<ProposalReport> OpenOffers => Proposals.Where(p => p.State == ProposalState.Open);
}
