using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

public sealed class DraftRendererTests
{
    private const string Draft = """
        ## Territory <!-- issue: territory -->

        The line of contact [#freeze UA: is frozen where it stands][#withdraw RU: moves to the oblast borders] on signature.

        ## Nuclear plant

        <!-- issue: nuclear-plant -->
        The plant [#us-run US: is run by the United States][#ua-run UA: returns to Ukraine]. {check wording}

        Other [disputed] text.
        """;

    private static readonly Dictionary<string, string> Agreed = new() { ["territory"] = "freeze" };

    [Fact]
    public void Render_AgreedIssue_KeepsChosenAlternativeAndDropsTheOther()
    {
        var r = DraftRenderer.Render(DraftParser.Parse(Draft), Agreed, RenderMode.ResolveAgreed);
        Assert.Contains("The line of contact is frozen where it stands on signature.", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("oblast", r.Text, StringComparison.Ordinal);
        Assert.Equal((1, 1), (r.Resolved, r.Dropped));
    }

    [Fact]
    public void Render_ResolveAgreed_LeavesOtherIssuesAndNotesAlone()
    {
        var r = DraftRenderer.Render(DraftParser.Parse(Draft), Agreed, RenderMode.ResolveAgreed);
        Assert.Contains("[#us-run US: is run by the United States][#ua-run UA: returns to Ukraine]", r.Text, StringComparison.Ordinal);
        Assert.Contains("{check wording}", r.Text, StringComparison.Ordinal);
        Assert.Contains("[disputed]", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ResolvedText_ReparsesWithFewerBracketsAndMoreAgreedWords()
    {
        var before = DraftParser.Parse(Draft);
        var after = DraftParser.Parse(DraftRenderer.Render(before, Agreed, RenderMode.ResolveAgreed).Text);
        Assert.Equal(before.Metrics.Opens - 2, after.Metrics.Opens);
        Assert.Equal(before.Metrics.AgreedWords + 5, after.Metrics.AgreedWords);
    }

    [Fact]
    public void Render_AgreedOnly_HasNoBracketsNotesOrTags()
    {
        var r = DraftRenderer.Render(DraftParser.Parse(Draft), Agreed, RenderMode.AgreedOnly);
        var clean = DraftParser.Parse(r.Text);
        Assert.Equal(0, clean.Metrics.Opens);
        Assert.Empty(clean.Notes);
        Assert.DoesNotContain("<!--", r.Text, StringComparison.Ordinal);
        Assert.Contains("Other text.", r.Text, StringComparison.Ordinal);
        Assert.Equal(1.0, clean.Metrics.AgreedShare);
    }

    [Fact]
    public void Render_BothIssuesAgreed_GivesCleanPlantSentence()
    {
        var agreed = new Dictionary<string, string> { ["territory"] = "withdraw", ["nuclear-plant"] = "ua-run" };
        var r = DraftRenderer.Render(DraftParser.Parse(Draft), agreed, RenderMode.AgreedOnly);
        Assert.Contains("The plant returns to Ukraine.", r.Text, StringComparison.Ordinal);
        Assert.Contains("The line of contact moves to the oblast borders on signature.", r.Text, StringComparison.Ordinal);
        Assert.Empty(r.UnknownIssues);
        Assert.Empty(r.UnmatchedOptions);
    }

    [Fact]
    public void Render_UnknownIssueOrOption_IsReportedNotApplied()
    {
        var agreed = new Dictionary<string, string> { ["sanctions"] = "lift", ["territory"] = "partition" };
        var r = DraftRenderer.Render(DraftParser.Parse(Draft), agreed, RenderMode.ResolveAgreed);
        Assert.Equal(["sanctions"], r.UnknownIssues);
        Assert.Equal(["territory=partition"], r.UnmatchedOptions);
        Assert.Contains("[#freeze UA:", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AlternativeWithoutOptionId_IsNotResolved()
    {
        const string text = "## T <!-- issue: t -->\n\nA [#x: one][two].";
        var r = DraftRenderer.Render(DraftParser.Parse(text), new Dictionary<string, string> { ["t"] = "x" }, RenderMode.ResolveAgreed);
        Assert.EndsWith("A one[two].", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NestedBracketInsideKeptAlternative_StaysBracketed()
    {
        const string text = "## T <!-- issue: t -->\n\nA [#x: one [maybe] two][#y: three].";
        var r = DraftRenderer.Render(DraftParser.Parse(text), new Dictionary<string, string> { ["t"] = "x" }, RenderMode.ResolveAgreed);
        Assert.EndsWith("A one [maybe] two.", r.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AgreedOnlyOnRealDraft_LeavesNoBrackets()
    {
        var d = DraftParser.Parse(SharedData.Draft(SharedData.Oct23));
        var clean = DraftParser.Parse(DraftRenderer.Render(d, new Dictionary<string, string>(), RenderMode.AgreedOnly).Text);
        // Only the three unbalanced brackets of the transcription survive, and they are still reported.
        Assert.Empty(clean.Brackets);
        Assert.Equal(3, clean.Problems.Count);
        Assert.True(clean.Metrics.Words < d.Metrics.Words / 2);
    }
}
