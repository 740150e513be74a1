using Parley.Core.Guarantees;

namespace Parley.Core.Tests.Guarantees;

/// <summary>Small builders so each test states only what matters to it.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset T0 = new(2025, 12, 20, 0, 0, 0, TimeSpan.Zero);

    public const string Shelling = "Shelling/artillery/missile attack";
    public const string Explosions = "Explosions/Remote violence";
    public const string AirStrike = "Air/drone strike";

    public static Incident Strike(string id, DateTimeOffset at, string admin1 = "Kharkiv", double lat = 49.99, double lon = 36.23,
        string subType = AirStrike, string[]? targets = null) =>
        new(id, IncidentTime.At(at), new Location(lat, lon, "Ukraine", admin1, null, null, "Kharkiv"), Explosions, subType,
            ["Military Forces of Russia (2000-)"], targets ?? [TargetClass.EnergyInfrastructure], 0, ["monitor"]);

    public static Incident Verified(this Incident incident, DateTimeOffset at, string? party = "ru") =>
        incident.Review(new VerificationStep(VerificationState.UnderReview, at, "SMM team"))
            .Review(new VerificationStep(VerificationState.Verified, at, "SMM chief", "imagery", party));

    public static Incident Rejected(this Incident incident, DateTimeOffset at) =>
        incident.Review(new VerificationStep(VerificationState.UnderReview, at, "SMM team"))
            .Review(new VerificationStep(VerificationState.Rejected, at, "SMM chief", "no crater found"));

    public static Prohibition EnergyTruce(TimeWindow? window = null, Area? area = null,
        IReadOnlyDictionary<LifecycleAction, IReadOnlyList<string>>? powers = null) =>
        new("truce", "Energy-strike truce", ["ru", "ua"],
            [new ConductRule("energy", [Explosions], [], [TargetClass.EnergyInfrastructure])], area, window, powers);

    public static Obligation Respond(TimeSpan? deadline = null, string[]? debtors = null, TimeWindow? window = null) =>
        new("respond", "Respond to an armed attack", debtors ?? ["us"], "ua",
            new IncidentTrigger(new ConductRule("armed-attack", [Explosions, "Battles"]), ["ru"]), "respond",
            deadline ?? TimeSpan.FromHours(72), window);

    public static LifecycleEvent Enter(string id, DateTimeOffset at) => new(id, LifecycleAction.EnterIntoForce, at, "signed");
    public static LifecycleEvent Act(string id, LifecycleAction action, DateTimeOffset at, string? actor = null) =>
        new(id, action, at, action.ToString().ToLowerInvariant(), actor);

    public static CommitmentStatus Evaluate(Commitment c, IEnumerable<Incident> incidents, IEnumerable<CommitmentEvent> events,
        DateTimeOffset asOf) =>
        GuaranteeEvaluator.Evaluate([c], IncidentIndex.Build(incidents), events, asOf).Commitments.Single();

    public static IEnumerable<CommitmentState> States(this CommitmentStatus s) => s.Transitions.Select(t => t.To);
    public static IEnumerable<CommitmentState> States(this Duty d) => d.Transitions.Select(t => t.To);
}
