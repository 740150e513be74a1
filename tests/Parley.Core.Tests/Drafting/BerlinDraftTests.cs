using Parley.Core.Drafting;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using Parley.Core.Tests.Formats.Scenario;

namespace Parley.Core.Tests.Drafting;

/// <summary>The demo draft (draft <c>berlin-framework</c> in scenarios/berlin-2025.yaml) against the demo scenario it belongs to.</summary>
public class BerlinDraftTests
{
    private static readonly DateTimeOffset EndOf15December = new(2025, 12, 15, 23, 59, 59, TimeSpan.Zero);

    private static DraftDocument Draft() => BerlinRead().Drafts.Single(d => d.Key == "berlin-framework").History.Versions.Single().Document;

    private static ScenarioReadResult BerlinRead()
    {
        var read = ScenarioReader.Read(Repo.Read("scenarios/berlin-2025.yaml"), "berlin-2025.yaml");
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        return read;
    }

    [Fact]
    public void BerlinDraft_InTheScenarioFile_IsTheFrameworkTheDemoAlwaysHad_Version15DecByTheUs()
    {
        var draft = Assert.Single(BerlinRead().Drafts);
        var version = Assert.Single(draft.History.Versions);

        Assert.Equal(("berlin-framework", "15 Dec", new DateOnly(2025, 12, 15), "us", DraftFormat.Markdown),
            (draft.Key, version.Label, version.Date, version.Author, version.Document.Format));
        // The text scenarios/drafts/berlin-framework-2025.md held before it moved into the scenario file, byte for byte.
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version.Document.Text)));
        Assert.Equal("8297ec68abcd83cedf7ab47241c2bccc0f49084d94401d6da11daf15d0f0e46c", sha);
    }

    private static Negotiation Berlin() => BerlinRead().Negotiation!;

    private static Dictionary<string, string> AgreedOn15December() =>
        TalksStatus.Compute(Berlin(), EndOf15December).Issues
            .Where(i => i.Status == IssueStatus.Agreed)
            .ToDictionary(i => i.Issue, i => i.AgreedOption!);

    [Fact]
    public void BerlinDraft_Parse_HasNoProblemsOrWarnings()
    {
        var draft = Draft();

        Assert.Empty(draft.Problems);
        Assert.Empty(draft.Warnings);
        Assert.True(draft.Metrics.Words > 500);
    }

    [Fact]
    public void BerlinDraft_Tags_CoverEveryIssueOfTheScenarioAndNothingElse()
    {
        var issues = Berlin().Issues.Select(i => i.Id).Order(StringComparer.Ordinal);

        Assert.Equal(issues, Draft().Issues.Select(i => i.Issue).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BerlinDraft_Brackets_SitOnlyInTheTerritoryAndNuclearPlantProvisions_AsAttributedLinkedAlternatives()
    {
        var draft = Draft();
        var berlin = Berlin();
        var parties = berlin.Parties.Select(p => p.Id.ToUpperInvariant()).ToHashSet();

        Assert.Equal(["nuclear-plant", "territory"], draft.Brackets.Select(b => draft.Provisions[b.Provision].Issue!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, draft.AlternativeGroups.Count);
        Assert.All(draft.Brackets, b =>
        {
            Assert.NotEqual(-1, b.Group);
            Assert.NotEmpty(b.Parties);
            Assert.All(b.Parties, p => Assert.Contains(p, parties));
            var issue = berlin.Issues.Single(i => i.Id == draft.Provisions[b.Provision].Issue);
            Assert.Contains(b.OptionId, issue.Options.Select(o => o.Id));
        });
        Assert.Contains(draft.Brackets, b => b.OptionId == "freeze-line" && b.Parties.SequenceEqual(["UA"]));
        Assert.Contains(draft.Brackets, b => b.OptionId == "ua-us-venture" && b.Parties.SequenceEqual(["UA"]));
        Assert.Contains(draft.Brackets, b => b.OptionId == "us-led-trilateral" && b.Parties.SequenceEqual(["US"]));
    }

    [Fact]
    public void BerlinDraft_RenderWithStatusOn15December_EveryAgreedProvisionIsResolvedAndTheOpenPointsStay()
    {
        var draft = Draft();
        var agreed = AgreedOn15December();

        var rendering = DraftRenderer.Render(draft, agreed, RenderMode.ResolveAgreed);
        var rendered = DraftParser.Parse(rendering.Text);

        Assert.Equal(20, agreed.Count);
        Assert.DoesNotContain("territory", agreed.Keys);
        Assert.DoesNotContain("nuclear-plant", agreed.Keys);
        Assert.Empty(rendering.UnknownIssues);
        Assert.Empty(rendering.UnmatchedOptions);
        Assert.All(rendered.Issues.Where(i => agreed.ContainsKey(i.Issue)), i => Assert.Equal(1.0, i.Metrics.AgreedShare));
        Assert.Equal(7, rendered.Metrics.Opens);
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public void BerlinDraft_RenderOnceTheOpenPointsAreAgreed_ResolvesEveryBracketToTheAgreedAlternative()
    {
        var agreed = AgreedOn15December();
        agreed["territory"] = "freeze-line";
        agreed["nuclear-plant"] = "ua-us-venture";

        var rendering = DraftRenderer.Render(Draft(), agreed, RenderMode.AgreedOnly);
        var clean = DraftParser.Parse(rendering.Text);

        Assert.Equal(2, rendering.Resolved);
        Assert.Equal(5, rendering.Dropped);
        Assert.Empty(rendering.UnmatchedOptions);
        Assert.Equal(0, clean.Metrics.Opens);
        Assert.Equal(1.0, clean.Metrics.AgreedShare);
        Assert.Contains("the line of contact on the day of signature becomes the de facto line", rendering.Text);
        Assert.Contains("a joint venture owned in equal shares by Ukraine and the United States", rendering.Text);
        Assert.DoesNotContain("referendum in Ukraine", rendering.Text);
        Assert.DoesNotContain("Working draft of the mediator", rendering.Text);
    }
}
