using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>
/// Property tests (FsCheck, fixed seeds): drafts generated with a known structure parse back to exactly that structure;
/// random byte mutations of the real Paris text never crash the parser and give every problem a position that points at
/// the offending character; and the one-pass recovery from unclosed openers agrees with scanning again without them.
/// </summary>
public sealed class DraftParserPropertyTests
{
    private static readonly Lazy<string> Paris = new(() => SharedData.Draft(SharedData.Oct23));

    [Property(Arbitrary = [typeof(DraftArbitraries)], MaxTest = 300, Replay = "(20151023,20151213)")]
    public void Parse_GeneratedDraft_ParsesBackExactly(GeneratedDraft draft)
    {
        var expected = draft.Structure;
        var d = DraftParser.Parse(draft.Text, draft.Format);

        Assert.Empty(d.Problems);
        Assert.Empty(d.Warnings);
        Assert.Equal(expected.Brackets,
            d.Brackets.Select(b => (b.Depth, b.Parent, string.Join(", ", b.Parties), b.OptionId, b.Group)).ToList());
        Assert.Equal(expected.Provisions,
            d.Provisions.Select(p => (p.Metrics.Words, p.Metrics.AgreedWords, p.Metrics.Chars, p.Metrics.Opens, p.Metrics.MaxDepth)).ToList());
        Assert.Equal(expected.Groups, d.AlternativeGroups.Count);
        Assert.All(d.AlternativeGroups, g => Assert.All(g.Brackets, b => Assert.Equal(g.Index, d.Brackets[b].Group)));
        Assert.Equal(expected.Parties.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.Brackets, kv.Value.Words)),
            d.Parties.OrderBy(p => p.Party, StringComparer.Ordinal).Select(p => (p.Party, p.Brackets, p.Words)));
        Assert.Equal(d.Metrics.Words, expected.Provisions.Sum(p => p.Words));
    }

    /// <summary>Up to 200 mutations of the Paris text (characters replaced by notation characters or anything up to U+2FFF), then cut.</summary>
    public sealed record Mutation(IReadOnlyList<(double At, char With)> Changes, double Keep, DraftFormat Format)
    {
        public string Apply(string original)
        {
            var chars = original.ToCharArray();
            foreach (var (at, with) in Changes) chars[(int)(at * (chars.Length - 1))] = with;
            return new string(chars, 0, (int)(Keep * chars.Length));
        }

        public override string ToString() => $"{Format}, {Changes.Count} changes, keep {Keep:P0}";
    }

    public static class Mutations
    {
        private const string Notation = "[]{}<>!\\-:^*#`()\n\r\t ";

        public static Arbitrary<Mutation> All() =>
        (
            from count in Gen.Choose(1, 200)
            from changes in Gen.Zip(
                    Gen.Choose(0, 1_000_000).Select(k => k / 1_000_000.0),
                    Gen.Frequency((2, Gen.Elements(Notation.ToCharArray())), (1, Gen.Choose(0, 0x2FFF).Select(c => (char)c))))
                .ListOf(count)
            from keep in Gen.Choose(50, 100).Select(k => k / 100.0)
            from format in Gen.Elements(DraftFormat.Markdown, DraftFormat.PlainText)
            select new Mutation(changes.Select(c => (c.Item1, c.Item2)).ToArray(), keep, format)
        ).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Mutations)], MaxTest = 60, Replay = "(231015,121215)")]
    public void Parse_MutatedParisText_NeverCrashesAndEveryProblemHasAPosition(Mutation mutation)
    {
        string text = mutation.Apply(Paris.Value);

        var d = DraftParser.Parse(text, mutation.Format);

        var lines = text.Split('\n');
        Assert.All(d.Problems.Concat(d.Warnings), p =>
        {
            Assert.InRange(p.Offset, 0, text.Length - 1);
            Assert.InRange(p.Line, 1, lines.Length);
            Assert.InRange(p.Column, 1, lines[p.Line - 1].Length);
            Assert.Equal(p.Offset, text.AsSpan(0, p.Offset).LastIndexOf('\n') + p.Column);
            char expected = p.Kind switch
            {
                DraftProblemKind.UnmatchedClosingBracket => ']',
                DraftProblemKind.UnclosedBracket or DraftProblemKind.BracketCrossesHeading => '[',
                DraftProblemKind.UnclosedNote => '{',
                DraftProblemKind.UnmatchedClosingBrace => '}',
                DraftProblemKind.UnclosedComment => '<',
                _ => text[p.Offset],
            };
            Assert.Equal(expected, text[p.Offset]);
        });
        Assert.Equal(d.Metrics.Text, d.Provisions.Aggregate(default(TextMetrics), (a, p) => a + p.Metrics));
        Assert.All(d.Brackets, b => Assert.True(b.Start < b.End && text[b.Start] == '[' && text[b.End] == ']'));
    }

    [Property(Arbitrary = [typeof(Mutations)], MaxTest = 40, Replay = "(51215,91215)")]
    public void Parse_MutatedParisText_RecoversInOnePassAsARescanWould(Mutation mutation) =>
        SameReading(mutation.Apply(Paris.Value), mutation.Format);

    [Property(Arbitrary = [typeof(DraftArbitraries)], MaxTest = 200, Replay = "(4096,8191)")]
    public void Parse_GeneratedDraftWithStrayOpeners_RecoversInOnePassAsARescanWould(GeneratedDraft draft, NonNegativeInt seed)
    {
        // Insert up to three '[' (some with an attribution header) at places picked from the seed: they stay unclosed.
        var text = draft.Text;
        var random = new Random(seed.Get);
        for (int k = random.Next(1, 4); k > 0; k--)
        {
            int at = random.Next(text.Length + 1);
            text = text.Insert(at, random.Next(3) == 0 ? "[UA: " : random.Next(2) == 0 ? "[" : " [#freeze RU: x ");
        }
        SameReading(text, draft.Format);
    }

    [Fact]
    public void Parse_UnclosedAttributedOpenerBesideAnAlternative_RecoversAsARescanWould()
    {
        const string text = "[a] [UA: b [c] [d] ad ref e\n\n1. [#x RU, EU: f [g]\n\n[RU: h]";
        SameReading(text, DraftFormat.Markdown);
        var d = DraftParser.Parse(text);
        Assert.Equal(2, d.Problems.Count(p => p.Kind == DraftProblemKind.UnclosedBracket));
        Assert.Equal(["RU"], d.Parties.Select(p => p.Party));
    }

    private static void SameReading(string text, DraftFormat format)
    {
        var once = DraftParser.Parse(text, format);
        var twice = DraftParser.ParseByRescan(text, format);

        Assert.Equal(twice.Metrics, once.Metrics);
        Assert.Equal(twice.Brackets.Select(Shape), once.Brackets.Select(Shape));
        Assert.Equal(twice.Provisions.Select(p => p with { Label = null }), once.Provisions.Select(p => p with { Label = null }));
        Assert.Equal(twice.Provisions.Select(p => p.Label), once.Provisions.Select(p => p.Label));
        Assert.Equal(twice.AlternativeGroups.Select(g => string.Join(",", g.Brackets)), once.AlternativeGroups.Select(g => string.Join(",", g.Brackets)));
        Assert.Equal(twice.Parties, once.Parties);
        Assert.Equal(twice.Issues.Select(i => (i.Issue, i.Metrics)), once.Issues.Select(i => (i.Issue, i.Metrics)));
        Assert.Equal(twice.Problems.Select(p => p.Message + p.Offset), once.Problems.Select(p => p.Message + p.Offset));
        Assert.Equal(twice.Warnings.Select(p => p.Message + p.Offset), once.Warnings.Select(p => p.Message + p.Offset));
    }

    private static string Shape(Bracket b) =>
        $"{b.Index} {b.Start}-{b.End} c{b.ContentStart} {b.Line}:{b.Column} d{b.Depth} p{b.Parent} v{b.Provision} g{b.Group} " +
        $"{string.Join(",", b.Parties)} #{b.OptionId} {b.Kind}";

    [Fact]
    public void Parse_EveryPrefixOfASmallDraft_NeverCrashes()
    {
        const string text = "---\nt: x\n---\n## A <!-- issue: t -->\n\n[UA #o: a [b]{n}][c](u) [^1] [d][l]\n\n[l]: /x\n[^1]: f\n```\n[\n```\n";
        for (int n = 0; n <= text.Length; n++)
        {
            var d = DraftParser.Parse(text[..n]);
            Assert.All(d.Problems, p => Assert.InRange(p.Offset, 0, Math.Max(0, n - 1)));
            SameReading(text[..n], DraftFormat.Markdown);
        }
    }
}
