using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Application.Infrastructure;

namespace Parley.Server.Guarantees;

/// <summary>A verification step as the API shows it.</summary>
public sealed record ReviewView(VerificationState State, DateTimeOffset At, string Reviewer, string? Evidence, string? ResponsibleParty);

/// <summary>An incident report as the API shows it, with its group's primary when it is a duplicate.</summary>
public sealed record IncidentView(string Id, DateTimeOffset Start, DateTimeOffset End, TimePrecision Precision, double? Lat, double? Lon,
    string? Country, string? Admin1, string? Admin2, string? Place, string EventType, string? SubEventType, IReadOnlyList<string> Actors,
    IReadOnlyList<string> TargetClasses, int? Fatalities, IReadOnlyList<string> Sources, string? Notes, VerificationState State,
    string? DuplicateOf, IReadOnlyList<ReviewView> Reviews)
{
    /// <summary>The view of a stored report.</summary>
    public static IncidentView From(StoredIncident s)
    {
        var i = s.Incident;
        return new(i.Id, i.Time.Start, i.Time.End, i.Time.Precision, i.Location.Latitude, i.Location.Longitude, i.Location.Country,
            i.Location.Admin1, i.Location.Admin2, i.Location.Place, i.EventType, i.SubEventType, i.Actors, i.TargetClasses, i.Fatalities,
            i.Sources, i.Notes, i.State, s.DuplicateOf,
            i.Verification.Select(v => new ReviewView(v.To, v.At, v.Reviewer, v.Evidence, v.ResponsibleParty)).ToArray());
    }
}

/// <summary>An incident file import: counts and every rejected row with its line and field.</summary>
public sealed record ImportView(int Imported, int Rejected, int DuplicatesGrouped, IReadOnlyList<ProblemView> Errors);

/// <summary>A state change.</summary>
public sealed record TransitionView(CommitmentState From, CommitmentState To, DateTimeOffset At, string Cause);

/// <summary>A verified breach of a prohibition.</summary>
public sealed record BreachView(string Rule, string IncidentId, IReadOnlyList<string> IncidentIds, DateTimeOffset OccurredAt,
    TimePrecision TimePrecision, string ResponsibleParty, DateTimeOffset VerifiedAt, string Explanation);

/// <summary>What one debtor owes after one trigger: deadline (inclusive) and time left in seconds.</summary>
public sealed record DutyView(string Debtor, string TriggeredBy, IReadOnlyList<string> IncidentIds, DateTimeOffset TriggeredAt,
    DateTimeOffset? Deadline, double? TimeLeftSeconds, CommitmentState State, DateTimeOffset? FulfilledAt);

/// <summary>One commitment as of the evaluation instant.</summary>
public sealed record CommitmentView(string Id, string Kind, string Title, CommitmentState State, IReadOnlyList<TransitionView> Transitions,
    IReadOnlyList<BreachView> Breaches, IReadOnlyList<DutyView> Duties, IReadOnlyList<string> Notes);

/// <summary>The evaluation as of an instant.</summary>
public sealed record EvaluationView(DateTimeOffset AsOf, int Incidents, int DuplicatesGrouped, IReadOnlyList<CommitmentView> Commitments)
{
    /// <summary>The view of an evaluation.</summary>
    public static EvaluationView From(GuaranteesEvaluation e, IncidentIndex index) => new(e.AsOf, index.Incidents.Count,
        index.Groups.DuplicatesGrouped, e.Commitments.Select(c => new CommitmentView(c.Commitment.Id,
            c.Commitment is Prohibition ? "prohibition" : "obligation", c.Commitment.Title, c.State,
            c.Transitions.Select(t => new TransitionView(t.From, t.To, t.At, t.Cause)).ToArray(),
            c.Breaches.Select(b => new BreachView(b.RuleId, b.IncidentId, b.IncidentIds, b.Time.Start, b.Time.Precision, b.ResponsibleParty,
                b.VerifiedAt, b.Explanation)).ToArray(),
            c.Duties.Select(d => new DutyView(d.Debtor, d.TriggeredBy, d.IncidentIds, d.TriggeredAt, d.Deadline, d.TimeLeft?.TotalSeconds,
                d.State, d.FulfilledAt)).ToArray(),
            c.Notes)).ToArray());
}
