using Parley.Core.Guarantees;
using Parley.Server.Infrastructure;
using Parley.Application.Infrastructure;

namespace Parley.Server.Guarantees;

/// <summary>Where an incident happened (degrees; admin names as the source spells them).</summary>
public sealed record LocationInput(double? Lat = null, double? Lon = null, string? Country = null, string? Admin1 = null,
    string? Admin2 = null, string? Admin3 = null, string? Place = null);

/// <summary>
/// One incident report for intake. Time: <c>at</c> (an instant), or <c>day</c> (yyyy-MM-dd, the UTC day); the report
/// starts Reported. <c>id</c> defaults to <c>api-</c> and the time.
/// </summary>
public sealed record IncidentInput(string EventType, LocationInput Location, DateTimeOffset? At = null, DateOnly? Day = null,
    string? Id = null, string? SubEventType = null, List<string>? Actors = null, List<string>? TargetClasses = null,
    int? Fatalities = null, List<string>? Sources = null, string? Notes = null)
{
    /// <summary>The model value.</summary>
    public Incident ToModel()
    {
        if ((At is null) == (Day is null)) throw new InvalidInputException("at", "give exactly one of 'at' (an instant) or 'day' (yyyy-MM-dd)");
        var time = At is { } at ? IncidentTime.At(at) : IncidentTime.OnDay(Day!.Value);
        var location = Input.Build("location", () => new Location(Location?.Lat, Location?.Lon, Location?.Country, Location?.Admin1,
            Location?.Admin2, Location?.Admin3, Location?.Place));
        var id = Id ?? $"api-{time.Start.UtcDateTime:yyyyMMddHHmmss}";
        return Input.Build("incident", () => new Incident(id, time, location, EventType, SubEventType, Actors, TargetClasses, Fatalities, Sources, Notes));
    }
}

/// <summary>A review step. <c>reviewer</c> defaults to the request's actor; the time is now on the server's clock.</summary>
public sealed record ReviewInput(string? Reviewer = null, string? Evidence = null, string? ResponsibleParty = null);

/// <summary>
/// A lifecycle act (<c>action</c>: enterIntoForce, suspend, resume, terminate, discharge; <c>actor</c> checked against
/// the commitment's powers) or, with <c>performed</c>, a debtor's action (<c>party</c>, optionally the <c>incident</c>
/// answered). <c>at</c> defaults to now.
/// </summary>
public sealed record CommitmentEventInput(string? Cause = null, LifecycleAction? Action = null, string? Actor = null,
    string? Performed = null, string? Party = null, string? Incident = null, DateTimeOffset? At = null)
{
    /// <summary>The model value.</summary>
    public CommitmentEvent ToModel(string commitment, DateTimeOffset now)
    {
        if ((Action is null) == (Performed is null))
            throw new InvalidInputException("action", "give exactly one of 'action' (a lifecycle act) or 'performed' (a debtor's action)");
        var cause = Cause ?? "recorded through the API";
        return Action is { } action
            ? Input.Build("event", () => new LifecycleEvent(commitment, action, At ?? now, cause, Actor))
            : Input.Build("event", () => new ActionPerformed(commitment, Party ?? "", Performed!, At ?? now, cause, Incident));
    }
}
