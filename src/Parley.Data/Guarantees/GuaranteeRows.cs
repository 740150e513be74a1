namespace Parley.Data.Guarantees;

/// <summary>
/// One incident report of a negotiation. Lists (actors, target classes, sources) are JSON arrays; the current
/// verification state is kept beside the review steps so lists can filter without reading them.
/// </summary>
public sealed class IncidentRow
{
    /// <summary>The negotiation the report belongs to (deleting it deletes its incidents).</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The source's id (ACLED event_id_cnty, UCDP id) or one given at intake.</summary>
    public required string Id { get; set; }

    /// <summary>Earliest possible instant (UTC).</summary>
    public DateTimeOffset Start { get; set; }

    /// <summary>End of the possible interval (UTC, exclusive; equal to <see cref="Start"/> when exact).</summary>
    public DateTimeOffset End { get; set; }

    /// <summary>Exact, Day, Week, Month or Range.</summary>
    public required string Precision { get; set; }

    /// <summary>Degrees north, when known.</summary>
    public double? Latitude { get; set; }

    /// <summary>Degrees east, when known.</summary>
    public double? Longitude { get; set; }

    /// <summary>Country as the source names it.</summary>
    public string? Country { get; set; }

    /// <summary>First-level area.</summary>
    public string? Admin1 { get; set; }

    /// <summary>Second-level area.</summary>
    public string? Admin2 { get; set; }

    /// <summary>Third-level area.</summary>
    public string? Admin3 { get; set; }

    /// <summary>Place name.</summary>
    public string? Place { get; set; }

    /// <summary>ACLED event type (or the source's own).</summary>
    public required string EventType { get; set; }

    /// <summary>ACLED sub-event type.</summary>
    public string? SubEventType { get; set; }

    /// <summary>Actors as named by the source, JSON array.</summary>
    public required string ActorsJson { get; set; }

    /// <summary>Target classes, JSON array.</summary>
    public required string TargetClassesJson { get; set; }

    /// <summary>Reported fatalities.</summary>
    public int? Fatalities { get; set; }

    /// <summary>Sources, JSON array.</summary>
    public required string SourcesJson { get; set; }

    /// <summary>Free text.</summary>
    public string? Notes { get; set; }

    /// <summary>Reported, UnderReview, Verified or Rejected: the state after the last review step.</summary>
    public required string State { get; set; }

    /// <summary>The primary report of this report's duplicate group, or null when this report is a primary.</summary>
    public string? DuplicateOf { get; set; }

    /// <summary>The history sequence of the import or intake that stored the report.</summary>
    public long? Batch { get; set; }
}

/// <summary>One verification step of an incident, numbered from 1 in the order taken.</summary>
public sealed class IncidentReviewRow
{
    /// <summary>The negotiation.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The incident reviewed.</summary>
    public required string IncidentId { get; set; }

    /// <summary>1, 2, 3 … per incident.</summary>
    public int Step { get; set; }

    /// <summary>UnderReview, Verified or Rejected.</summary>
    public required string ToState { get; set; }

    /// <summary>When the step was recorded (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who took it.</summary>
    public required string Reviewer { get; set; }

    /// <summary>What it rests on.</summary>
    public string? Evidence { get; set; }

    /// <summary>The party found responsible (Verified only).</summary>
    public string? ResponsibleParty { get; set; }
}

/// <summary>One commitment of a negotiation; its definition (rules, area, trigger, powers) is JSON.</summary>
public sealed class CommitmentRow
{
    /// <summary>The negotiation.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The commitment's id.</summary>
    public required string Id { get; set; }

    /// <summary>Place in the negotiation's list.</summary>
    public int Ordinal { get; set; }

    /// <summary>prohibition or obligation.</summary>
    public required string Kind { get; set; }

    /// <summary>Display title.</summary>
    public required string Title { get; set; }

    /// <summary>The whole definition as JSON (see CommitmentJson).</summary>
    public required string DefinitionJson { get; set; }
}

/// <summary>
/// One lifecycle event (entry into force, suspension, …) or performed action on a commitment, in the order
/// recorded. Rows are only ever added: a lifecycle is replayed from them.
/// </summary>
public sealed class CommitmentEventRow
{
    /// <summary>The negotiation.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>1, 2, 3 … per negotiation, in the order recorded.</summary>
    public int Sequence { get; set; }

    /// <summary>The commitment acted on.</summary>
    public required string CommitmentId { get; set; }

    /// <summary>The lifecycle action (EnterIntoForce, Suspend, …) or null for a performed action.</summary>
    public string? LifecycleAction { get; set; }

    /// <summary>The action performed by a debtor, or null for a lifecycle event.</summary>
    public string? Performed { get; set; }

    /// <summary>Valid time of the event (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Why.</summary>
    public required string Cause { get; set; }

    /// <summary>The acting party (lifecycle actor or performing debtor).</summary>
    public string? Party { get; set; }

    /// <summary>The incident a performed action answers.</summary>
    public string? IncidentId { get; set; }
}
