namespace Parley.Core.Guarantees;

/// <summary>
/// A reported incident: what happened (ACLED event type and sub-type), when (with precision), where, who was
/// involved, what was hit, and how the report has been verified. Immutable: review steps return a new value.
/// </summary>
/// <remarks>
/// <see cref="Actors"/> are names as the source gives them ("Military Forces of Russia (2000-)"); they are not
/// party ids. Which party is responsible is only ever the <see cref="VerificationStep.ResponsibleParty"/> of the
/// Verified step.
/// </remarks>
public sealed record Incident
{
    private readonly VerificationStep[] _steps;

    /// <summary>Creates an incident in state Reported, optionally with review steps already taken.</summary>
    /// <exception cref="ArgumentException">The id or event type is blank, fatalities are negative, or the steps break the workflow.</exception>
    public Incident(string id, IncidentTime time, Location location, string eventType, string? subEventType = null,
        IEnumerable<string>? actors = null, IEnumerable<string>? targetClasses = null, int? fatalities = null,
        IEnumerable<string>? sources = null, string? notes = null, IEnumerable<VerificationStep>? verification = null)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An incident has an id.", nameof(id));
        if (string.IsNullOrWhiteSpace(eventType)) throw new ArgumentException("An incident has an event type.", nameof(eventType));
        if (fatalities is < 0) throw new ArgumentOutOfRangeException(nameof(fatalities), fatalities, "Fatalities are not negative.");
        Id = id.Trim();
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        EventType = eventType.Trim();
        SubEventType = string.IsNullOrWhiteSpace(subEventType) ? null : subEventType.Trim();
        Actors = Clean(actors);
        TargetClasses = NormalizeTargets(Clean(targetClasses));
        Fatalities = fatalities;
        Sources = Clean(sources);
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes;
        _steps = verification is null ? [] : verification.ToArray();
        CheckWorkflow(_steps);
    }

    /// <summary>The source's id (ACLED event_id_cnty, UCDP id) or one given at intake; unique within a data set.</summary>
    public string Id { get; }

    /// <summary>When it happened, with precision.</summary>
    public IncidentTime Time { get; }

    /// <summary>Where it happened.</summary>
    public Location Location { get; }

    /// <summary>ACLED event_type, e.g. "Explosions/Remote violence"; other sources keep their own types.</summary>
    public string EventType { get; }

    /// <summary>ACLED sub_event_type, e.g. "Air/drone strike"; null when the source has none.</summary>
    public string? SubEventType { get; }

    /// <summary>Actors as named by the source, initiator first.</summary>
    public IReadOnlyList<string> Actors { get; }

    /// <summary>What was hit, as normalised <see cref="TargetClass"/> keys; empty when the source does not say.</summary>
    public IReadOnlyList<string> TargetClasses { get; }

    /// <summary>Reported fatalities; null when unknown.</summary>
    public int? Fatalities { get; }

    /// <summary>Sources cited by the report.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Free text from the report.</summary>
    public string? Notes { get; }

    /// <summary>The verification steps taken, oldest first.</summary>
    public IReadOnlyList<VerificationStep> Verification => _steps;

    /// <summary>The current verification state (after every recorded step).</summary>
    public VerificationState State => _steps.Length == 0 ? VerificationState.Reported : _steps[^1].To;

    /// <summary>The verification state as known at <paramref name="asOf"/>: steps recorded after it are not yet known.</summary>
    public VerificationState StateAt(DateTimeOffset asOf)
    {
        var state = VerificationState.Reported;
        foreach (var step in _steps)
        {
            if (step.At > asOf) break;
            state = step.To;
        }
        return state;
    }

    /// <summary>The Verified step if it was recorded at or before <paramref name="asOf"/>; otherwise null.</summary>
    public VerificationStep? VerifiedAsOf(DateTimeOffset asOf) =>
        _steps.Length > 0 && _steps[^1].To == VerificationState.Verified && _steps[^1].At <= asOf ? _steps[^1] : null;

    /// <summary>Returns this incident with one more review step.</summary>
    /// <exception cref="RuleRefusal">The step does not follow the workflow or goes back in time (field <c>review</c>).</exception>
    public Incident Review(VerificationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (WorkflowRefusal([.. _steps, step]) is { } refusal) throw new RuleRefusal("review", refusal);
        return new Incident(Id, Time, Location, EventType, SubEventType, Actors, TargetClasses, Fatalities, Sources, Notes,
            _steps.Append(step));
    }

    private static void CheckWorkflow(VerificationStep[] steps)
    {
        if (WorkflowRefusal(steps) is { } refusal) throw new ArgumentException(refusal, nameof(steps));
    }

    /// <summary>Why <paramref name="steps"/> do not follow the workflow, or null when they do.</summary>
    private static string? WorkflowRefusal(VerificationStep[] steps)
    {
        var state = VerificationState.Reported;
        DateTimeOffset? last = null;
        foreach (var step in steps)
        {
            var allowed = (state, step.To) switch
            {
                (VerificationState.Reported, VerificationState.UnderReview) => true,
                (VerificationState.UnderReview, VerificationState.Verified) => true,
                (VerificationState.UnderReview, VerificationState.Rejected) => true,
                _ => false,
            };
            if (!allowed) return $"Verification cannot go from {state} to {step.To}.";
            if (last is { } l && step.At < l) return $"Verification step at {step.At:o} precedes the previous step at {l:o}.";
            state = step.To;
            last = step.At;
        }
        return null;
    }

    /// <summary>The non-blank values, trimmed, in order. A loop rather than LINQ: imports build 200,000 incidents at a time.</summary>
    private static string[] Clean(IEnumerable<string>? values)
    {
        if (values is null) return [];
        var list = values as IReadOnlyList<string> ?? values.ToList();
        if (list.Count == 0) return [];
        var kept = 0;
        for (var i = 0; i < list.Count; i++)
            if (!string.IsNullOrWhiteSpace(list[i])) kept++;
        var result = new string[kept];
        kept = 0;
        for (var i = 0; i < list.Count; i++)
            if (!string.IsNullOrWhiteSpace(list[i])) result[kept++] = list[i].Trim();
        return result;
    }

    /// <summary>Normalised keys, first occurrence kept.</summary>
    private static string[] NormalizeTargets(string[] cleaned) =>
        cleaned.Length == 0 ? cleaned : cleaned.Select(TargetClass.Normalize).Distinct().ToArray();
}
