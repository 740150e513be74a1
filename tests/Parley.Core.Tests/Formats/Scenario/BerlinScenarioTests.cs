using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>The demo scenario tells the article's story through the status engine, from positions and agreements.</summary>
public class BerlinScenarioTests
{
    private static readonly DateTimeOffset EndOfBerlin = new(2025, 12, 15, 23, 59, 59, TimeSpan.Zero);

    private static string Text() => Repo.Read("scenarios/berlin-2025.yaml");

    private static Negotiation Berlin()
    {
        var result = ScenarioReader.Read(Text(), "berlin-2025.yaml");
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result.Negotiation!;
    }

    private static StatusReport StatusOn(string isoInstant) =>
        TalksStatus.Compute(Berlin(), DateTimeOffset.Parse(isoInstant, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Berlin_File_ReadsWithoutErrorsAndValidatesAgainstTheSchema()
    {
        Assert.True(ScenarioReader.Read(Text(), "berlin-2025.yaml").Ok);
        Assert.Empty(SchemaCheck.Problems(Text()));
    }

    [Fact]
    public void Berlin_Parties_HoldTheirRoles()
    {
        var n = Berlin();

        Assert.True(n.FindParty("ru")!.Has(PartyRole.Principal));
        Assert.True(n.FindParty("ua")!.Has(PartyRole.Principal));
        Assert.True(n.FindParty("us")!.Has(PartyRole.Mediator) && n.FindParty("us")!.Has(PartyRole.Guarantor));
        Assert.DoesNotContain("ru", n.Rounds.Single(r => r.Id == "berlin-2025-12").Attendees);
        Assert.Contains(n.Parties.SelectMany(p => p.Delegates), d => d.Name == "Dmitry Peskov");
        Assert.InRange(n.Issues.Count, 18, 24);
    }

    [Theory]
    [InlineData("2025-12-15T00:00:00Z")]
    [InlineData("2025-12-15T23:59:59Z")]
    public void Berlin_StatusOnFifteenthDecember_AboutNinetyPercentAgreed(string asOf)
    {
        var status = StatusOn(asOf);

        Assert.InRange(status.AgreedShare, 0.85, 0.95);
        Assert.Equal(20, status.Issues.Count(i => i.Status == IssueStatus.Agreed));
        Assert.Equal(22, status.Issues.Count);
        Assert.Equal(["territory", "nuclear-plant"], status.StickingPoints.Select(i => i.Issue));
    }

    [Theory]
    [InlineData("2025-12-15T00:00:00Z")]
    [InlineData("2025-12-15T23:59:59Z")]
    public void Berlin_TerritoryOnFifteenthDecember_BlockedByUkraineAndRussiaRedLines(string asOf)
    {
        var territory = StatusOn(asOf).Issues.Single(i => i.Issue == "territory");

        Assert.Equal(IssueStatus.Blocked, territory.Status);
        Assert.Equal(["ru", "ua"], territory.Blockers.Select(b => b.Party).Order());
        Assert.All(territory.Blockers, b => Assert.NotEmpty(b.RedLines));
        Assert.Contains("cede-donetsk", territory.Blockers.Single(b => b.Party == "ua").RedLines);
        Assert.Contains("freeze-line", territory.Blockers.Single(b => b.Party == "ru").RedLines);
        Assert.All(territory.Collisions, c => Assert.Subset(new HashSet<string> { "ua", "ru" }, c.RejectedBy.ToHashSet()));
        Assert.Equal(4, territory.Collisions.Count);
    }

    [Fact]
    public void Berlin_NuclearPlantOnFifteenthDecember_UnresolvedBetweenTheUsAndUkrainianAlternatives()
    {
        var n = Berlin();
        var plant = TalksStatus.Compute(n, EndOfBerlin).Issues.Single(i => i.Issue == "nuclear-plant");

        Assert.Contains(plant.Status, new[] { IssueStatus.Open, IssueStatus.Converging });
        Assert.Null(plant.AgreedOption);
        var options = n.FindIssue("nuclear-plant")!.Options.Select(o => o.Id).ToArray();
        Assert.Contains("us-led-trilateral", options);
        Assert.Contains("ua-us-venture", options);
    }

    [Fact]
    public void Berlin_StatusOverTime_AgreementGrowsTowardsBerlin()
    {
        var beforeGeneva = StatusOn("2025-11-22T00:00:00Z");
        var afterMoscow = StatusOn("2025-12-03T00:00:00Z");
        var berlin = TalksStatus.Compute(Berlin(), EndOfBerlin);

        Assert.Equal(0, beforeGeneva.AgreedShare);
        Assert.InRange(afterMoscow.AgreedShare, 0.2, 0.6);
        Assert.True(afterMoscow.AgreedShare < berlin.AgreedShare);
        Assert.Equal(IssueStatus.Blocked, beforeGeneva.Issues.Single(i => i.Issue == "nato").Status);
    }

    [Fact]
    public void Berlin_UkraineNatoStance_ChangesBeforeBerlin()
    {
        var n = Berlin();
        var ukraine = n.Positions.Where(p => p.Party == "ua" && p.Issue == "nato").OrderBy(p => p.ValidFrom).ToArray();

        Assert.Equal(Stance.Unacceptable, ukraine[0].On("forgo-membership"));
        Assert.Equal(Stance.Acceptable, ukraine[^1].On("forgo-membership"));
        Assert.Equal(IssueStatus.Blocked, StatusOn("2025-12-13T00:00:00Z").Issues.Single(i => i.Issue == "nato").Status);
        Assert.Equal(IssueStatus.Converging, StatusOn("2025-12-14T12:00:00Z").Issues.Single(i => i.Issue == "nato").Status);
        Assert.Equal(IssueStatus.Agreed, TalksStatus.Compute(n, EndOfBerlin).Issues.Single(i => i.Issue == "nato").Status);
    }

    [Fact]
    public void Berlin_Offers_RunOutOnTheirDeadlines()
    {
        var onFifteenth = TalksStatus.Compute(Berlin(), EndOfBerlin);
        var afterChristmas = StatusOn("2025-12-26T00:00:00Z");

        var offer = onFifteenth.Proposals.Single(p => p.Proposal == "us-guarantee-offer");
        Assert.Equal(ProposalState.Open, offer.State);
        Assert.NotNull(offer.Expires);
        Assert.Equal(ProposalState.Open, onFifteenth.Proposals.Single(p => p.Proposal == "christmas-truce").State);
        Assert.Equal(ProposalState.Expired, afterChristmas.Proposals.Single(p => p.Proposal == "christmas-truce").State);
        Assert.Empty(onFifteenth.FiredContingencies);
    }

    [Fact]
    public void Berlin_RussianRejection_FiresUkraineContingency()
    {
        var n = Berlin();
        n.Respond("berlin-framework", new Response("ru", ResponseKind.Reject, new DateTimeOffset(2025, 12, 20, 0, 0, 0, TimeSpan.Zero)));

        var fired = Assert.Single(TalksStatus.Compute(n, new DateTimeOffset(2025, 12, 21, 0, 0, 0, TimeSpan.Zero)).FiredContingencies);

        Assert.Equal("ua", fired.Owner);
        Assert.All(fired.Actions, a => Assert.Equal("us", a.Party));
        Assert.Contains(fired.Actions, a => a.Text.Contains("sanctions", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(fired.Actions, a => a.Text.Contains("long-range", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Berlin_TalksItems_FromTheReportArePresent()
    {
        var n = Berlin();

        var round = n.Rounds.Single(r => r.Id == "berlin-2025-12");
        Assert.Equal((new DateTime(2025, 12, 14), new DateTime(2025, 12, 15)), (round.Start.UtcDateTime, round.End.UtcDateTime));
        Assert.All(n.WorkingGroups, g => Assert.Contains("Miami", g.Venue));
        Assert.NotEmpty(n.WorkingGroups);
        var joint = n.Statements.Single(s => s.Id == "joint-2025-12-15");
        Assert.True(joint.IsJoint);
        Assert.Subset(joint.Signatories.ToHashSet(), new HashSet<string> { "de", "fr", "uk" });
        Assert.All(n.Positions, p => Assert.True(p.Statement is not null || p.Note.Length > 0, $"position {p.Id} cites nothing"));
    }

    [Fact]
    public void Berlin_RoundTrip_KeepsEveryField()
    {
        var original = Berlin();
        var written = ScenarioWriter.Write(original);
        var again = ScenarioReader.Read(written, "export.yaml");

        Assert.True(again.Ok, string.Join("\n", again.Errors));
        Deep.Equal(original, again.Negotiation);
        Assert.Equal(written, ScenarioWriter.Write(again.Negotiation!));
        Assert.Empty(SchemaCheck.Problems(written));
    }
}
