using Microsoft.Extensions.Time.Testing;
using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class ProhibitionEvaluationTests
{
    private static readonly TimeWindow Christmas = new(new(2025, 12, 24, 0, 0, 0, TimeSpan.Zero), new(2026, 1, 8, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Evaluate_NoEntryIntoForce_StaysCreated()
    {
        var clock = new FakeTimeProvider(T0);
        var status = Evaluate(EnergyTruce(Christmas), [], [], clock.GetUtcNow());
        Assert.Equal(CommitmentState.Created, status.State);
        Assert.Empty(status.Transitions);
    }

    [Fact]
    public void Evaluate_EntryIntoForce_InEffectFromThatInstant()
    {
        var clock = new FakeTimeProvider(T0);
        var events = new List<CommitmentEvent> { Enter("truce", clock.GetUtcNow()) };
        clock.Advance(TimeSpan.FromDays(5));
        var status = Evaluate(EnergyTruce(Christmas), [], events, clock.GetUtcNow());
        Assert.Equal(CommitmentState.InEffect, status.State);
        var t = Assert.Single(status.Transitions);
        Assert.Equal((CommitmentState.Created, CommitmentState.InEffect, T0, "signed"), (t.From, t.To, t.At, t.Cause));
    }

    [Fact]
    public void Evaluate_EventRecordedAfterAsOf_NotYetKnown()
    {
        var events = new List<CommitmentEvent> { Enter("truce", T0.AddHours(1)) };
        var status = Evaluate(EnergyTruce(Christmas), [], events, T0.AddMinutes(59));
        Assert.Equal(CommitmentState.Created, status.State);
    }

    [Fact]
    public void Evaluate_VerifiedAttributedStrikeInWindow_ViolatedAtOccurrenceWithRule()
    {
        var clock = new FakeTimeProvider(T0);
        var events = new List<CommitmentEvent> { Enter("truce", clock.GetUtcNow()) };
        var hit = Christmas.Start.AddDays(2);
        var incident = Strike("i1", hit).Verified(hit.AddHours(30));
        clock.Advance(TimeSpan.FromDays(10));
        var status = Evaluate(EnergyTruce(Christmas), [incident], events, clock.GetUtcNow());
        Assert.Equal(CommitmentState.Violated, status.State);
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Violated], status.States());
        Assert.Equal(hit, status.Transitions[^1].At);
        var breach = Assert.Single(status.Breaches);
        Assert.Equal(("energy", "i1", "ru"), (breach.RuleId, breach.IncidentId, breach.ResponsibleParty));
    }

    [Fact]
    public void Evaluate_BreachNotYetVerifiedAtAsOf_NoEffect()
    {
        var hit = Christmas.Start.AddDays(2);
        var incident = Strike("i1", hit).Verified(hit.AddHours(30));
        var status = Evaluate(EnergyTruce(Christmas), [incident], [Enter("truce", T0)], hit.AddHours(29));
        Assert.Equal(CommitmentState.InEffect, status.State);
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_UnderReviewOnly_NoEffect()
    {
        var hit = Christmas.Start.AddDays(2);
        var incident = Strike("i1", hit).Review(new VerificationStep(VerificationState.UnderReview, hit.AddHours(1), "SMM"));
        var status = Evaluate(EnergyTruce(Christmas), [incident], [Enter("truce", T0)], Christmas.Start.AddDays(5));
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_RejectedIncident_NoBreach()
    {
        var hit = Christmas.Start.AddDays(2);
        var status = Evaluate(EnergyTruce(Christmas), [Strike("i1", hit).Rejected(hit.AddHours(3))], [Enter("truce", T0)],
            Christmas.Start.AddDays(5));
        Assert.Equal(CommitmentState.InEffect, status.State);
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_VerifiedButUnattributed_NoBreach()
    {
        var hit = Christmas.Start.AddDays(2);
        var status = Evaluate(EnergyTruce(Christmas), [Strike("i1", hit).Verified(hit, party: null)], [Enter("truce", T0)],
            Christmas.Start.AddDays(5));
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_AttributedToUnboundParty_NoBreach()
    {
        var hit = Christmas.Start.AddDays(2);
        var status = Evaluate(EnergyTruce(Christmas), [Strike("i1", hit).Verified(hit, party: "by")], [Enter("truce", T0)],
            Christmas.Start.AddDays(5));
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_IncidentBeforeEntryIntoForce_NoEffect()
    {
        var entry = Christmas.Start.AddDays(1);
        var before = Strike("i1", entry.AddSeconds(-1)).Verified(entry.AddHours(1));
        var status = Evaluate(EnergyTruce(Christmas), [before], [Enter("truce", entry)], Christmas.Start.AddDays(5));
        Assert.Equal(CommitmentState.InEffect, status.State);
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_IncidentAtEntryInstant_Covered()
    {
        var entry = Christmas.Start.AddDays(1);
        var status = Evaluate(EnergyTruce(Christmas), [Strike("i1", entry).Verified(entry.AddHours(1))], [Enter("truce", entry)],
            Christmas.Start.AddDays(5));
        Assert.Single(status.Breaches);
    }

    [Fact]
    public void Evaluate_WindowBoundaries_StartInclusiveEndExclusive()
    {
        var incidents = new[]
        {
            Strike("before-start", Christmas.Start.AddTicks(-1)).Verified(Christmas.Start),
            Strike("at-start", Christmas.Start).Verified(Christmas.Start),
            Strike("last-tick", Christmas.End!.Value.AddTicks(-1)).Verified(Christmas.End.Value),
            Strike("at-end", Christmas.End.Value).Verified(Christmas.End.Value),
        };
        var status = Evaluate(EnergyTruce(Christmas), incidents, [Enter("truce", T0)], Christmas.End.Value.AddDays(1));
        Assert.Equal(["at-start", "last-tick"], status.Breaches.Select(b => b.IncidentId));
    }

    [Fact]
    public void Evaluate_DayPrecisionStraddlingEntry_NotCounted()
    {
        // Known only to the day: it may have happened before the 12:00 entry into force, so it cannot count.
        var day = new DateOnly(2025, 12, 26);
        var incident = new Incident("d1", IncidentTime.OnDay(day), new Location(49.9, 36.2, null, "Kharkiv"), Explosions, AirStrike,
            targetClasses: [TargetClass.EnergyInfrastructure]).Verified(Christmas.Start.AddDays(5));
        var entry = new DateTimeOffset(2025, 12, 26, 12, 0, 0, TimeSpan.Zero);
        var straddling = Evaluate(EnergyTruce(Christmas), [incident], [Enter("truce", entry)], Christmas.Start.AddDays(6));
        var covering = Evaluate(EnergyTruce(Christmas), [incident], [Enter("truce", T0)], Christmas.Start.AddDays(6));
        Assert.Empty(straddling.Breaches);
        Assert.Single(covering.Breaches);
    }

    [Fact]
    public void Evaluate_SuspendedAndResumed_OnlyInEffectPeriodsCount()
    {
        var clock = new FakeTimeProvider(Christmas.Start);
        var events = new List<CommitmentEvent> { Enter("truce", clock.GetUtcNow()) };
        clock.Advance(TimeSpan.FromDays(1));
        events.Add(Act("truce", LifecycleAction.Suspend, clock.GetUtcNow()));
        var during = Strike("during", clock.GetUtcNow().AddHours(3)).Verified(clock.GetUtcNow().AddHours(4));
        clock.Advance(TimeSpan.FromDays(1));
        var resumedAt = clock.GetUtcNow();
        events.Add(Act("truce", LifecycleAction.Resume, resumedAt));
        var suspendedStatus = Evaluate(EnergyTruce(Christmas), [during], events, resumedAt.AddTicks(-1));
        Assert.Equal(CommitmentState.Suspended, suspendedStatus.State);
        var after = Strike("after", resumedAt.AddHours(1)).Verified(resumedAt.AddHours(2));
        clock.Advance(TimeSpan.FromDays(1));
        var status = Evaluate(EnergyTruce(Christmas), [during, after], events, clock.GetUtcNow());
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Suspended, CommitmentState.InEffect, CommitmentState.Violated],
            status.States());
        Assert.Equal(["after"], status.Breaches.Select(b => b.IncidentId));
    }

    [Fact]
    public void Evaluate_WindowEndsWithoutBreach_FulfilledAtWindowEnd()
    {
        var status = Evaluate(EnergyTruce(Christmas), [], [Enter("truce", T0)], Christmas.End!.Value);
        Assert.Equal(CommitmentState.Fulfilled, status.State);
        Assert.Equal(Christmas.End.Value, status.Transitions[^1].At);
        var justBefore = Evaluate(EnergyTruce(Christmas), [], [Enter("truce", T0)], Christmas.End.Value.AddTicks(-1));
        Assert.Equal(CommitmentState.InEffect, justBefore.State);
    }

    [Fact]
    public void Evaluate_NeverInForceBeforeWindowEnd_Expired()
    {
        var status = Evaluate(EnergyTruce(Christmas), [], [Enter("truce", Christmas.End!.Value.AddDays(1))], Christmas.End.Value.AddDays(2));
        Assert.Equal(CommitmentState.Expired, status.State);
        Assert.Contains(status.Notes, n => n.Contains("window closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Terminated_LaterIncidentsNoEffectAndFinal()
    {
        var stop = Christmas.Start.AddDays(3);
        var events = new CommitmentEvent[] { Enter("truce", T0), Act("truce", LifecycleAction.Terminate, stop), Act("truce", LifecycleAction.Resume, stop.AddDays(1)) };
        var late = Strike("late", stop.AddHours(1)).Verified(stop.AddHours(2));
        var status = Evaluate(EnergyTruce(Christmas), [late], events, Christmas.End!.Value.AddDays(1));
        Assert.Equal(CommitmentState.Terminated, status.State);
        Assert.Empty(status.Breaches);
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Terminated], status.States());
        Assert.Contains(status.Notes, n => n.StartsWith("Resume", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_DischargedWhileSuspended_Discharged()
    {
        var events = new CommitmentEvent[] { Enter("truce", T0), Act("truce", LifecycleAction.Suspend, T0.AddDays(1)), Act("truce", LifecycleAction.Discharge, T0.AddDays(2)) };
        var status = Evaluate(EnergyTruce(Christmas), [], events, T0.AddDays(3));
        Assert.Equal([CommitmentState.InEffect, CommitmentState.Suspended, CommitmentState.Discharged], status.States());
    }

    [Fact]
    public void Evaluate_DischargeBeforeEntry_IgnoredWithNote()
    {
        var status = Evaluate(EnergyTruce(Christmas), [], [Act("truce", LifecycleAction.Discharge, T0)], T0.AddDays(1));
        Assert.Equal(CommitmentState.Created, status.State);
        Assert.Contains(status.Notes, n => n.Contains("not possible while Created", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SuspensionByPartyWithoutPower_Refused()
    {
        var powers = new Dictionary<LifecycleAction, IReadOnlyList<string>> { [LifecycleAction.Suspend] = ["us"] };
        var events = new CommitmentEvent[] { Enter("truce", T0), Act("truce", LifecycleAction.Suspend, T0.AddDays(1), actor: "ru") };
        var refused = Evaluate(EnergyTruce(Christmas, powers: powers), [], events, T0.AddDays(2));
        Assert.Equal(CommitmentState.InEffect, refused.State);
        Assert.Contains(refused.Notes, n => n.Contains("refused", StringComparison.Ordinal));
        var allowed = Evaluate(EnergyTruce(Christmas, powers: powers), [],
            [Enter("truce", T0), Act("truce", LifecycleAction.Suspend, T0.AddDays(1), actor: "us")], T0.AddDays(2));
        Assert.Equal(CommitmentState.Suspended, allowed.State);
    }

    [Fact]
    public void Evaluate_DuplicateReportsOfOneStrike_CountedOnce()
    {
        var hit = Christmas.Start.AddDays(2);
        var a = Strike("a", hit).Verified(hit.AddHours(1));
        var b = Strike("b", hit.AddMinutes(40), lat: 49.995).Verified(hit.AddHours(2));
        var elsewhere = Strike("c", hit.AddMinutes(40), lat: 50.2).Verified(hit.AddHours(2));
        var status = Evaluate(EnergyTruce(Christmas), [b, a, elsewhere], [Enter("truce", T0)], hit.AddDays(1));
        Assert.Equal(2, status.Breaches.Count);
        Assert.Equal(["a", "b"], status.Breaches[0].IncidentIds);
        Assert.Equal(["c"], status.Breaches[1].IncidentIds);
    }

    [Fact]
    public void Evaluate_TargetClassNotProtected_NoBreach()
    {
        var hit = Christmas.Start.AddDays(2);
        var military = Strike("m", hit, targets: [TargetClass.Military]).Verified(hit);
        var unknown = Strike("u", hit.AddHours(5), targets: []).Verified(hit.AddHours(5));
        var status = Evaluate(EnergyTruce(Christmas), [military, unknown], [Enter("truce", T0)], hit.AddDays(1));
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Evaluate_AdminArea_OnlyIncidentsInNamedRegions()
    {
        var hit = Christmas.Start.AddDays(2);
        var area = new Area([new AdminRegion("kharkiv")]);
        var inside = Strike("in", hit, admin1: "Kharkiv").Verified(hit);
        var outside = Strike("out", hit.AddHours(4), admin1: "Sumy", lat: 50.9, lon: 34.8).Verified(hit.AddHours(4));
        var status = Evaluate(EnergyTruce(Christmas, area), [inside, outside], [Enter("truce", T0)], hit.AddDays(1));
        Assert.Equal(["in"], status.Breaches.Select(b => b.IncidentId));
    }

    [Fact]
    public void Evaluate_PolygonArea_InsideAndOnEdgeCountOutsideDoesNot()
    {
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var square = factory.CreatePolygon([new(36, 49), new(37, 49), new(37, 50), new(36, 50), new(36, 49)]);
        var hit = Christmas.Start.AddDays(2);
        var incidents = new[]
        {
            Strike("inside", hit, admin1: "X", lat: 49.5, lon: 36.5).Verified(hit),
            Strike("edge", hit.AddHours(3), admin1: "X", lat: 50, lon: 36.5).Verified(hit.AddHours(3)),
            Strike("outside", hit.AddHours(6), admin1: "X", lat: 50.01, lon: 36.5).Verified(hit.AddHours(6)),
        };
        var status = Evaluate(EnergyTruce(Christmas, new Area(shape: square)), incidents, [Enter("truce", T0)], hit.AddDays(1));
        Assert.Equal(["inside", "edge"], status.Breaches.Select(b => b.IncidentId));
    }
}
