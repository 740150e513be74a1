using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parley.Core.Drafting;

namespace Parley.Core.Tests.Drafting;

/// <summary>A bracket the generator writes: its header and its content.</summary>
public sealed record GenBracket(string[] Parties, string? Option, IReadOnlyList<GenSegment> Content);

/// <summary>A word, then possibly a bracket or a group of side-by-side alternatives.</summary>
public sealed record GenSegment(string Word, IReadOnlyList<GenBracket> Group, bool Adjacent);

/// <summary>A draft with a known structure: paragraphs of segments, in plain text or Markdown.</summary>
public sealed record GeneratedDraft(IReadOnlyList<IReadOnlyList<GenSegment>> Paragraphs, DraftFormat Format)
{
    /// <summary>What the parser must find in <see cref="Text"/>, computed while writing it.</summary>
    public sealed record Expected(
        List<(int Depth, int Parent, string Parties, string? Option, int Group)> Brackets,
        List<(long Words, long Agreed, long Chars, int Opens, int MaxDepth)> Provisions,
        int Groups,
        Dictionary<string, (int Brackets, long Words)> Parties);

    public string Text => Write().Text;

    public Expected Structure => Write().Expected;

    public override string ToString() => Format + ":\n" + Text;

    private (string Text, Expected Expected) Write()
    {
        var sb = new StringBuilder();
        var expected = new Expected([], [], 0, new(StringComparer.Ordinal));
        int groups = 0;
        foreach (var paragraph in Paragraphs)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            var p = new Counts();
            WriteSegments(sb, paragraph, depth: 0, parent: -1, owner: null, p, expected, ref groups);
            expected.Provisions.Add((p.Words, p.Agreed, p.Chars, p.Opens, p.MaxDepth));
        }
        return (sb.ToString(), expected with { Groups = groups });
    }

    private sealed class Counts
    {
        public long Words, Agreed, Chars;
        public int Opens, MaxDepth;
    }

    private static void WriteSegments(StringBuilder sb, IReadOnlyList<GenSegment> segments, int depth, int parent, string[]? owner,
        Counts p, Expected expected, ref int groups)
    {
        for (int s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (s > 0) sb.Append(' ');
            sb.Append(segment.Word);
            p.Words++;
            p.Chars += segment.Word.Length;
            if (depth == 0) p.Agreed++;
            foreach (var party in owner ?? []) Bump(expected, party, 0, 1);
            int group = -1, first = -1;
            for (int b = 0; b < segment.Group.Count; b++)
            {
                var bracket = segment.Group[b];
                sb.Append(b == 0 || !segment.Adjacent ? " " : "");
                int index = expected.Brackets.Count;
                if (b == 0) first = index;
                if (b == 1)
                {
                    group = groups++;
                    expected.Brackets[first] = expected.Brackets[first] with { Group = group };
                }
                expected.Brackets.Add((depth + 1, parent, string.Join(", ", bracket.Parties), bracket.Option, group));
                p.Opens++;
                p.MaxDepth = Math.Max(p.MaxDepth, depth + 1);
                foreach (var party in bracket.Parties) Bump(expected, party, 1, 0);
                sb.Append('[');
                if (bracket.Option is not null) sb.Append('#').Append(bracket.Option).Append(bracket.Parties.Length > 0 ? " " : "");
                sb.Append(string.Join(", ", bracket.Parties));
                if (bracket.Option is not null || bracket.Parties.Length > 0) sb.Append(": ");
                WriteSegments(sb, bracket.Content, depth + 1, index, bracket.Parties.Length > 0 ? bracket.Parties : owner, p, expected, ref groups);
                sb.Append(']');
            }
        }
    }

    private static void Bump(Expected e, string party, int brackets, long words)
    {
        var (b, w) = e.Parties.GetValueOrDefault(party);
        e.Parties[party] = (b + brackets, w + words);
    }
}

/// <summary>FsCheck generators for drafts.</summary>
public static class DraftArbitraries
{
    private static readonly string[] Words = ["parties", "shall", "should", "finance", "adaptation", "the", "of", "2020", "loss", "mitigation", "État", "über"];
    private static readonly string[] PartyCodes = ["UA", "RU", "EU-27", "G77", "AOSIS"];
    private static readonly string[] Options = ["freeze", "opt-2", "a.b"];

    private static Gen<GenBracket> Bracket(int depth, int size) =>
        from parties in Gen.Frequency((2, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(PartyCodes).Select(l => l.Take(2).ToArray())))
        from option in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements(Options).Select(o => (string?)o)))
        from content in Segments(depth + 1, size / 2)
        select new GenBracket(parties, option, content);

    private static Gen<IReadOnlyList<GenSegment>> Segments(int depth, int size) =>
        Gen.Choose(1, Math.Max(1, Math.Min(5, size))).SelectMany(n => Segment(depth, size).ListOf(n)).Select(l => (IReadOnlyList<GenSegment>)l.ToArray());

    private static Gen<GenSegment> Segment(int depth, int size) =>
        from word in Gen.Elements(Words)
        from brackets in depth >= 6 || size <= 1 ? Gen.Constant(0) : Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
        from alternatives in Bracket(depth, size).ListOf(brackets)
        from adjacent in Gen.Elements(true, false)
        select new GenSegment(word, alternatives.ToArray(), adjacent);

    /// <summary>Drafts of one to five paragraphs, brackets nested up to six deep.</summary>
    public static Arbitrary<GeneratedDraft> Drafts() =>
        Gen.Sized(size =>
            from count in Gen.Choose(1, 5)
            from paragraphs in Segments(0, Math.Max(4, size)).ListOf(count)
            from format in Gen.Elements(DraftFormat.PlainText, DraftFormat.Markdown)
            select new GeneratedDraft(paragraphs.ToArray(), format)).ToArbitrary();
}
