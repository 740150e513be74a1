using System.Text;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// Property tests with fixed seeds: drafts generated with a known structure parse back to exactly that structure, and
/// random mutations of the real Paris text never crash the parser and always give each problem a valid position.
/// </summary>
public sealed class DraftParserPropertyTests
{
    private static readonly string[] Vocabulary = ["Parties", "shall", "should", "finance", "adaptation", "the", "of", "2020", "Article"];

    /// <summary>What the generator put in: brackets as (depth, content words), and word totals.</summary>
    private sealed record Expected(List<(int Depth, string Parties)> Brackets, int Words, int AgreedWords, int Groups);

    private static string Generate(Random random, out Expected expected)
    {
        var sb = new StringBuilder();
        var brackets = new List<(int, string)>();
        int words = 0, agreed = 0, groups = 0;
        int paragraphs = random.Next(1, 6);
        for (int p = 0; p < paragraphs; p++)
        {
            if (p > 0) sb.Append("\n\n");
            int items = random.Next(1, 8);
            for (int k = 0; k < items; k++)
            {
                sb.Append(k == 0 ? "" : " word ");
                if (k > 0) { words++; agreed++; }
                if (random.Next(3) == 0)
                {
                    sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                    words++;
                    agreed++;
                }
                else
                {
                    int alternatives = random.Next(1, 4);
                    if (alternatives > 1) groups++;
                    for (int a = 0; a < alternatives; a++) AppendBracket(sb, random, 1, brackets, ref words);
                }
            }
        }
        expected = new Expected(brackets, words, agreed, groups);
        return sb.ToString();
    }

    private static void AppendBracket(StringBuilder sb, Random random, int depth, List<(int, string)> brackets, ref int words)
    {
        string parties = random.Next(4) == 0 ? (random.Next(2) == 0 ? "UA" : "RU, EU") : "";
        brackets.Add((depth, parties));
        sb.Append('[');
        if (parties.Length > 0) sb.Append(parties).Append(": ");
        int parts = random.Next(1, 4);
        for (int i = 0; i < parts; i++)
        {
            if (i > 0) sb.Append(' ');
            if (depth < 6 && random.Next(4) == 0)
            {
                sb.Append("x ");
                words++;
                AppendBracket(sb, random, depth + 1, brackets, ref words);
            }
            else
            {
                sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                words++;
            }
        }
        sb.Append(']');
    }

    [Fact]
    public void Parse_GeneratedDrafts_ParseBackExactly()
    {
        var random = new Random(20151212);
        for (int run = 0; run < 300; run++)
        {
            string text = Generate(random, out var expected);
            var d = DraftParser.Parse(text, DraftFormat.PlainText);
            Assert.Empty(d.Problems);
            Assert.Equal(expected.Brackets.Select(b => b.Depth), d.Brackets.Select(b => b.Depth));
            Assert.Equal(expected.Brackets.Select(b => b.Parties), d.Brackets.Select(b => string.Join(", ", b.Parties)));
            Assert.Equal(expected.Words, d.Metrics.Words);
            Assert.Equal(expected.AgreedWords, d.Metrics.AgreedWords);
            Assert.Equal(expected.Groups, d.Metrics.AlternativeGroups);
        }
    }

    [Theory]
    [InlineData(DraftFormat.Markdown)]
    [InlineData(DraftFormat.PlainText)]
    public void Parse_RandomMutationsOfRealDraft_NeverCrashAndProblemsHavePositions(DraftFormat format)
    {
        string original = SharedData.Draft(SharedData.Oct23);
        const string Specials = "[]{}<>!\\-:^*#`()\n\r\t ";
        var random = new Random(231015);
        for (int run = 0; run < 60; run++)
        {
            var chars = original.ToCharArray();
            int mutations = random.Next(1, 200);
            for (int m = 0; m < mutations; m++)
            {
                int at = random.Next(chars.Length);
                chars[at] = random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : Specials[random.Next(Specials.Length)];
            }
            string text = new(chars, 0, random.Next(chars.Length / 2, chars.Length + 1));
            var d = DraftParser.Parse(text, format);
            var lines = text.Split('\n');
            Assert.All(d.Problems.Concat(d.Warnings), p =>
            {
                Assert.InRange(p.Line, 1, lines.Length);
                Assert.InRange(p.Column, 1, lines[p.Line - 1].Length + 1);
                Assert.InRange(p.Offset, 0, text.Length - 1);
            });
            Assert.Equal(d.Metrics.Text, d.Provisions.Aggregate(default(TextMetrics), (a, p) => a + p.Metrics));
            Assert.All(d.Brackets, b => Assert.True(b.Start < b.End && text[b.Start] == '[' && text[b.End] == ']'));
        }
    }

    [Fact]
    public void Parse_EveryPrefixOfASmallDraft_NeverCrashes()
    {
        const string text = "---\nt: x\n---\n## A <!-- issue: t -->\n\n[UA #o: a [b]{n}][c](u) [^1] [d][l]\n\n[l]: /x\n[^1]: f\n```\n[\n```\n";
        for (int n = 0; n <= text.Length; n++)
        {
            var d = DraftParser.Parse(text[..n]);
            Assert.All(d.Problems, p => Assert.InRange(p.Offset, 0, Math.Max(0, n - 1)));
        }
    }
}
