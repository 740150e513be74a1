using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>Provisions, headings, labels, issue tags and the figures measured per provision, party and issue.</summary>
public sealed class DraftParserStructureTests
{
    [Fact]
    public void Parse_BlankLinesAndListItems_SeparateProvisions()
    {
        var d = DraftParser.Parse("Intro text.\n\n1. First;\n2. Second [x];\n   continued.\n\nLast.");
        Assert.Equal(4, d.Provisions.Count);
        Assert.Equal([1, 3, 4, 7], d.Provisions.Select(p => p.StartLine));
        Assert.Equal(["", "1", "2", ""], d.Provisions.Select(p => p.Label?.Text ?? ""));
        Assert.Equal(1, d.Provisions[2].Metrics.Opens);
    }

    [Theory]
    [InlineData("PP 3 Recalling", "PP 3", "PP", "3", "")]
    [InlineData("OP4bis Decides", "OP4bis", "OP", "4", "bis")]
    [InlineData("3.3alt: Developed", "3.3alt", "", "3.3", "alt")]
    [InlineData("- (17ter) [The Funds]", "17ter", "", "17", "ter")]
    [InlineData("3.x[^4] Notwithstanding", "3.x", "", "3.x", "")]
    [InlineData("4 quinquies. Each", "4quinquies", "", "4", "quinquies")]
    [InlineData("12. The CMA", "12", "", "12", "")]
    public void Parse_ParagraphLabel_IsRead(string line, string text, string prefix, string number, string suffix)
    {
        var label = DraftParser.Parse(line).Provisions.Single().Label;
        Assert.Equal(new ParagraphLabel(text, prefix, number, suffix), label);
    }

    [Theory]
    [InlineData("2020 was a year.")]
    [InlineData("Parties 3.3 bis")]
    [InlineData("3 bisque")]
    public void Parse_NumbersThatAreNotLabels_GiveNoLabel(string line) =>
        Assert.Null(DraftParser.Parse(line).Provisions.Single().Label);

    [Fact]
    public void Parse_OptionLabels_CountedAtLineStartOnly()
    {
        const string text = "**Option 1:** text\n\n    **Option 2**. more\n\n2. Option 3: x\n\nOption II: y\n\nSee Option 4 above; option 5: no.\n\n*{ref option 1}*";
        var d = DraftParser.Parse(text);
        Assert.Equal(["1", "2", "3", "II"], d.OptionLabels.Select(o => o.Number));
        Assert.Equal(3, d.Metrics.OptionLabels);
        Assert.Equal(4, d.Metrics.AllOptionLabels);
        Assert.Equal(OptionNumbering.Roman, d.OptionLabels[3].Numbering);
    }

    [Fact]
    public void Parse_OptionLabelWithoutBlankLine_StartsNewProvision()
    {
        var d = DraftParser.Parse("Chapeau text:\nOption 1: a\nOption 2: b");
        Assert.Equal(3, d.Provisions.Count);
    }

    [Fact]
    public void Parse_MarkdownHeadings_NestIntoSections()
    {
        var d = DraftParser.Parse("# Agreement\n\n## Article 1\n\nText [a].\n\n## Article 2\n\nAgreed.");
        Assert.Equal(["Agreement", "Article 1", "Article 2"], d.Sections.Select(s => s.Title));
        Assert.Equal([-1, 0, 0], d.Sections.Select(s => s.Parent));
        Assert.Equal(d.Metrics.Words, d.Sections[0].Metrics.Words);
        Assert.Equal(1, d.Sections[1].Metrics.Opens);
        Assert.Equal(1.0, d.Sections[2].Metrics.AgreedShare);
    }

    [Fact]
    public void Parse_PlainTextHeadings_AreShortArticleLines()
    {
        var d = DraftParser.Parse("PREAMBLE\n\nText.\n\nArticle 4 (adaptation)\n\nArticle 4 of the Convention applies.", DraftFormat.PlainText);
        Assert.Equal(["PREAMBLE", "Article 4 (adaptation)"], d.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Parse_IssueTagOnHeading_TagsWholeSection()
    {
        const string text = "## Territory <!-- issue: territory -->\n\nPara [a].\n\n### Detail\n\nMore.\n\n## Other\n\nUntagged.";
        var d = DraftParser.Parse(text);
        Assert.Equal(["territory", "territory", "territory", "territory", null, null], d.Provisions.Select(p => p.Issue));
        var issue = Assert.Single(d.Issues);
        Assert.Equal(1, issue.Metrics.Opens);
    }

    [Fact]
    public void Parse_IssueTagInParagraph_TagsThatParagraphOnly()
    {
        var d = DraftParser.Parse("One <!-- issue: plant --> [a].\n\nTwo.", DraftFormat.PlainText);
        Assert.Equal(["plant", null], d.Provisions.Select(p => p.Issue));
    }

    [Fact]
    public void Parse_IssueTagAloneInBlock_TagsNextProvision()
    {
        var d = DraftParser.Parse("<!-- issue: plant -->\n\nThe plant [is][is not] returned.\n\nNext.");
        var tagged = d.Provisions.Where(p => p.Issue == "plant").ToArray();
        Assert.Equal(2, tagged.Length);
        Assert.Equal(0, tagged[0].Metrics.Words);
        Assert.Equal(6, tagged[1].Metrics.Words);
        Assert.Null(d.Provisions[^1].Issue);
    }

    [Fact]
    public void Parse_AdRef_MarksProvision()
    {
        var d = DraftParser.Parse("1. Agreed text (ad ref.)\n2. Agreed ad referendum.\n3. Head read it.", DraftFormat.PlainText);
        Assert.Equal([true, true, false], d.Provisions.Select(p => p.AdReferendum));
        Assert.Equal(2, d.Metrics.AdReferendum);
    }

    [Fact]
    public void Parse_Words_CountedInsideAndOutsideBrackets()
    {
        // "*[Taking*" : the bracket splits the word; "r*eaffirming*" is one word; "–" alone is not a word.
        var d = DraftParser.Parse("*[Taking* account] of r*eaffirming* – [x][y] 1/CP.17", DraftFormat.Markdown);
        Assert.Equal(7, d.Metrics.Words);
        Assert.Equal(3, d.Metrics.AgreedWords);
        Assert.Equal(4, d.Metrics.Text.BracketedWords);
        Assert.Equal(3.0 / 7, d.Metrics.AgreedShare, 12);
    }

    [Fact]
    public void Parse_Chars_ExcludeBracketsWhitespaceAndNotes()
    {
        var d = DraftParser.Parse("ab [cd] {note} e", DraftFormat.PlainText);
        Assert.Equal(5, d.Metrics.Text.Chars);
        Assert.Equal(3, d.Metrics.Text.AgreedChars);
    }

    [Fact]
    public void Parse_ProvisionMetrics_SumToDocumentMetrics()
    {
        var d = DraftParser.Parse(SharedData.Draft(SharedData.Oct23));
        var sum = d.Provisions.Aggregate(default(TextMetrics), (m, p) => m + p.Metrics);
        Assert.Equal(d.Metrics.Text, sum);
    }
}
