using FsCheck;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// A long draft is read on two cores (<see cref="SplitScan"/>): the second half speculatively, from a line start, assuming
/// nothing is open there. Whatever the cut and whatever is open across it, the document must be the one a single reading in
/// order gives, every field of it; when the assumption is wrong the first reading must go on past the cut.
/// </summary>
public class DraftParserSplitTests
{
    private static readonly Lazy<string> Paris = new(() => SharedData.Draft(SharedData.Oct23));

    /// <summary>Where "¦" stands, the cut; the text is the case without it.</summary>
    public static TheoryData<string, string> Adversarial() => new()
    {
        { "bracket open across the cut", "a [b c\n\n¦d e] f\n\ng [h] i\n" },
        { "attributed bracket across the cut, alternatives after", "[UA: a\n\n¦b [c]\n\nd] [RU: e] [EU: f]\n\ng\n" },
        { "stray closing bracket after the cut", "a\n\n¦b] c [d]\n\ne\n" },
        { "unclosed attributed opener after the cut", "a [x]\n\n¦[UA: b [c] ad ref\n\nd [RU: e]\n" },
        { "unclosed opener before the cut, never closed", "[UA: a\n\n¦b [RU: c] d\n\ne\n" },
        { "fence open across the cut", "```\ncode [\n\n¦more ]\n```\n\ntext [a]\n\nb\n" },
        { "fence never closed", "```\n[a\n\n¦b] c\n\nd [e]\n" },
        { "code span across the cut", "`a [\n\n¦b` [c] d\n\ne\n" },
        { "footnote continued across the cut", "x[^1]\n\n[^1]: note [a\n\n¦    b] c\n\nd [e]\n" },
        { "note open across the cut in a footnote", "x[^1]\n\n[^1]: a {note\n\n¦    more} [x]\n\ny [z]\n" },
        { "note open across the cut", "a {note\n¦more} [b]\n\nc\n" },
        { "unclosed note before the cut", "a {note\n\n¦b} [c]\n\nd\n" },
        { "comment open across the cut", "a <!-- c\n\n¦d --> [e]\n\n[f]\n" },
        { "comment never closed", "a <!-- c [\n\n¦d] [e]\n" },
        { "front matter across the cut", "---\nt: x\n\n¦y: [z]\n---\n[a] b\n\nc\n" },
        { "front matter never closed", "---\nt\n\n¦[a] b\n" },
        { "issue tag carried across the cut", "## S\n\n<!-- issue: i1 -->\n\n¦[a] b\n\nc\n" },
        { "sections open across the cut", "# A <!-- issue: s -->\n\n## B\n\n¦x [y]\n\n### C\n\nz\n\n## D <!-- issue: t -->\n\nw\n\n# E\n\nv\n" },
        { "heading just before the cut", "## H\n¦text [a]\n\n## I\nmore\n" },
        { "link definitions before the cut", "[l]: http://x\n\n¦see [l] and [t][l] and [u](v) [w]\n\n[m]: /y\n" },
        { "option and paragraph labels", "1. Option 1: [a]\n\n¦1. Option 2: [b]\n\nOption A [c]\n" },
        { "alternatives on both sides", "[a] [b]\n\n¦[c] [d]\n\n[e][f]\n" },
        { "link text across the cut", "[a\n\n¦b](u) [c]\n" },
        { "escaped bracket before the cut", "a \\[b\n\n¦c] [d]\n" },
    };

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Parse_AdversarialCut_ReadsAsInOrder(string what, string marked)
    {
        int cut = marked.IndexOf('¦');
        string text = marked.Remove(cut, 1);
        foreach (var format in new[] { DraftFormat.Markdown, DraftFormat.PlainText })
        {
            SameAsInOrder(text, format, cut);
            foreach (int start in LineStarts(text)) SameAsInOrder(text, format, start);
        }
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void Parse_BracketOpenAcrossTheCut_ReadsOnPastTheCut()
    {
        const string text = "a [b c\n\nd e] f\n\ng [h] i\n";
        int cut = text.IndexOf("d e", StringComparison.Ordinal);

        int joinedAt = SameAsInOrder(text, DraftFormat.Markdown, cut);

        // The second reading assumed no bracket open at "d": wrong, so the first read on to the next settled line.
        Assert.Equal(text.IndexOf("g [h]", StringComparison.Ordinal), joinedAt);
        var d = DraftParser.ParseCut(text, DraftFormat.Markdown, cut, out _);
        Assert.Equal(2, d.Brackets.Count);
        Assert.Equal(text.IndexOf(']'), d.Brackets[0].End);
        Assert.Empty(d.Problems);
    }

    [Fact]
    public void Parse_FenceNeverClosed_ReadsTheWholeTextInOrder()
    {
        const string text = "```\n[a\n\nb] c\n\nd [e]\n";

        int joinedAt = SameAsInOrder(text, DraftFormat.Markdown, text.IndexOf("b]", StringComparison.Ordinal));

        Assert.Equal(-1, joinedAt);
        Assert.Empty(DraftParser.Parse(text).Brackets);
    }

    [Fact]
    public void Parse_SettledCut_TakesTheSecondReadingFromTheCut()
    {
        const string text = "# A <!-- issue: s -->\n\nx [y]\n\n## B\n\nz [UA: w]\n";
        int cut = text.IndexOf("## B", StringComparison.Ordinal);

        int joinedAt = SameAsInOrder(text, DraftFormat.Markdown, cut);

        Assert.Equal(cut, joinedAt);
        var d = DraftParser.ParseCut(text, DraftFormat.Markdown, cut, out _);
        Assert.Equal("B", Assert.Single(d.Sections, s => s.Parent >= 0).Title);
        Assert.Equal(0, d.Sections[1].Parent);
        Assert.All(d.Provisions, p => Assert.Equal("s", p.Issue));
    }

    [Fact]
    public void Parse_RealDraftsCutAtEveryLineStart_ReadAsInOrder()
    {
        var joins = new List<(int Cut, int JoinedAt)>();
        foreach (var name in new[] { SharedData.Oct23, SharedData.Dec12 })
        {
            string text = SharedData.Draft(name);
            foreach (var format in new[] { DraftFormat.Markdown, DraftFormat.PlainText })
            {
                var whole = DraftParser.ParseCut(text, format, -1, out _);
                foreach (int cut in LineStarts(text))
                {
                    AssertSame(whole, DraftParser.ParseCut(text, format, cut, out int joinedAt));
                    joins.Add((cut, joinedAt));
                }
            }
        }
        // All three ways were taken: joined at the cut, joined later, read in order.
        Assert.Contains(joins, j => j.JoinedAt == j.Cut);
        Assert.Contains(joins, j => j.JoinedAt > j.Cut);
        Assert.Contains(joins, j => j.JoinedAt < 0);
    }

    [Fact]
    public void Parse_RepeatedParisTextCutBetweenCopies_JoinsAfterTheStrayClosingBracket()
    {
        // As the cold benchmark's 50 MB draft: the opener left unclosed near the end of each copy is closed by the stray
        // ']' on line 24 of the next, so a bracket is open across every boundary between copies.
        string copy = Paris.Value + "\n\n";
        string text = string.Concat(Enumerable.Repeat(copy, 4));
        int third = 2 * copy.Length;
        int stray = third + copy.IndexOf("circumstances,]]", StringComparison.Ordinal);
        int cut = SplitScan.SplitPoint(text);
        Assert.InRange(cut, third, stray);

        int joinedAt = SameAsInOrder(text, DraftFormat.Markdown, cut);

        Assert.InRange(joinedAt, stray, stray + 4000);
        Assert.InRange(SameAsInOrder(text, DraftFormat.Markdown, third), stray, stray + 4000);
    }

    [Fact]
    public void Parse_LongText_IsReadOnTwoCoresAsInOrder()
    {
        string copy = Paris.Value + "\n\n";
        string text = string.Concat(Enumerable.Repeat(copy, DraftParser.SplitFrom / copy.Length + 1));
        int cut = SplitScan.SplitPoint(text);
        Assert.InRange(cut, text.Length / 2, text.Length / 2 + copy.Length);
        Assert.Equal('\n', text[cut - 1]);
        Assert.Equal('\n', text[cut - 2]);

        AssertSame(DraftParser.ParseCut(text, DraftFormat.Markdown, -1, out _), DraftParser.Parse(text));
    }

    [Fact]
    public void SplitPoint_NoEmptyLineAfterTheMiddle_IsNone()
    {
        Assert.Equal(-1, SplitScan.SplitPoint("a\n\nb\nc\nd\ne\n"));
        Assert.Equal(-1, SplitScan.SplitPoint("a\nb\n\n\n    c\n"));
        Assert.Equal(7, SplitScan.SplitPoint("a\nb\n\n\n\nc\n"));
    }

    private const string Notation = "[]{}<>!\\-:^*#`()\n\r\t ";

    [Property(Arbitrary = [typeof(DraftArbitraries)], MaxTest = 150, Replay = "(1412,2027)")]
    public void Parse_GeneratedDraftWithNotationCutAtEveryLineStart_ReadsAsInOrder(GeneratedDraft draft, NonNegativeInt seed)
    {
        // Blank lines, notes, comments, fences, footnotes, headings and stray brackets inserted where the seed says.
        string[] pieces = ["\n\n", "{", "}", "<!-- ", " -->", "\n```\n", "\n\n[^1]: ", "\n\n    ", "\n## ", "[", "]", "[UA: ", "<!-- issue: k -->\n\n", "\n\n"];
        var text = draft.Text;
        var random = new Random(seed.Get);
        for (int k = random.Next(0, 10); k > 0; k--)
        {
            string piece = random.Next(4) == 0 ? Notation[random.Next(Notation.Length)].ToString() : pieces[random.Next(pieces.Length)];
            text = text.Insert(random.Next(text.Length + 1), piece);
        }
        foreach (int cut in LineStarts(text)) SameAsInOrder(text, draft.Format, cut);
    }

    [Property(Arbitrary = [typeof(DraftParserPropertyTests.Mutations)], MaxTest = 25, Replay = "(2611,1015)")]
    public void Parse_MutatedParisTextCutAtLineStarts_ReadsAsInOrder(DraftParserPropertyTests.Mutation mutation)
    {
        string text = mutation.Apply(Paris.Value);
        var whole = DraftParser.ParseCut(text, mutation.Format, -1, out _);
        var starts = LineStarts(text).ToArray();
        for (int k = 0; k < starts.Length; k += 37) AssertSame(whole, DraftParser.ParseCut(text, mutation.Format, starts[k], out _));
    }

    /// <summary>Compares the reading cut at <paramref name="cut"/> with the reading in order; returns where it joined.</summary>
    private static int SameAsInOrder(string text, DraftFormat format, int cut)
    {
        var whole = DraftParser.ParseCut(text, format, -1, out _);
        var split = DraftParser.ParseCut(text, format, cut, out int joinedAt);
        AssertSame(whole, split);
        return joinedAt;
    }

    private static IEnumerable<int> LineStarts(string text)
    {
        for (int k = text.IndexOf('\n'); k >= 0 && k + 1 < text.Length; k = text.IndexOf('\n', k + 1)) yield return k + 1;
    }

    /// <summary>Every field of the two documents is the same.</summary>
    internal static void AssertSame(DraftDocument expected, DraftDocument actual)
    {
        Assert.Equal(expected.Metrics, actual.Metrics);
        Assert.Equal(expected.Brackets.Select(Shape), actual.Brackets.Select(Shape));
        Assert.Equal(expected.Provisions, actual.Provisions);
        Assert.Equal(expected.Sections, actual.Sections);
        Assert.Equal(expected.AlternativeGroups.Select(g => string.Join(",", g.Brackets)), actual.AlternativeGroups.Select(g => string.Join(",", g.Brackets)));
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.OptionLabels, actual.OptionLabels);
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal(expected.Markup, actual.Markup);
        Assert.Equal(expected.Parties, actual.Parties);
        Assert.Equal(expected.Issues.Select(i => (i.Issue, string.Join(",", i.Provisions), i.Metrics)), actual.Issues.Select(i => (i.Issue, string.Join(",", i.Provisions), i.Metrics)));
    }

    private static string Shape(Bracket b) =>
        $"{b.Index} {b.Start}-{b.End} c{b.ContentStart} {b.Line}:{b.Column} d{b.Depth} p{b.Parent} v{b.Provision} g{b.Group} " +
        $"{string.Join(",", b.Parties)} #{b.OptionId} {b.Kind}";
}
