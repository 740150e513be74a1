namespace Parley.Core.Access;

/// <summary>What a request asks to do in a negotiation; <see cref="AccessRules"/> says which roles may.</summary>
public enum Permission
{
    /// <summary>Read the talks as the viewer may see them: items, status, changes, history, drafts, guarantees, export.</summary>
    ReadTalks,

    /// <summary>Read the settlement: the full result for the mediator, packages and the party's own utilities for a delegation.</summary>
    ReadSettlement,

    /// <summary>Record positions, statements, proposals, answers and withdrawals — for the viewer's own party unless mediator.</summary>
    RecordForParty,

    /// <summary>Change the agenda and the record of the talks: parties, issues, agreements, rounds, working groups, contingencies.</summary>
    EditAgenda,

    /// <summary>Add versions of the draft agreement.</summary>
    EditDrafts,

    /// <summary>Take in incident reports (one or a file) and review them (verify, reject).</summary>
    MonitorIncidents,

    /// <summary>Record commitment events: the mediator any, a guarantor the performance of commitments its party owes.</summary>
    RecordCommitmentEvents,

    /// <summary>Replace or delete the whole negotiation.</summary>
    ManageNegotiation,
}
