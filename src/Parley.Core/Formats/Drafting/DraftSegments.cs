using System.Text;
using Parley.Core.Drafting;

namespace Parley.Core.Formats.Drafting;

/// <summary>What a <see cref="DraftSegment"/> holds.</summary>
public enum SegmentKind
{
    /// <summary>Words of the text (inside brackets when <see cref="DraftSegment.Depth"/> &gt; 0).</summary>
    Text,

    /// <summary>An opening <c>[</c> with its attribution header, e.g. <c>[UA: </c>.</summary>
    Open,

    /// <summary>A closing <c>]</c>.</summary>
    Close,

    /// <summary>A facilitator note with its braces.</summary>
    Note,

    /// <summary>An HTML comment such as an issue tag, kept so that tags survive a round trip.</summary>
    Comment,
}

/// <summary>A run of a provision's display text with the bracket depth and parties in force.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The characters to show; line breaks inside a paragraph become spaces.</param>
/// <param name="Depth">Bracket depth at this run (for <see cref="SegmentKind.Open"/> and <see cref="SegmentKind.Close"/>: the bracket's own depth).</param>
/// <param name="Parties">Parties of the nearest attributed bracket enclosing the run; empty when none.</param>
public sealed record DraftSegment(SegmentKind Kind, string Text, int Depth, IReadOnlyList<string> Parties);

/// <summary>One provision ready for export: a heading level (0 for a paragraph) and its segments.</summary>
/// <param name="HeadingLevel">1–6 for a heading, 0 for a paragraph.</param>
/// <param name="Segments">Its runs in order.</param>
public sealed record DraftBlock(int HeadingLevel, IReadOnlyList<DraftSegment> Segments);

/// <summary>
/// Cuts a parsed draft into display runs for the exporters. Markdown markup is left out (front matter, link syntax, footnote
/// marks, heading marks, tags, attribute lists) and so are emphasis asterisks; none of these hold words, so the figures of
/// the exported text equal the original's.
/// </summary>
public static class DraftSegments
{
    /// <summary>The provisions of <paramref name="document"/> as display blocks; empty provisions are left out.</summary>
    public static IReadOnlyList<DraftBlock> Of(DraftDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string t = document.Text;
        bool md = document.Format == DraftFormat.Markdown;
        // Events by offset: what happens at each special position.
        var opens = document.Brackets.ToDictionary(b => b.Start);
        var closes = document.Brackets.ToDictionary(b => b.End);
        var notes = document.Notes.ToDictionary(n => n.Start);
        var markup = new Dictionary<int, int>();
        foreach (var m in document.Markup) markup[m.Start] = Math.Max(markup.GetValueOrDefault(m.Start), m.End);
        var stack = new List<Bracket>();
        var blocks = new List<DraftBlock>();
        foreach (var p in document.Provisions)
        {
            var segments = new List<DraftSegment>();
            var run = new StringBuilder();
            void Flush()
            {
                if (run.Length == 0) return;
                segments.Add(new DraftSegment(SegmentKind.Text, run.ToString(), stack.Count, Parties(stack)));
                run.Clear();
            }
            int i = p.Start;
            while (i < p.End)
            {
                if (markup.TryGetValue(i, out int markupEnd))
                {
                    if (string.CompareOrdinal(t, i, "<!--", 0, 4) == 0)
                    {
                        Flush();
                        segments.Add(new DraftSegment(SegmentKind.Comment, Flat(t[i..markupEnd]), stack.Count, Parties(stack)));
                    }
                    i = markupEnd;
                    continue;
                }
                if (opens.TryGetValue(i, out var open))
                {
                    Flush();
                    stack.Add(open);
                    segments.Add(new DraftSegment(SegmentKind.Open, t[i..open.ContentStart], open.Depth, Parties(stack)));
                    i = open.ContentStart;
                    continue;
                }
                if (closes.TryGetValue(i, out var close))
                {
                    Flush();
                    segments.Add(new DraftSegment(SegmentKind.Close, "]", close.Depth, Parties(stack)));
                    stack.Remove(close);
                    i++;
                    continue;
                }
                if (notes.TryGetValue(i, out var note))
                {
                    Flush();
                    segments.Add(new DraftSegment(SegmentKind.Note, Flat(t[note.Start..(note.End + 1)]), stack.Count, Parties(stack)));
                    i = note.End + 1;
                    continue;
                }
                char c = t[i];
                if (md && c == '\\' && i + 1 < p.End && char.IsAsciiLetterOrDigit(t[i + 1]) == false && t[i + 1] > ' ')
                {
                    run.Append(t[i + 1]);
                    i += 2;
                    continue;
                }
                if (!(md && c == '*') && c != '\r') run.Append(c is '\n' or '\t' ? ' ' : c);
                i++;
            }
            Flush();
            Trim(segments);
            if (segments.Count > 0) blocks.Add(new DraftBlock(p.Kind == ProvisionKind.Heading ? Level(document, p) : 0, segments));
        }
        return blocks;
    }

    private static int Level(DraftDocument d, Provision p) => d.Sections.First(s => s.Heading == p.Index).Level;

    private static IReadOnlyList<string> Parties(List<Bracket> stack)
    {
        for (int k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Parties.Count > 0) return stack[k].Parties;
        }
        return [];
    }

    private static string Flat(string s) => s.Replace("\r", "").Replace('\n', ' ');

    /// <summary>Trims white space at both ends of a block and collapses runs of blanks.</summary>
    private static void Trim(List<DraftSegment> segments)
    {
        for (int k = 0; k < segments.Count; k++)
        {
            if (segments[k].Kind != SegmentKind.Text) continue;
            string text = string.Join(' ', segments[k].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (segments[k].Text.StartsWith(' ') && k > 0 && text.Length > 0) text = " " + text;
            if (segments[k].Text.EndsWith(' ') && k < segments.Count - 1 && text.Length > 0) text += " ";
            if (text.Length == 0 && k > 0 && k < segments.Count - 1 && segments[k].Text.Length > 0) text = " ";
            segments[k] = segments[k] with { Text = text };
        }
        segments.RemoveAll(s => s.Kind == SegmentKind.Text && s.Text.Length == 0);
    }
}
