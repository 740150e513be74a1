using System.Globalization;
using Parley.Core.Formats.Scenario;
using Parley.Core.Guarantees;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>The commitments and incidents sections: round trip, errors with line and field, schema.</summary>
public class ScenarioGuaranteesTests
{
    private const string Head = """
        negotiation: {id: t, title: T}
        parties:
          - {id: ua, name: Ukraine, roles: [principal]}
          - {id: ru, name: Russia, roles: [principal]}
          - {id: us, name: United States, roles: [guarantor]}

        """;

    private static ScenarioReadResult Read(string body) => ScenarioReader.Read(Head + body, "t.yaml");

    [Fact]
    public void RoundTrip_Berlin_WritesAndReadsBackTheSameEvaluation()
    {
        var first = ScenarioReader.Read(Repo.Read("scenarios/berlin-2025.yaml"), "berlin-2025.yaml");
        var text = ScenarioWriter.Write(first.Negotiation!, guarantees: first.Guarantees);
        var second = ScenarioReader.Read(text, "written.yaml");

        Assert.True(second.Ok, string.Join("\n", second.Errors));
        Assert.Equal(text, ScenarioWriter.Write(second.Negotiation!, guarantees: second.Guarantees));
        Assert.Empty(SchemaCheck.Problems(text));
        foreach (var at in new[] { "2025-12-30T00:00:00Z", "2026-01-23T12:00:00Z", "2026-02-11T00:00:00Z", "2026-03-16T00:00:00Z" })
        {
            var when = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
            var a = first.Guarantees.Evaluate(first.Negotiation!, when).Evaluation.Commitments;
            var b = second.Guarantees.Evaluate(second.Negotiation!, when).Evaluation.Commitments;
            Assert.Equal(a.Select(c => (c.Commitment.Id, c.State, c.Breaches.Count, c.Duties.Count)), b.Select(c => (c.Commitment.Id, c.State, c.Breaches.Count, c.Duties.Count)));
        }
        Assert.Equal(first.Guarantees.Incidents, second.Guarantees.Incidents, (x, y) => x.Id == y.Id && x.Time == y.Time && x.Location == y.Location
            && x.Verification.SequenceEqual(y.Verification) && x.TargetClasses.SequenceEqual(y.TargetClasses));
    }

    [Fact]
    public void Read_UnknownParty_ReportsLineAndField()
    {
        var result = Read("""
            commitments:
              - id: truce
                kind: prohibition
                bound: [ru, xx]
                rules: [{id: any}]
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal(9, error.Line);
        Assert.Equal("commitments[0].bound", error.Field);
        Assert.Contains("unknown party 'xx'", error.Message);
    }

    [Theory]
    [InlineData("    deadline: soon\n", "commitments[0].deadline", "not a positive duration")]
    [InlineData("    deadline: 72h\n    bound: [ru]\n", "commitments[0].bound", "belongs to a prohibition")]
    [InlineData("    deadline: 72h\n    trigger: {signal: a, incident: {attributed_to: [ru]}}\n", "commitments[0].trigger", "exactly one")]
    public void Read_BadObligation_ReportsTheField(string extra, string field, string message)
    {
        var result = Read("commitments:\n  - id: g\n    kind: obligation\n    debtors: [us]\n    creditor: ua\n    action: respond\n"
            + (extra.Contains("trigger") ? "" : "    trigger: {signal: s}\n") + extra);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Null(result.Negotiation);
    }

    [Fact]
    public void Read_IncidentReviewOutOfOrder_ReportsReviews()
    {
        var result = Read("""
            incidents:
              - id: i1
                at: 2026-01-01T10:00Z
                location: {admin1: Kharkiv}
                event_type: Battles
                reviews:
                  - {state: verified, at: 2026-01-01T12:00Z, reviewer: m, responsible: ru}
            """);
        var error = Assert.Single(result.Errors);
        Assert.Equal("incidents[0].reviews", error.Field);
        Assert.Contains("Reported to Verified", error.Message);
    }

    [Fact]
    public void Read_ProposalTrigger_BecomesTheTalksSignal()
    {
        var result = Read("""
            commitments:
              - id: g
                kind: obligation
                debtors: [us]
                creditor: ua
                action: sanction
                deadline: 30d
                trigger: {proposal: {event: rejected, proposal: p1, by: ru}}
            """);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var trigger = Assert.IsType<SignalTrigger>(((Obligation)result.Guarantees.Commitments[0]).Trigger);
        Assert.Equal(TalksSignals.Rejected("p1", "ru"), trigger.Signal);
    }

    [Fact]
    public void RoundTrip_CommitmentFromAProvision_KeepsItsDraftVersionNumberAndText_AndTheSchemaAccepts()
    {
        var first = Read("""
            commitments:
              - id: truce
                kind: prohibition
                bound: [ru, ua]
                rules: [{id: any, event_types: [Battles]}]
                provision: {draft: framework, version: 15-Dec, number: 3, text: "The parties cease all fire: on land, at sea and in the air."}
            """);
        Assert.True(first.Ok, string.Join("\n", first.Errors));
        var source = first.Guarantees.Commitments[0].Source!;
        Assert.Equal(("framework", "15-Dec", 2, "The parties cease all fire: on land, at sea and in the air."), (source.Draft, source.Version, source.Provision, source.Text));

        var written = ScenarioWriter.Write(first.Negotiation!, guarantees: first.Guarantees);
        Assert.Empty(SchemaCheck.Problems(written));
        var second = ScenarioReader.Read(written, "t.yaml");
        Assert.Equal(source, second.Guarantees.Commitments[0].Source);
    }

    [Fact]
    public void Read_ProvisionNumberZero_ReportsTheField()
    {
        var result = Read("commitments:\n  - {id: t, kind: prohibition, bound: [ru], rules: [{id: any}], provision: {draft: d, version: v, number: 0, text: x}}\n");
        Assert.Contains(result.Errors, e => e.Field == "commitments[0].provision.number" && e.Message.Contains("whole number from 1", StringComparison.Ordinal));
    }
}
