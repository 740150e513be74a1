using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// Markdown footnotes with continuation paragraphs (CommonMark's footnote extension: after a blank line, lines indented four
/// columns or more still belong to the footnote). A note or bracket may open in the footnote and close in its continuation.
/// </summary>
public sealed class DraftParserFootnoteTests
{
    private static (DraftProblemKind Kind, int Line, int Column)[] Problems(DraftDocument d) =>
        d.Problems.Select(p => (p.Kind, p.Line, p.Column)).ToArray();

    [Fact]
    public void Parse_NoteClosedInFootnoteContinuation_IsNoProblem()
    {
        const string text =
            "3. Each Party shall communicate a nationally determined contribution every five years.[^4]\n" +
            "\n" +
            "[^4]: The co-facilitators read paragraph 3 {this reflects the proposal made by the G77 and China at the\n" +
            "informal consultations of 20 October;\n" +
            "\n" +
            "    the EU and AOSIS asked that it be shown as an alternative} as covering adaptation communications.\n";

        var d = DraftParser.Parse(text);

        Assert.Empty(d.Problems);
        var note = Assert.Single(d.Notes);
        Assert.Equal((3, 44), (note.Line, note.Column));
        Assert.EndsWith("shown as an alternative", note.Content(text), StringComparison.Ordinal);
        // The note's words are commentary: the footnote counts "The co-facilitators read paragraph 3" and "as covering
        // adaptation communications." (9 words), not the note's.
        var footnote = Assert.Single(d.Provisions, p => p.StartLine == 3);
        Assert.Equal(9, footnote.Metrics.Words);
    }

    [Fact]
    public void Parse_NoteClosedAfterSeveralBlankLinesAndTabIndent_IsNoProblem()
    {
        const string text = "Text.[^a]\n\n[^a]: {Chair's note:\n\n\n\tthe Parties agreed to revisit this at SB 44.}\n";
        var d = DraftParser.Parse(text);
        Assert.Empty(d.Problems);
        Assert.Single(d.Notes);
    }

    [Fact]
    public void Parse_BracketClosedInFootnoteContinuation_IsNoProblem()
    {
        const string text =
            "Finance shall be scaled up.[^7]\n\n" +
            "[^7]: [Developed country Parties shall provide support\n\n" +
            "    to developing country Parties in a predictable manner.]\n";

        var d = DraftParser.Parse(text);

        Assert.Empty(d.Problems);
        var bracket = Assert.Single(d.Brackets);
        Assert.Equal((3, 7), (bracket.Line, bracket.Column));
        Assert.EndsWith("predictable manner.", bracket.Content(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoteInFootnoteNotClosedBeforeUnindentedParagraph_IsReportedAtTheBrace()
    {
        const string text =
            "Article 6 text.[^1]\n" +
            "\n" +
            "[^1]: See {the Chair's note on Article 6\n" +
            "\n" +
            "Article 7 text continues here, not indented, so outside the footnote.}\n";

        var d = DraftParser.Parse(text);

        Assert.Equal(
            [(DraftProblemKind.UnclosedNote, 3, 11), (DraftProblemKind.UnmatchedClosingBrace, 5, 70)],
            Problems(d));
        Assert.Equal('{', text.Split('\n')[2][10]);
        Assert.Empty(d.Notes);
    }

    [Fact]
    public void Parse_NoteInFootnoteNeverClosed_IsReportedAtTheBrace()
    {
        const string text = "Text.[^2]\n\n[^2]: Parties {to be confirmed\n\n    in the continuation, but never closed.\n\nNext paragraph.\n";
        var d = DraftParser.Parse(text);
        Assert.Equal([(DraftProblemKind.UnclosedNote, 3, 15)], Problems(d));
    }

    [Fact]
    public void Parse_NoteOutsideFootnoteBeforeIndentedParagraph_IsStillAProblem()
    {
        // Only a footnote continues over a blank line; an indented sub-paragraph of the text is a new paragraph.
        const string text = "1. Parties {note\n\n    (a) indented sub-paragraph}\n";
        var d = DraftParser.Parse(text);
        Assert.Equal(
            [(DraftProblemKind.UnclosedNote, 1, 12), (DraftProblemKind.UnmatchedClosingBrace, 3, 31)],
            Problems(d));
    }

    [Fact]
    public void Parse_NoteAfterFootnoteEnded_CannotUseIndentedContinuation()
    {
        // The footnote ends at the unindented paragraph; a note opened there does not continue into an indented one.
        const string text = "[^1]: A footnote.\n\nBody text {note\n\n    indented}\n";
        var d = DraftParser.Parse(text);
        Assert.Equal(DraftProblemKind.UnclosedNote, d.Problems[0].Kind);
        Assert.Equal((3, 11), (d.Problems[0].Line, d.Problems[0].Column));
    }

    [Fact]
    public void Parse_FootnoteSyntaxInPlainText_IsNotAFootnote()
    {
        const string text = "[^1]: {note\n\n    continued}\n";
        var d = DraftParser.Parse(text, DraftFormat.PlainText);
        Assert.Contains(d.Problems, p => p.Kind == DraftProblemKind.UnclosedNote && p.Line == 1 && p.Column == 7);
    }
}
