using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// The shortcuts the parser takes for speed, each against the slow way (fixed seeds): the one-pass prescan against
/// counting character by character, shared paragraph labels against building each one, the provision bound against the
/// provisions actually read, line numbers of crossed-heading warnings against counting line ends, and the first-character
/// test on link labels against the full CommonMark normalisation.
/// </summary>
public sealed class DraftParserFastPathTests
{
    private static readonly Lazy<string> Paris = new(() => SharedData.Draft(SharedData.Oct23));

    public static class Texts
    {
        // The characters the prescan looks for, and pairs of them, in runs that straddle its 32-character blocks.
        private static readonly string[] Pieces =
            ["[", "]", ":", "(", "\n", "\n\n", "]:", "](", " ", "ab", "é", "\r\n", "x", "a", "d", "aD", "Ad ", " ref", "REF", "ad ref"];

        public static Arbitrary<string> All() =>
        (
            from count in Gen.Choose(0, 120)
            from pieces in Gen.Elements(Pieces).ArrayOf(count)
            select string.Concat(pieces)
        ).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 400, Replay = "(3201,6403)")]
    public void Prescan_RandomText_CountsAsACharacterLoopWould(string text) => SamePrescan(text);

    [Fact]
    public void Prescan_ParisText_CountsAsACharacterLoopWould()
    {
        SamePrescan(Paris.Value);
        SamePrescan(Paris.Value + " AD REF.");
        SamePrescan(Paris.Value.Replace("adverse", "ad reverse", StringComparison.Ordinal));
        SamePrescan(Paris.Value.Insert(Paris.Value.Length / 2, " Ad Ref "));
    }

    private static void SamePrescan(string text)
    {
        var prescan = DraftPrescan.Of(text);

        var marks = new List<int>();
        int empty = 0;
        bool inline = false;
        for (int k = 1; k < text.Length; k++)
        {
            if (text[k - 1] == ']' && text[k] == ':') marks.Add(k - 1);
            if (text[k - 1] == ']' && text[k] == '(') inline = true;
            if (text[k - 1] == '\n' && text[k] == '\n') empty++;
        }
        Assert.Equal(text.Count(c => c == '['), prescan.Opens);
        Assert.Equal(text.Count(c => c == '\n'), prescan.LineFeeds);
        Assert.Equal(empty, prescan.EmptyLines);
        Assert.Equal(marks, prescan.DefinitionMarks);
        Assert.Equal(inline, prescan.HasInlineLinkMark);
        Assert.Equal(text.IndexOf("ad ref", StringComparison.OrdinalIgnoreCase), prescan.FirstAdRef);
    }

    [Property(Arbitrary = [typeof(DraftParserPropertyTests.Mutations)], MaxTest = 60, Replay = "(4242,2425)")]
    public void Parse_MutatedParisText_ProvisionsWithinBoundAndWarningLinesCounted(DraftParserPropertyTests.Mutation mutation)
    {
        string text = mutation.Apply(Paris.Value);

        var d = DraftParser.Parse(text, mutation.Format);

        Assert.InRange(d.Provisions.Count, 0, DraftPrescan.Of(text).ProvisionBound);
        Assert.All(d.Warnings.Where(w => w.Kind == DraftProblemKind.BracketCrossesHeading), w =>
        {
            var bracket = d.Brackets.Single(b => b.Start == w.Offset);
            int endLine = 1 + text.AsSpan(0, bracket.End).Count('\n');
            Assert.StartsWith($"is closed only on line {endLine},", w.Detail);
        });
    }

    [Fact]
    public void Parse_BracketAcrossTwoHeadings_WarningGivesTheClosingLine()
    {
        var d = DraftParser.Parse("## A\n\nText [opened\n\n## B\n\nmore\n\n### C\nclosed] here\n", DraftFormat.Markdown);

        var warning = Assert.Single(d.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Equal("is closed only on line 10, 2 headings later", warning.Detail);
    }

    /// <summary>Lines that start like paragraph labels, or almost: prefixes, numbers, dots, suffixes, parentheses, stops.</summary>
    public static class LabelLines
    {
        private static readonly string[] Pieces =
            ["PP", "OP", " ", "(", ")", "1", "23", ".", "x", "bis", "ter", "quater", "alt", ":", "a", "*", "[", "\t", "7"];

        public static Arbitrary<string[]> All() =>
        (
            from lines in Gen.Choose(1, 8).SelectMany(n => Gen.Elements(Pieces).ArrayOf(n)).Select(string.Concat).ArrayOf()
            select lines
        ).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(LabelLines)], MaxTest = 300, Replay = "(1717,7171)")]
    public void ParagraphLabel_SharedLabels_ReadAsBuiltEachTime(string[] lines)
    {
        var known = new Dictionary<string, ParagraphLabel>(StringComparer.Ordinal);
        // Twice over, so that every label is also read when it is already known.
        foreach (var line in lines.Concat(lines))
        {
            Assert.Equal(LineRules.ParagraphLabel(line, 0, line.Length), LineRules.ParagraphLabel(line, 0, line.Length, known));
        }
    }

    [Fact]
    public void Parse_ShortcutReferences_MatchOnTheNormalisedLabelOnly()
    {
        // "ſ" (long s) upper-cases to ASCII "S": a candidate starting outside ASCII must not be ruled out by its first
        // character. "ı" (dotless i) stays itself, so "[ıtem]" is a bracket. "[ item ]" trims to the label; "[other]" and
        // "[items]" are brackets.
        var d = DraftParser.Parse(
            "[ſtem] [ıtem] [ item ] [ITEM] [other] [items] [Ünion][] [ünion]\n\n[Item]: /i\n[ÜNION]: /u\n[stem]: /s\n",
            DraftFormat.Markdown);

        Assert.Equal(["ıtem", "other", "items"], d.Brackets.Select(b => b.Content(d.Text)));
    }
}
