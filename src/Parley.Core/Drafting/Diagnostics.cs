namespace Parley.Core.Drafting;

/// <summary>Builds <see cref="DraftProblem"/>s with a readable excerpt of the offending line.</summary>
internal static class Diagnostics
{
    private const int Reach = 24;

    public static DraftProblem Create(string text, int offset, int lineStart, int line, DraftProblemKind kind, string detail = "")
    {
        int lineEnd = text.IndexOf('\n', offset);
        if (lineEnd < 0) lineEnd = text.Length;
        // An unclosed opener is best seen from where it starts; a stray closer from what precedes it.
        int from = kind is DraftProblemKind.UnclosedBracket or DraftProblemKind.UnclosedNote or DraftProblemKind.UnclosedComment
            or DraftProblemKind.BracketCrossesHeading
            ? offset : Math.Max(lineStart, offset - 2 * Reach);
        int to = Math.Min(lineEnd, Math.Max(offset + 1, from + 2 * Reach));
        from = Math.Min(from, offset);
        string excerpt = text[from..to].Replace('\t', ' ').Replace("\r", "").Replace("\"", "'").Trim();
        if (from > lineStart) excerpt = "…" + excerpt;
        if (to < lineEnd) excerpt += "…";
        return new DraftProblem(line, offset - lineStart + 1, offset, kind, excerpt, detail);
    }

    /// <summary>One warning per bracket that is opened before a heading and closed after it (top-most such bracket only).</summary>
    public static IEnumerable<DraftProblem> CrossedHeadings(string text, IReadOnlyList<Bracket> brackets, IReadOnlyList<Provision> provisions)
    {
        LineIndex? lines = null;
        var headings = provisions.Where(p => p.Kind == ProvisionKind.Heading).Select(p => p.Start).ToArray();
        if (headings.Length == 0) yield break;
        int coveredUntil = -1;
        int first = 0;
        foreach (var b in brackets)
        {
            // Brackets come in order of their start, so the first heading after it only moves forward; a bracket crosses a
            // heading exactly when that heading starts before its end.
            while (first < headings.Length && headings[first] <= b.Start) first++;
            if (b.Start < coveredUntil || first == headings.Length || headings[first] >= b.End) continue;
            int last = Array.BinarySearch(headings, b.End);
            if (last < 0) last = ~last;
            int crossed = last - first;
            if (crossed <= 0) continue;
            coveredUntil = b.End;
            lines ??= new LineIndex(text);
            int lineStart = lines.LineStart(b.Start);
            int endLine = lines.Line(b.End);
            string detail = $"is closed only on line {endLine}, {crossed} heading{(crossed == 1 ? "" : "s")} later";
            yield return Create(text, b.Start, lineStart, b.Line, DraftProblemKind.BracketCrossesHeading, detail);
        }
    }
}
