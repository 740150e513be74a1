using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The Paris Agreement texts in tests/data/ (a copy of ../shared/data)/drafts. Expected figures come from ../shared/data/README.md, counted
/// independently of this parser: 1,025 opening brackets, nesting depth 7, 143 "Option n" labels, and three brackets that
/// do not balance (a stray ']' on lines 24 and 30, an unclosed '[' on line 869).
/// </summary>
public sealed class DraftParserRealTextTests
{
    private static readonly DraftDocument Oct23 = DraftParser.Parse(SharedData.Draft(SharedData.Oct23));
    private static readonly DraftDocument Dec12 = DraftParser.Parse(SharedData.Draft(SharedData.Dec12));

    [Fact]
    public void Parse_Oct23_Counts1025OpeningBrackets() => Assert.Equal(1025, Oct23.Metrics.Opens);

    [Fact]
    public void Parse_Oct23_MaxDepthIs7() => Assert.Equal(7, Oct23.Metrics.MaxDepth);

    [Fact]
    public void Parse_Oct23_Counts143OptionLabels() => Assert.Equal(143, Oct23.Metrics.OptionLabels);

    [Fact]
    public void Parse_Oct23_ReportsProblemsAtLines24_30_869()
    {
        Assert.Equal([24, 30, 869], Oct23.Problems.Select(p => p.Line));
        Assert.Equal(
            [DraftProblemKind.UnmatchedClosingBracket, DraftProblemKind.UnmatchedClosingBracket, DraftProblemKind.UnclosedBracket],
            Oct23.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void Parse_Oct23_ProblemColumnsPointAtTheBracket()
    {
        var lines = SharedData.Draft(SharedData.Oct23).Split('\n');
        Assert.All(Oct23.Problems, p =>
        {
            char expected = p.Kind == DraftProblemKind.UnclosedBracket ? '[' : ']';
            Assert.Equal(expected, lines[p.Line - 1][p.Column - 1]);
        });
    }

    [Fact]
    public void Parse_Oct23_UnclosedBracketDoesNotMakeTheRestDisputed()
    {
        // Article 25 paragraphs 1 and 3 (lines 1002 and 1006) are unbracketed wording far after the unclosed '[' on line 869.
        foreach (int line in new[] { 1002, 1006 })
        {
            var provision = Oct23.Provisions.Single(p => p.StartLine == line);
            Assert.True(provision.Metrics.Words > 10);
            Assert.Equal(provision.Metrics.Words, provision.Metrics.AgreedWords);
        }
    }

    [Fact]
    public void Parse_Oct23_AgreedShareIsBetweenZeroAndOne()
    {
        var m = Oct23.Metrics;
        Assert.InRange(m.AgreedShare, 0.05, 0.95);
        Assert.Equal(m.Words, m.AgreedWords + m.Text.BracketedWords);
    }

    [Fact]
    public void Parse_Oct23_SourceLinkAndFootnotesAreNotBrackets()
    {
        var text = Oct23.Text;
        Assert.DoesNotContain(Oct23.Brackets, b => text[b.Start..(b.End + 1)].StartsWith("[final draft negotiating text]", StringComparison.Ordinal));
        Assert.DoesNotContain(Oct23.Brackets, b => text[b.Start + 1] == '^');
    }

    [Fact]
    public void Parse_Oct23_FurtherancePursuitAreTwoAlternatives()
    {
        var text = Oct23.Text;
        var furtherance = Oct23.Brackets.Single(b => b.Content(text) == "furtherance");
        var pursuit = Oct23.Brackets.Single(b => b.Content(text) == "pursuit");
        Assert.True(furtherance.Group >= 0);
        Assert.Equal(furtherance.Group, pursuit.Group);
    }

    [Fact]
    public void Parse_Oct23_SectionsFollowArticles()
    {
        Assert.Contains(Oct23.Sections, s => s.Title.StartsWith("Article 3 ", StringComparison.Ordinal));
        Assert.Equal(Oct23.Brackets.Count, Oct23.Provisions.Sum(p => p.Metrics.Opens));
        Assert.Equal(Oct23.Metrics.Opens, Oct23.Brackets.Count + 1);
    }

    [Fact]
    public void Parse_Dec12_HasNoBracketsAndAgreedShareOne()
    {
        Assert.Equal(0, Dec12.Metrics.Opens);
        Assert.Empty(Dec12.Problems);
        Assert.True(Dec12.Metrics.Words > 5000);
        Assert.Equal(1.0, Dec12.Metrics.AgreedShare);
    }
}
