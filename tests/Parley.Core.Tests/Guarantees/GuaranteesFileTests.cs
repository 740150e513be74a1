using Parley.Core.Guarantees;
using Parley.Core.Formats.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class GuaranteesFileTests
{
    private static (GuaranteesFile? File, IReadOnlyList<Parley.Core.Formats.SourceProblem> Errors) Read(string yaml) => GuaranteesFile.Read(new StringReader(yaml));

    [Fact]
    public void Read_ProhibitionWithGeoJsonAndPowers_Built()
    {
        var (file, errors) = Read("""
            commitments:
              - id: zone
                kind: prohibition
                title: Demilitarised zone
                bound: [ru, ua]
                area:
                  admin1: [Donetsk]
                  geojson: '{"type":"Polygon","coordinates":[[[36,49],[37,49],[37,50],[36,50],[36,49]]]}'
                rules:
                  - { id: any-fire, event_types: [Explosions/Remote violence, Battles] }
                powers: { suspend: [us], resume: [us] }
            duplicates: { radius_km: 2.5, max_gap: 30m }
            """);
        Assert.Empty(errors);
        var p = Assert.IsType<Prohibition>(file!.Commitments.Single());
        Assert.True(p.Area.Contains(new Location(49.5, 36.5)));
        Assert.True(p.Area.Contains(new Location(10, 10, admin1: "donetsk")));
        Assert.False(p.Area.Contains(new Location(48.0, 38.0, admin1: "Luhansk")));
        Assert.False(p.MayTake(LifecycleAction.Suspend, "ru"));
        Assert.Equal((2.5, TimeSpan.FromMinutes(30)), (file.Duplicates.RadiusKm, file.Duplicates.MaxGap));
    }

    [Fact]
    public void Read_ObligationWithSignalAndEvents_EvaluatesLikeBuiltInCode()
    {
        var (file, errors) = Read("""
            commitments:
              - id: sanctions
                kind: obligation
                debtors: [eu]
                creditor: ua
                action: request sanctions
                deadline: 1d12h
                trigger: { signal: proposal-rejected }
            events:
              - { commitment: sanctions, action: enter_into_force, at: 2025-12-20T00:00:00Z }
              - { signal: proposal-rejected, at: 2025-12-21T00:00:00Z, cause: Moscow rejects }
              - { commitment: sanctions, performed: request sanctions, party: eu, at: 2025-12-22T12:00:00Z }
            """);
        Assert.Empty(errors);
        var status = GuaranteeEvaluator.Evaluate(file!.Commitments, IncidentIndex.Build([]), file.Events, T0.AddDays(5)).Commitments.Single();
        var duty = Assert.Single(status.Duties);
        Assert.Equal((CommitmentState.Fulfilled, T0.AddDays(2).AddHours(12)), (duty.State, duty.Deadline!.Value));
    }

    [Theory]
    [InlineData("commitments:\n  - id: x\n   kind: : prohibition\n", 3)]
    [InlineData("commitments:\n  - id: x\n    kind: treaty\n", 3)]
    [InlineData("commitments:\n  - id: x\n    kind: prohibition\n    bound: [ru]\n", 2)]
    [InlineData("commitments:\n  - id: x\n    kind: prohibition\n    bound: [ru]\n    rules: [{ id: r }]\n    window: { start: someday }\n", 6)]
    [InlineData("commitments:\n  - { id: x, kind: prohibition, bound: [ru], rules: [{ id: r }] }\nevents:\n  - { commitment: y, action: enter_into_force, at: 2025-12-20T00:00:00Z }\n", 4)]
    [InlineData("commitments:\n  - { id: x, kind: prohibition, bound: [ru], rules: [{ id: r }] }\nevents:\n  - { commitment: x, action: explode, at: 2025-12-20T00:00:00Z }\n", 4)]
    public void Read_BadInput_ErrorOnItsLine(string yaml, int line)
    {
        var (file, errors) = Read(yaml);
        Assert.Null(file);
        Assert.Contains(errors, e => e.Line == line);
    }

    [Fact]
    public void Apply_SourceTrustAndExplicitReview_VerifiesAttributesAndRejects()
    {
        var (file, _) = Read("""
            commitments:
              - { id: x, kind: prohibition, bound: [ru], rules: [{ id: r }] }
            reviews:
              - { incident: b, state: under_review, at: 2025-12-20T05:00:00Z, reviewer: SMM }
              - { incident: b, state: rejected, at: 2025-12-20T06:00:00Z, reviewer: SMM, evidence: no damage }
              - { incident: ghost, state: under_review, at: 2025-12-20T06:00:00Z, reviewer: SMM }
            source_trust:
              reviewer: ACLED
              attribution: [{ actor_prefix: military forces of russia, party: ru }]
            """);
        var a = Strike("a", T0);
        var b = Strike("b", T0);
        var c = new Incident("c", IncidentTime.At(T0), new Location(50, 30), "Battles", actors: ["Unidentified Armed Group"]);

        var (incidents, problems) = file!.Apply([a, b, c]);

        Assert.Equal("ru", incidents[0].VerifiedAsOf(T0)!.ResponsibleParty);
        Assert.Equal(VerificationState.Rejected, incidents[1].State);
        Assert.Null(incidents[2].VerifiedAsOf(T0)!.ResponsibleParty);
        Assert.Contains(problems, p => p.Contains("ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OldCamelCaseSpelling_ReadWithADeprecationWarningAtItsPlace()
    {
        var (file, errors) = GuaranteesFile.Read(new StringReader("""
            commitments:
              - id: respond
                kind: obligation
                debtors: [us]
                creditor: ua
                action: respond
                deadline: 72h
                trigger:
                  incident: { eventTypes: [Explosions/Remote violence], attributedTo: [ru] }
            events:
              - { commitment: respond, action: enterIntoForce, at: 2025-12-22T00:00:00Z }
            """), "old.yaml");

        Assert.Empty(errors);
        var trigger = Assert.IsType<IncidentTrigger>(Assert.IsType<Obligation>(file!.Commitments.Single()).Trigger);
        Assert.Equal(["Explosions/Remote violence"], trigger.Conduct.EventTypes);
        Assert.Equal(["ru"], trigger.AttributedTo);
        Assert.Equal(LifecycleAction.EnterIntoForce, Assert.IsType<LifecycleEvent>(file.Events.Single()).Action);
        Assert.Equal(
            [
                "old.yaml:9:19: warning: commitments[0].trigger.incident.eventTypes: 'eventTypes' is deprecated; write 'event_types'",
                "old.yaml:9:61: warning: commitments[0].trigger.incident.attributedTo: 'attributedTo' is deprecated; write 'attributed_to'",
                "old.yaml:11:36: warning: events[0].action: 'enterIntoForce' is deprecated; write 'enter_into_force'",
            ],
            file.Warnings.Select(w => (w with { Excerpt = "" }).Describe(warning: true)));
        Assert.Equal([true, true, true], file.Warnings.Zip(["eventTypes", "attributedTo", "enterIntoForce"], (w, key) => w.Excerpt.Contains(key, StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_NewSpelling_NoWarning()
    {
        var (file, errors) = Read("commitments:\n  - { id: x, kind: prohibition, bound: [ru], rules: [{ id: r, event_types: [Battles] }] }\n");

        Assert.Empty(errors);
        Assert.Empty(file!.Warnings);
    }
}
