using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// "Option n" labels in the forms negotiating texts use besides <c>**Option 1:**</c>: after a lettered sub-paragraph, plain at
/// the start of a line, inside a bracketed bold heading, and with a <c>bis</c>/<c>ter</c> suffix. Each excerpt is written
/// the way UNFCCC and UN co-facilitators' texts lay it out.
/// </summary>
public sealed class DraftParserOptionLabelTests
{
    private static (int Line, int Column, string Number)[] Labels(DraftDocument d) =>
        d.OptionLabels.Select(o => (o.Line, o.Column, o.Number)).ToArray();

    [Fact]
    public void Parse_OptionAfterLetteredSubparagraph_IsALabel()
    {
        const string text =
            "4. Each Party's communication shall include, as appropriate:\n" +
            "(e) Information on the implementation of adaptation plans;\n" +
            "(f) Option 1: [Information on the support [needed][received] for adaptation actions];\n" +
            "(f) Option 2: [No reference to support in this paragraph]\n";

        var d = DraftParser.Parse(text);

        Assert.Equal([(3, 5, "1"), (4, 5, "2")], Labels(d));
        Assert.Equal(2, d.Metrics.OptionLabels);
        // Each option begins its own provision, with its alternatives counted there.
        Assert.Equal(d.OptionLabels.Select(o => o.Provision).Distinct().Count(), d.OptionLabels.Count);
        Assert.Equal(3, d.Provisions[d.OptionLabels[0].Provision].Metrics.Opens);
    }

    [Theory]
    [InlineData("(f) Option 1: text", "1")]
    [InlineData("- (iv) **Option 2:** text", "2")]
    [InlineData("b) Option 3. text", "3")]
    [InlineData("    (g)\tOption II: text", "II")]
    public void Parse_LetteredSubparagraphThenOption_ReadsTheNumber(string line, string number) =>
        Assert.Equal(number, Assert.Single(DraftParser.Parse(line).OptionLabels).Number);

    [Theory]
    [InlineData("(f) Options 1 and 2 are merged.")]
    [InlineData("(f) the Option 1 text")]
    [InlineData("(fifth) Option 1: too long a letter label")]
    public void Parse_LetteredSubparagraphWithoutOption_GivesNoLabel(string line) =>
        Assert.Empty(DraftParser.Parse(line).OptionLabels);

    [Fact]
    public void Parse_PlainOptionAtLineStart_IsALabel()
    {
        const string text =
            "15. Parties shall report on their mitigation contributions:\n" +
            "Option 1: [Every two years, in accordance with the modalities adopted by the CMA at its first session]\n" +
            "Option 2: […]\n" +
            "Option 3:[No provision on frequency]\n";

        var d = DraftParser.Parse(text, DraftFormat.PlainText);

        Assert.Equal([(2, 1, "1"), (3, 1, "2"), (4, 1, "3")], Labels(d));
        Assert.Equal(4, d.Provisions.Count);
        Assert.Equal(BracketKind.Placeholder, d.Brackets[1].Kind);
    }

    [Fact]
    public void Parse_OptionWithNoBreakSpace_IsALabel()
    {
        // Word exports keep the no-break space that holds "Option" to its number.
        var d = DraftParser.Parse("Option\u00A01: [shall]\nOption\u00A02: [should]");
        Assert.Equal([(1, 1, "1"), (2, 1, "2")], Labels(d));
    }

    [Fact]
    public void Parse_OptionInBracketedBoldHeading_IsALabelAndTheBracketStillCounts()
    {
        const string text =
            "**[Option 1** – Article 7 as a stand-alone article on loss and damage]\n\n" +
            "1. [An international mechanism on loss and damage is hereby established.]\n\n" +
            "**[Option 2** – No separate article]\n";

        var d = DraftParser.Parse(text);

        Assert.Equal([(1, 4, "1"), (5, 4, "2")], Labels(d));
        Assert.Equal(3, d.Metrics.Opens);
        Assert.Equal("Option 1** – Article 7 as a stand-alone article on loss and damage", d.Brackets[0].Content(text));
        Assert.Empty(d.Problems);
    }

    [Theory]
    [InlineData("[Option A: text]", "A")]
    [InlineData("*[**Option 3:** text]*", "3")]
    [InlineData("3. [Option 2: text]", "2")]
    public void Parse_OptionJustInsideABracket_IsALabel(string line, string number) =>
        Assert.Equal(number, Assert.Single(DraftParser.Parse(line).OptionLabels).Number);

    [Theory]
    [InlineData("[[Option 1: nested brackets are text, not a heading]]")]
    [InlineData("[See Option 1 above]")]
    public void Parse_BracketNotStartingWithOption_GivesNoLabel(string line) =>
        Assert.Empty(DraftParser.Parse(line).OptionLabels);

    [Fact]
    public void Parse_OptionBis_IsItsOwnArabicLabel()
    {
        const string text =
            "**Option 1:** [Developed country Parties shall provide financial resources.]\n\n" +
            "**Option 1bis:** [Developed country Parties and other Parties in a position to do so shall provide financial resources.]\n\n" +
            "**Option 1 ter:** [All Parties shall mobilize climate finance.]\n\n" +
            "**Option 2:** No text.\n";

        var d = DraftParser.Parse(text);

        Assert.Equal(["1", "1bis", "1ter", "2"], d.OptionLabels.Select(o => o.Number));
        Assert.All(d.OptionLabels, o => Assert.Equal(OptionNumbering.Arabic, o.Numbering));
        Assert.Equal(4, d.Metrics.OptionLabels);
        Assert.Equal(4, d.OptionLabels.Select(o => o.Provision).Distinct().Count());
    }

    [Theory]
    [InlineData("Option 1bisque: text")]
    [InlineData("Option 1b: text")]
    [InlineData("Option IIbis: text")]
    public void Parse_OptionWithUnknownSuffix_GivesNoLabel(string line) =>
        Assert.Empty(DraftParser.Parse(line).OptionLabels);
}
