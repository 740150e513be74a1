using System.Globalization;
using Parley.Core.Formats.Scenario;
using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>The Berlin demo's commitments, evaluated from the file at chosen instants (the instants are illustrative).</summary>
public class BerlinGuaranteesTests
{
    private static ScenarioReadResult Read()
    {
        var result = ScenarioReader.Read(Repo.Read("scenarios/berlin-2025.yaml"), "berlin-2025.yaml");
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result;
    }

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static CommitmentStatus At(string iso, string commitment, Negotiation? negotiation = null)
    {
        var read = Read();
        var (evaluation, _) = read.Guarantees.Evaluate(negotiation ?? read.Negotiation!, T(iso));
        return evaluation.Commitments.Single(c => c.Commitment.Id == commitment);
    }

    [Fact]
    public void Berlin_Guarantees_HaveTheMonitorAndTheCoalition()
    {
        var read = Read();
        Assert.Contains(PartyRole.Monitor, read.Negotiation!.Parties.Single(p => p.Id == "mission").Roles);
        Assert.Contains(PartyRole.Guarantor, read.Negotiation.Parties.Single(p => p.Id == "coalition").Roles);
        Assert.Equal(5, read.Guarantees.Commitments.Count);
        Assert.All(read.Guarantees.Incidents, i => Assert.StartsWith("ill-", i.Id));
    }

    [Theory]
    [InlineData("2025-12-20T00:00:00Z", CommitmentState.Created)]
    [InlineData("2025-12-26T00:00:00Z", CommitmentState.InEffect)]
    [InlineData("2025-12-29T12:00:00Z", CommitmentState.InEffect)]   // breach reported and under review, not yet verified
    [InlineData("2025-12-30T00:00:00Z", CommitmentState.Violated)]
    [InlineData("2026-01-10T00:00:00Z", CommitmentState.Violated)]
    public void ChristmasTruce_States(string asOf, CommitmentState expected) =>
        Assert.Equal(expected, At(asOf, "christmas-truce").State);

    [Fact]
    public void ChristmasTruce_OneBreach_DuplicateCountedOnce_RejectedReportIgnored()
    {
        var truce = At("2026-01-10T00:00:00Z", "christmas-truce");
        var breach = Assert.Single(truce.Breaches);
        Assert.Equal("ill-2025-12-28-odesa-substation", breach.IncidentId);
        Assert.Equal(["ill-2025-12-28-odesa-substation", "ill-2025-12-28-odesa-substation-b"], breach.IncidentIds);
        Assert.Equal("ru", breach.ResponsibleParty);
        Assert.Equal(T("2025-12-28T02:40:00Z"), truce.Transitions[^1].At);   // dated by the incident, not the verification
        Assert.DoesNotContain(truce.Breaches, b => b.ResponsibleParty == "ua");
    }

    [Theory]
    [InlineData("2026-01-19T00:00:00Z", CommitmentState.Created)]
    [InlineData("2026-01-21T00:00:00Z", CommitmentState.InEffect)]
    [InlineData("2026-01-23T12:00:00Z", CommitmentState.Suspended)]
    [InlineData("2026-01-25T00:00:00Z", CommitmentState.InEffect)]
    [InlineData("2026-01-28T00:00:00Z", CommitmentState.Fulfilled)]   // the shelling came during the suspension
    public void RepairWindow_States(string asOf, CommitmentState expected)
    {
        var status = At(asOf, "zaporizhzhia-repair-window");
        Assert.Equal(expected, status.State);
        Assert.Empty(status.Breaches);
    }

    [Fact]
    public void Guarantees_BeforeTheAttack_InEffectWithoutDuties()
    {
        // The truce breach (Dec) and the shelling (Jan) precede entry into force; the Sumy report is rejected.
        Assert.Equal(CommitmentState.Created, At("2026-01-15T00:00:00Z", "guarantee-respond").State);
        var respond = At("2026-02-10T10:00:00Z", "guarantee-respond");
        Assert.Equal(CommitmentState.InEffect, respond.State);
        Assert.Empty(respond.Duties);
    }

    [Fact]
    public void Guarantees_AfterVerification_OneDutyPerGuarantor_WithDeadlines()
    {
        var consult = At("2026-02-11T00:00:00Z", "guarantee-consult");
        Assert.Equal(2, consult.Duties.Count);   // the duplicate report adds no duty
        var us = consult.Duties.Single(d => d.Debtor == "us");
        var coalition = consult.Duties.Single(d => d.Debtor == "coalition");
        Assert.Equal(CommitmentState.Fulfilled, us.State);
        Assert.Equal(CommitmentState.InEffect, coalition.State);
        Assert.Equal(T("2026-02-11T12:00:00Z"), coalition.Deadline);
        Assert.Equal(TimeSpan.FromHours(12), coalition.TimeLeft);
        Assert.Equal(["ill-2026-02-10-kharkiv-assault", "ill-2026-02-10-kharkiv-assault-b"], coalition.IncidentIds);
    }

    [Fact]
    public void Guarantees_AfterTheDeadlines_UsInTime_CoalitionLate()
    {
        var consult = At("2026-02-14T00:00:00Z", "guarantee-consult");
        Assert.Equal(CommitmentState.InEffect, consult.State);
        Assert.All(consult.Duties, d => Assert.Equal(CommitmentState.Fulfilled, d.State));

        var respond = At("2026-02-14T00:00:00Z", "guarantee-respond");
        Assert.Equal(CommitmentState.Violated, respond.State);
        Assert.Equal(CommitmentState.Fulfilled, respond.Duties.Single(d => d.Debtor == "us").State);
        var late = respond.Duties.Single(d => d.Debtor == "coalition");
        Assert.Equal(CommitmentState.Violated, late.State);
        Assert.Equal(T("2026-02-13T12:00:00Z"), late.Deadline);
        Assert.Equal(T("2026-02-13T12:00:00Z"), respond.Transitions[^1].At);
    }

    [Fact]
    public void SanctionsObligation_NoRejection_ExpiresAtWindowEnd()
    {
        Assert.Equal(CommitmentState.InEffect, At("2026-01-01T00:00:00Z", "us-sanctions-if-rejected").State);
        Assert.Equal(CommitmentState.Expired, At("2026-03-16T00:00:00Z", "us-sanctions-if-rejected").State);
    }

    [Fact]
    public void SanctionsObligation_MoscowRejects_TalksRejectionTriggersTheDuty()
    {
        var n = Read().Negotiation!;
        n.Respond("berlin-framework", new Response("ru", ResponseKind.Reject, T("2025-12-20T00:00:00Z")));

        var status = At("2025-12-21T00:00:00Z", "us-sanctions-if-rejected", n);

        var duty = Assert.Single(status.Duties);
        Assert.Equal("us", duty.Debtor);
        Assert.Equal(T("2025-12-20T00:00:00Z"), duty.TriggeredAt);
        Assert.Equal(T("2026-01-19T00:00:00Z"), duty.Deadline);
        Assert.Equal(CommitmentState.InEffect, duty.State);
    }

    [Fact]
    public void Berlin_TalksStatus_Unchanged_20Of22Agreed()
    {
        var status = TalksStatus.Compute(Read().Negotiation!, new DateTimeOffset(2025, 12, 15, 23, 59, 59, TimeSpan.Zero));
        Assert.Equal(20, status.Issues.Count(i => i.Status == IssueStatus.Agreed));
        Assert.Equal(22, status.Issues.Count);
        Assert.Equal(IssueStatus.Blocked, status.Issues.Single(i => i.Issue == "territory").Status);
    }
}
