namespace Parley.Core.Access;

/// <summary>
/// The role a member holds in one negotiation. A membership is user × negotiation × role [× party]; the role decides
/// what the member sees (<see cref="Viewer.CanSee"/>) and may do (<see cref="AccessRules"/>).
/// </summary>
public enum MemberRole
{
    /// <summary>The neutral: sees every item and every private profile, records anything.</summary>
    Mediator,

    /// <summary>The delegation of one party: shared items, its party's own items and profile; acts for its party only.</summary>
    Delegation,

    /// <summary>A guarantor (optionally a party): shared items, its party's own items, the commitments; records its performance.</summary>
    Guarantor,

    /// <summary>A monitor: shared items and every incident report; takes in and reviews incidents.</summary>
    Monitor,

    /// <summary>An observer: shared items only; records nothing.</summary>
    Observer,
}
