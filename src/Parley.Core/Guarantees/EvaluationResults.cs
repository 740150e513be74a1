namespace Parley.Core.Guarantees;

/// <summary>
/// The Symboleo-style lifecycle shared by commitments and by the duties an obligation spawns:
/// Created → InEffect ⇄ Suspended → Fulfilled | Violated | Discharged | Expired | Terminated.
/// The last five are final.
/// </summary>
public enum CommitmentState
{
    /// <summary>Agreed but not yet in force.</summary>
    Created,
    /// <summary>In force: conduct is covered and deadlines run.</summary>
    InEffect,
    /// <summary>In force but suspended: conduct is not covered and deadlines stand still.</summary>
    Suspended,
    /// <summary>Honoured: a prohibition's window ended without breach, a duty's action came on time.</summary>
    Fulfilled,
    /// <summary>Breached: a verified breach of a prohibition, a duty's deadline passed without the action.</summary>
    Violated,
    /// <summary>Released by the creditor.</summary>
    Discharged,
    /// <summary>The window ended before the commitment ever applied (never in force, or an obligation never triggered).</summary>
    Expired,
    /// <summary>Ended by a termination act.</summary>
    Terminated,
}

/// <summary>One recorded change of state: from, to, at which instant, and why.</summary>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="At">When, in valid time (a breach is dated by the incident, not by its verification).</param>
/// <param name="Cause">Why, in words, naming the event, incident or deadline responsible.</param>
public sealed record StateTransition(CommitmentState From, CommitmentState To, DateTimeOffset At, string Cause);

/// <summary>
/// A verified breach of a prohibition: one duplicate group counted once, whatever the number of reports in it.
/// </summary>
/// <param name="RuleId">The rule the conduct satisfied.</param>
/// <param name="IncidentId">The verified report that establishes the breach.</param>
/// <param name="IncidentIds">Every report in its duplicate group (the verified one first).</param>
/// <param name="Time">When it happened.</param>
/// <param name="ResponsibleParty">The bound party it was attributed to on verification.</param>
/// <param name="VerifiedAt">When the attribution was verified.</param>
/// <param name="Explanation">Which rule, area and window clauses held.</param>
public sealed record Breach(string RuleId, string IncidentId, IReadOnlyList<string> IncidentIds, IncidentTime Time,
    string ResponsibleParty, DateTimeOffset VerifiedAt, string Explanation);

/// <summary>
/// What one debtor owes after one trigger, and where it stands as of the evaluation instant.
/// </summary>
/// <param name="Debtor">Who owes.</param>
/// <param name="TriggeredBy">The incident id or signal name that triggered it.</param>
/// <param name="IncidentIds">The triggering duplicate group (empty for a signal).</param>
/// <param name="TriggeredAt">When the deadline started to run (verification or signal instant).</param>
/// <param name="Deadline">
/// The last instant the action is on time (inclusive), counting suspensions known as of the evaluation; null
/// while a suspension with no known end stops the clock.
/// </param>
/// <param name="TimeLeft">For an open duty, time until the deadline (or remaining time while suspended); else null.</param>
/// <param name="State">State as of the evaluation instant.</param>
/// <param name="FulfilledAt">When the action came, if it came on time.</param>
/// <param name="Transitions">Its state changes, oldest first.</param>
public sealed record Duty(string Debtor, string TriggeredBy, IReadOnlyList<string> IncidentIds, DateTimeOffset TriggeredAt,
    DateTimeOffset? Deadline, TimeSpan? TimeLeft, CommitmentState State, DateTimeOffset? FulfilledAt,
    IReadOnlyList<StateTransition> Transitions);

/// <summary>One commitment as of the evaluation instant.</summary>
/// <param name="Commitment">The commitment.</param>
/// <param name="State">Its state.</param>
/// <param name="Transitions">Its state changes, oldest first.</param>
/// <param name="Breaches">For a prohibition, every verified breach in order of occurrence; empty for an obligation.</param>
/// <param name="Duties">For an obligation, every duty triggered, in trigger order; empty for a prohibition.</param>
/// <param name="Notes">Events that had no effect and why (refused for lack of power, out of sequence, late action).</param>
public sealed record CommitmentStatus(Commitment Commitment, CommitmentState State, IReadOnlyList<StateTransition> Transitions,
    IReadOnlyList<Breach> Breaches, IReadOnlyList<Duty> Duties, IReadOnlyList<string> Notes);

/// <summary>The whole evaluation as of one instant.</summary>
/// <param name="AsOf">The instant evaluated: events, verifications and actions recorded after it are not known.</param>
/// <param name="Commitments">One status per commitment, in input order.</param>
public sealed record GuaranteesEvaluation(DateTimeOffset AsOf, IReadOnlyList<CommitmentStatus> Commitments);
