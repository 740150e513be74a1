namespace Parley.Core.Guarantees;

/// <summary>Where an incident report stands in verification: Reported → UnderReview → Verified | Rejected.</summary>
public enum VerificationState
{
    /// <summary>Received, not yet looked at. Has no effect on any commitment.</summary>
    Reported,
    /// <summary>A reviewer is checking it. Still has no effect.</summary>
    UnderReview,
    /// <summary>Established as fact; only verified incidents breach prohibitions or trigger obligations. Final.</summary>
    Verified,
    /// <summary>Found not to have happened as reported. Final; never has any effect.</summary>
    Rejected,
}

/// <summary>
/// One step of the verification workflow: who moved the report to which state, when, on what evidence.
/// A step into <see cref="VerificationState.Verified"/> may attribute the incident to a responsible party;
/// attribution exists only as such a verified finding.
/// </summary>
public sealed record VerificationStep
{
    /// <summary>Creates a step.</summary>
    /// <exception cref="ArgumentException">The reviewer is blank, the target is Reported, or a party is attributed by a step other than Verified.</exception>
    public VerificationStep(VerificationState to, DateTimeOffset at, string reviewer, string? evidence = null,
        string? responsibleParty = null)
    {
        if (to == VerificationState.Reported)
            throw new ArgumentException("A report starts Reported; no step leads back to it.", nameof(to));
        if (string.IsNullOrWhiteSpace(reviewer))
            throw new ArgumentException("A verification step names its reviewer.", nameof(reviewer));
        if (responsibleParty is not null && to != VerificationState.Verified)
            throw new ArgumentException("Only a Verified step may attribute responsibility.", nameof(responsibleParty));
        if (responsibleParty is not null && string.IsNullOrWhiteSpace(responsibleParty))
            throw new ArgumentException("A responsible party is a non-blank party id.", nameof(responsibleParty));
        To = to;
        At = at;
        Reviewer = reviewer.Trim();
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        ResponsibleParty = responsibleParty?.Trim();
    }

    /// <summary>The state the report enters.</summary>
    public VerificationState To { get; }

    /// <summary>When the reviewer recorded the step (record time).</summary>
    public DateTimeOffset At { get; }

    /// <summary>Who took the step.</summary>
    public string Reviewer { get; }

    /// <summary>What the finding rests on (imagery, monitor report, source list).</summary>
    public string? Evidence { get; }

    /// <summary>The party found responsible, as a verified fact; null when not established.</summary>
    public string? ResponsibleParty { get; }
}
