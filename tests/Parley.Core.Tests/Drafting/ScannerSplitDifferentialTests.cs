using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

// TEMPORARY (#17 item 5): the split scanner against the scanner before the split, on every field of the document. Deleted
// with the old scanner.
public sealed class ScannerSplitDifferentialTests
{
    private static string Dump(DraftDocument d)
    {
        var sb = new StringBuilder();
        foreach (var b in d.Brackets)
            sb.Append($"B {b.Index} {b.Start}-{b.End} c{b.ContentStart} {b.Line}:{b.Column} d{b.Depth} p{b.Parent} v{b.Provision} g{b.Group} {string.Join(",", b.Parties)} #{b.OptionId} {b.Kind}\n");
        foreach (var g in d.AlternativeGroups) sb.Append($"G {g.Index} {string.Join(",", g.Brackets)}\n");
        foreach (var p in d.Provisions) sb.Append($"P {p with { Label = null }} {p.Label}\n");
        foreach (var s in d.Sections) sb.Append($"S {s}\n");
        foreach (var n in d.Notes) sb.Append($"N {n}\n");
        foreach (var o in d.OptionLabels) sb.Append($"O {o}\n");
        foreach (var p in d.Problems) sb.Append($"X {p.Line}:{p.Column} {p.Offset} {p.Kind} {p.Message}\n");
        foreach (var p in d.Warnings) sb.Append($"W {p.Line}:{p.Column} {p.Offset} {p.Kind} {p.Message}\n");
        foreach (var m in d.Markup) sb.Append($"M {m}\n");
        foreach (var p in d.Parties) sb.Append($"Y {p}\n");
        foreach (var i in d.Issues) sb.Append($"I {i.Issue} {string.Join(",", i.Provisions)} {i.Metrics}\n");
        sb.Append($"T {d.Metrics}\n");
        return sb.ToString();
    }

    private static void Same(string text)
    {
        foreach (var format in new[] { DraftFormat.Markdown, DraftFormat.PlainText })
        {
            var expected = Dump(LegacyDraftParser.Parse(text, format));
            var actual = Dump(DraftParser.Parse(text, format));
            if (expected != actual)
            {
                var e = expected.Split('\n');
                var a = actual.Split('\n');
                int k = 0;
                while (k < Math.Min(e.Length, a.Length) && e[k] == a[k]) k++;
                Assert.Fail($"{format}: first difference at dump line {k}:\n old: {(k < e.Length ? e[k] : "")}\n new: {(k < a.Length ? a[k] : "")}");
            }
        }
    }

    public static IEnumerable<object[]> Files()
    {
        var dirs = new[] { Path.Combine(SharedData.RepoRoot(), "tests", "data", "drafts"), "/work/shared/data/drafts" };
        foreach (var dir in dirs.Where(Directory.Exists))
            foreach (var f in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)) yield return [f];
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Split_RealDraft_SameDocument(string path)
    {
        var text = File.ReadAllText(path);
        Same(text);
        Same(text + "\n\n" + text + "\n\n" + text);
    }

    [Property(Arbitrary = [typeof(DraftArbitraries)], MaxTest = 1000, Replay = "(17,5)")]
    public void Split_GeneratedDraft_SameDocument(GeneratedDraft draft, NonNegativeInt seed)
    {
        var text = draft.Text;
        var random = new Random(seed.Get);
        const string inserts = "[]{}<>\n\n  \n    ";
        string[] pieces = ["[UA: ", "[#x RU: ", "<!-- issue: t -->", "<!--", "[^1]", "\n[^1]: {n\n\n    m}\n", "[l]", "\n\n[l]: /u\n",
            "](u)", "\n(f) Option 1: ", "\n**[Option 2**", "\nOption 1bis: ", "\n## H\n", "\n---\n", "\n```\n", "\\[", "ad ref",
            "{:toc}", "\n- ", "\n12. ", "\nArticle 3\n", "*", "_", "\t", "\r\n", "…", "placeholder"];
        for (int k = random.Next(0, 12); k > 0; k--)
        {
            int at = random.Next(text.Length + 1);
            string piece = random.Next(3) == 0 ? inserts[random.Next(inserts.Length)].ToString() : pieces[random.Next(pieces.Length)];
            text = text.Insert(at, piece);
        }
        if (random.Next(5) == 0) text = "---\ntitle: x\n" + (random.Next(2) == 0 ? "---\n" : "") + text;
        Same(text);
    }

    [Property(Arbitrary = [typeof(DraftParserPropertyTests.Mutations)], MaxTest = 150, Replay = "(1717,55)")]
    public void Split_MutatedParisText_SameDocument(DraftParserPropertyTests.Mutation mutation) =>
        Same(mutation.Apply(SharedData.Draft(SharedData.Oct23)));

    [Fact]
    public void Split_EveryPrefixOfSmallDrafts_SameDocument()
    {
        string[] texts =
        [
            "---\nt: x\n---\n## A <!-- issue: t -->\n\n[UA #o: a [b]{n}][c](u) [^1] [d][l]\n\n[l]: /x\n[^1]: f {g\n\n    h}\n```\n[\n```\n",
            "(f) Option 1: [a]\n**[Option 2** – b]\nOption\u00A03bis: c\n\n<!-- issue: p -->\n\n1. Parties [shall][should] ad ref.\n}",
            "PREAMBLE\n\nArticle 4 (x)\n\n- [RU/BY: a [b] c\n  {d}\n\n[e]*[f]* <span>[g]</span> \\[h\\]",
        ];
        foreach (var text in texts)
            for (int n = 0; n <= text.Length; n++) Same(text[..n]);
    }
}
