namespace Parley.Core.Drafting;

/// <summary>Builds <see cref="DraftProblem"/>s with a readable excerpt of the offending line.</summary>
internal static class Diagnostics
{
    private const int Reach = 24;

    public static DraftProblem Create(string text, int offset, int lineStart, int line, DraftProblemKind kind, string detail = "")
    {
        // The excerpt reaches at most 2·Reach past the offset: look no further for the line's end, or 50,000 unclosed
        // brackets on one 100,000-character line cost 5·10⁹ steps.
        int window = Math.Min(text.Length - offset, 2 * Reach + 2);
        int found = text.AsSpan(offset, window).IndexOf('\n');
        int lineEnd = found >= 0 ? offset + found : offset + window;
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

    /// <summary>
    /// One warning per bracket that is opened before a heading and closed after it (top-most such bracket only). Lines come
    /// from what the scan already knows: a bracket's line starts <see cref="Bracket.Column"/> − 1 characters before it, and its
    /// closing bracket lies on the last crossed heading's line plus the line ends between that heading and it.
    /// </summary>
    public static DraftProblem[] CrossedHeadings(string text, ReadOnlySpan<Bracket> brackets, ReadOnlySpan<Provision> provisions)
    {
        // Two lists of int rather than one of tuples, and a binary search of Parley's own (TextProbe.LowerBound): the
        // framework's generic code over a tuple, and Array.BinarySearch<int>, are not precompiled.
        var headingStarts = new List<int>();
        var headingLines = new List<int>();
        foreach (ref readonly var p in provisions)
        {
            if (p.Kind != ProvisionKind.Heading) continue;
            headingStarts.Add(p.Start);
            headingLines.Add(p.StartLine);
        }
        if (headingStarts.Count == 0) return [];
        var starts = headingStarts.ToArray();
        var warnings = new List<DraftProblem>();
        int coveredUntil = -1;
        int first = 0;
        foreach (ref readonly var b in brackets)
        {
            // Brackets come in order of their start, so the first heading after it only moves forward; a bracket crosses a
            // heading exactly when that heading starts before its end.
            while (first < starts.Length && starts[first] <= b.Start) first++;
            if (b.Start < coveredUntil || first == starts.Length || starts[first] >= b.End) continue;
            int last = TextProbe.LowerBound(starts, b.End);
            int crossed = last - first;
            if (crossed <= 0) continue;
            coveredUntil = b.End;
            int headingStart = starts[last - 1], headingLine = headingLines[last - 1];
            int endLine = headingLine + text.AsSpan(headingStart, b.End - headingStart).Count('\n');
            string detail = $"is closed only on line {endLine}, {crossed} heading{(crossed == 1 ? "" : "s")} later";
            warnings.Add(Create(text, b.Start, b.Start - (b.Column - 1), b.Line, DraftProblemKind.BracketCrossesHeading, detail));
        }
        return warnings.ToArray();
    }
}
