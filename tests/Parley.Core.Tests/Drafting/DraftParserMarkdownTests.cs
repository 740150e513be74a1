using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>In Markdown, markup is not a bracket; each rule from the issue has its own case.</summary>
public sealed class DraftParserMarkdownTests
{
    private static DraftDocument Md(string text) => DraftParser.Parse(text, DraftFormat.Markdown);

    private static string[] Contents(DraftDocument d) => d.Brackets.Select(b => b.Content(d.Text)).ToArray();

    [Fact]
    public void Parse_FrontMatter_IsSkipped()
    {
        var d = Md("---\ntitle: [not a bracket]\n---\nText [a].");
        Assert.Equal(["a"], Contents(d));
        Assert.Equal(2, d.Metrics.Words);
        Assert.Equal(4, d.Brackets[0].Line);
    }

    [Fact]
    public void Parse_FrontMatterInPlainText_IsText() =>
        Assert.Equal(2, DraftParser.Parse("---\ntitle: [x]\n---\n[a]", DraftFormat.PlainText).Metrics.Opens);

    [Fact]
    public void Parse_UnclosedFrontMatter_ReportedAndReadAsText()
    {
        var d = Md("---\ntitle: x\n[a]");
        Assert.Equal(DraftProblemKind.UnclosedFrontMatter, Assert.Single(d.Problems).Kind);
        Assert.Equal(["a"], Contents(d));
    }

    [Fact]
    public void Parse_LinkDefinition_IsNotABracket()
    {
        var d = Md("Text [x].\n\n[source]: http://example.org/a.pdf \"Title\"\n");
        Assert.Equal(["x"], Contents(d));
    }

    [Fact]
    public void Parse_BracketedSentenceWithColon_IsNotALinkDefinition() =>
        Assert.Single(Md("[shall]: the Parties shall act").Brackets);

    [Fact]
    public void Parse_InlineLink_TextCountsAsWordsButIsNotBracketed()
    {
        var d = Md("See [the text](http://x.org/a_(b)) and [that one](<a b> \"t\") now.");
        Assert.Empty(d.Brackets);
        Assert.Equal(7, d.Metrics.Words);
        Assert.Equal(7, d.Metrics.AgreedWords);
    }

    [Fact]
    public void Parse_BracketFollowedBySpacedParenthesis_IsABracket() =>
        Assert.Single(Md("[shall] (as appropriate)").Brackets);

    [Fact]
    public void Parse_ReferenceLinkWithDefinedLabel_IsALink()
    {
        var d = Md("The [final draft text][Source] was [furtherance][pursuit].\n\n[source]: http://x.org\n");
        Assert.Equal(["furtherance", "pursuit"], Contents(d));
        Assert.Single(d.AlternativeGroups);
    }

    [Fact]
    public void Parse_CollapsedAndShortcutReferences_AreLinksOnlyWhenDefined()
    {
        var d = Md("[decision][] and [decision] and [undefined] and [undefined][]\n\n[decision]: /decision/\n");
        Assert.Equal(["undefined", "undefined", ""], Contents(d));
    }

    [Fact]
    public void Parse_FootnoteReferenceAndDefinition_AreNotBrackets()
    {
        var d = Md("Text[^1] with [a].\n\n[^1]: A note with [b] inside.\n");
        Assert.Equal(["a", "b"], Contents(d));
        Assert.DoesNotContain(d.Brackets, b => d.Text[b.Start + 1] == '^');
    }

    [Fact]
    public void Parse_KramdownAttributeList_IsNotANote()
    {
        var d = Md("## Heading\n{:.no_toc}\n\n* TOC\n{:toc}\n\nText {a real note}.");
        Assert.Equal(["a real note"], d.Notes.Select(n => n.Content(d.Text)));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public void Parse_HtmlTagsAreMarkup_BracketsBetweenThemCount()
    {
        var d = Md("The <span style=\"x\">[(I)NDCs][NDMC]</span> of Parties");
        Assert.Equal(["(I)NDCs", "NDMC"], Contents(d));
        Assert.Equal(5, d.Metrics.Words);
    }

    [Fact]
    public void Parse_EscapedBrackets_AreText()
    {
        var d = Md(@"Literal \[not\] and [real].");
        Assert.Equal(["real"], Contents(d));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public void Parse_FencedCode_IsSkipped()
    {
        var d = Md("```\n[code] ]\n```\n[a]");
        Assert.Equal(["a"], Contents(d));
        Assert.Empty(d.Problems);
    }

    [Fact]
    public void Parse_MarkdownRulesOffInPlainText_LinksAreBrackets() =>
        Assert.Equal(2, DraftParser.Parse("[text](url) [^1]", DraftFormat.PlainText).Metrics.Opens);

    [Fact]
    public void Parse_EmphasisBetweenBrackets_KeepsThemAlternatives()
    {
        Assert.Single(Md("[a]*[b]*").AlternativeGroups);
        Assert.Empty(DraftParser.Parse("[a]*[b]*", DraftFormat.PlainText).AlternativeGroups);
    }
}
