using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

public sealed class DraftParserBracketTests
{
    private static DraftDocument Plain(string text) => DraftParser.Parse(text, DraftFormat.PlainText);

    [Fact]
    public void Parse_NestedBrackets_RecordsDepthAndParent()
    {
        var d = Plain("a [b [c [d] e] f] g");
        Assert.Equal(3, d.Metrics.Opens);
        Assert.Equal(1, d.Metrics.TopLevel);
        Assert.Equal(3, d.Metrics.MaxDepth);
        Assert.Equal([1, 2, 3], d.Brackets.Select(b => b.Depth));
        Assert.Equal([-1, 0, 1], d.Brackets.Select(b => b.Parent));
        Assert.Equal("d", d.Brackets[2].Content(d.Text));
    }

    [Fact]
    public void Parse_AdjacentAlternatives_FormOneGroup()
    {
        var d = Plain("Parties [shall][should] regularly [formulate] [prepare], and [maintain].");
        Assert.Equal(2, d.Metrics.AlternativeGroups);
        Assert.Equal(4, d.Metrics.Alternatives);
        Assert.Equal([0, 1], d.AlternativeGroups[0].Brackets);
        Assert.Equal([2, 3], d.AlternativeGroups[1].Brackets);
        Assert.Equal(-1, d.Brackets[4].Group);
    }

    [Fact]
    public void Parse_BracketsSeparatedByWordsOrLines_AreNotAlternatives()
    {
        var d = Plain("[a] and [b]\n[c]");
        Assert.Equal(0, d.Metrics.AlternativeGroups);
    }

    [Fact]
    public void Parse_NestedAlternatives_GroupOnlySiblings()
    {
        var d = Plain("[x [a][b]][y]");
        Assert.Equal(2, d.AlternativeGroups.Count);
        Assert.Equal([1, 2], d.AlternativeGroups[0].Brackets);
        Assert.Equal([0, 3], d.AlternativeGroups[1].Brackets);
    }

    [Theory]
    [InlineData("[placeholder for finance]")]
    [InlineData("[*Placeholder* for definitions]")]
    [InlineData("every [X] years")]
    [InlineData("[...]")]
    public void Parse_Placeholder_IsRecognised(string text) =>
        Assert.Equal(BracketKind.Placeholder, Plain(text).Brackets.Single().Kind);

    [Fact]
    public void Parse_OrdinaryBracket_IsDisputed() =>
        Assert.Equal(BracketKind.Disputed, Plain("[Xavier shall]").Brackets.Single().Kind);

    [Fact]
    public void Parse_Attribution_RecordsPartiesAndExcludesHeaderFromWords()
    {
        var d = Plain("The line [UA, EU: follows the contact line][RU: follows the oblast borders].");
        Assert.Equal(["UA", "EU"], d.Brackets[0].Parties);
        Assert.Equal(["RU"], d.Brackets[1].Parties);
        Assert.Equal("follows the contact line", d.Brackets[0].Content(d.Text).Trim());
        Assert.Equal(2 + 4 + 4, d.Metrics.Words);
        Assert.Equal([("UA", 1, 4L), ("EU", 1, 4L), ("RU", 1, 4L)], d.Parties.Select(p => (p.Party, p.Brackets, p.Words)));
    }

    [Fact]
    public void Parse_AttributionWithOption_RecordsOptionId()
    {
        var d = Plain("[#freeze UA: freeze][#withdraw RU: withdraw]");
        Assert.Equal(["freeze", "withdraw"], d.Brackets.Select(b => b.OptionId));
        Assert.Equal(["UA"], d.Brackets[0].Parties);
    }

    [Fact]
    public void Parse_NestedAttribution_WordsGoToTheNearestAttributedBracket()
    {
        var d = Plain("[UA: one two [RU: three] [four]]");
        Assert.Equal(3L, d.Parties.Single(p => p.Party == "UA").Words);
        Assert.Equal(1L, d.Parties.Single(p => p.Party == "RU").Words);
    }

    [Theory]
    [InlineData("[Climate forcers: compounds]")]
    [InlineData("[Preamble: text]")]
    [InlineData("[U: one letter is not a party code]")]
    [InlineData("[UA:no blank after colon]")]
    public void Parse_TextThatOnlyLooksLikeAHeader_IsNotAttribution(string text) =>
        Assert.Empty(Plain(text).Brackets.Single().Parties);

    [Fact]
    public void Parse_FacilitatorNote_IsNotTextAndHidesBracketsInside()
    {
        var d = Plain("Parties shall act. {note: see [Article 3] and {also} 4}");
        Assert.Equal(3, d.Metrics.Words);
        Assert.Empty(d.Brackets);
        var note = Assert.Single(d.Notes);
        Assert.Equal("note: see [Article 3] and {also} 4", note.Content(d.Text));
    }

    [Fact]
    public void Parse_NoteAcrossLinesWithinParagraph_IsOneNote()
    {
        var d = Plain("text {a note\nthat wraps} more [x]");
        Assert.Single(d.Notes);
        Assert.Equal((2, 18), (d.Brackets.Single().Line, d.Brackets.Single().Column));
    }

    [Fact]
    public void Parse_UnclosedNote_ReportedAtItsPositionAndReadAsText()
    {
        var d = Plain("line one\nsome {unclosed note\n\nnext [para]");
        var problem = Assert.Single(d.Problems);
        Assert.Equal((2, 6, DraftProblemKind.UnclosedNote), (problem.Line, problem.Column, problem.Kind));
        Assert.Single(d.Brackets);
    }

    [Fact]
    public void Parse_StrayClosingBrace_IsReported() =>
        Assert.Equal(DraftProblemKind.UnmatchedClosingBrace, Assert.Single(Plain("a } b").Problems).Kind);

    [Fact]
    public void Parse_UnclosedAtStart_ReportedAndRestMeasuredAsAgreed()
    {
        var d = Plain("[Parties shall act\n\nAll [agreed] text here.");
        var problem = Assert.Single(d.Problems);
        Assert.Equal((1, 1, DraftProblemKind.UnclosedBracket), (problem.Line, problem.Column, problem.Kind));
        Assert.Single(d.Brackets);
        Assert.Equal(2, d.Metrics.Opens);
        Assert.Equal(d.Metrics.Words - 1, d.Metrics.AgreedWords);
    }

    [Fact]
    public void Parse_StrayCloseInMiddle_ReportedWithLineColumnAndExcerpt()
    {
        var d = Plain("first [line]\nsecond] line [ok]\nthird");
        var problem = Assert.Single(d.Problems);
        Assert.Equal((2, 7, DraftProblemKind.UnmatchedClosingBracket), (problem.Line, problem.Column, problem.Kind));
        Assert.Contains("second]", problem.Excerpt, StringComparison.Ordinal);
        Assert.Equal(2, d.Brackets.Count);
    }

    [Fact]
    public void Parse_UnclosedAtEnd_Reported()
    {
        var d = Plain("a [b] c\nd [e");
        var problem = Assert.Single(d.Problems);
        Assert.Equal((2, 3, DraftProblemKind.UnclosedBracket), (problem.Line, problem.Column, problem.Kind));
        Assert.Equal("b", d.Brackets.Single().Content(d.Text));
    }

    [Fact]
    public void Parse_SeveralUnclosedAmongBalanced_EachReportedAndPairsKept()
    {
        var d = Plain("[a [b] [c [d] e");
        Assert.Equal([1, 8], d.Problems.Select(p => p.Column));
        Assert.Equal(["b", "d"], d.Brackets.Select(b => b.Content(d.Text)));
        Assert.Equal([1, 1], d.Brackets.Select(b => b.Depth));
    }

    [Fact]
    public void Parse_BracketAcrossHeading_IsAWarningNotAProblem()
    {
        var d = DraftParser.Parse("## Article 1\n\n[Text that\n\n## Article 2\n\nends here.]");
        Assert.Empty(d.Problems);
        var warning = Assert.Single(d.Warnings);
        Assert.Equal((3, 1), (warning.Line, warning.Column));
        Assert.True(warning.IsWarning);
        Assert.Contains("line 7", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyText_HasNothingAndShareOne()
    {
        var d = Plain("");
        Assert.Equal(0, d.Metrics.Words);
        Assert.Equal(1.0, d.Metrics.AgreedShare);
        Assert.Empty(d.Provisions);
    }
}
