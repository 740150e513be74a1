namespace Parley.Core.Drafting;

/// <summary>
/// Reads a long draft on two cores with the same result as one <see cref="DraftScanner"/> reading it in order. The text is
/// cut at a line start near its middle, after an empty line (<see cref="SplitPoint"/>). One scanner reads the first part as
/// usual; the other reads the second part speculatively, assuming that nothing is open where it starts (no bracket, block,
/// fence, footnote, note, comment or carried issue tag), and records each line start where its state is settled in that
/// way (<see cref="DraftScanner.SettledAt"/>), with how much it had found there (<see cref="Mark"/>).
/// <para>
/// When the first scanner reaches the cut, it reads on until a line start where both scanners were settled: from there
/// on the two would read alike (neither depends on what came before but for what it found and the sections open, which are
/// resolved again), so the first takes over what the second found after that line (<see cref="DraftScanner.Adopt"/>) and
/// stops. Usually that is the cut itself. When the assumption was wrong (a bracket, fence or comment open across the cut,
/// as when the opener left unclosed at the end of one copy of a text is closed by the stray <c>]</c> of the next), the
/// first scanner reads on to the next such line; if there is none among the first <see cref="MarksKept"/> settled lines
/// of the second part, it reads the whole text in order, as if there had been no second scanner.
/// </para>
/// </summary>
internal static class SplitScan
{
    /// <summary>Settled line starts recorded by the second scanner: enough to find the join, few enough to cost nothing.</summary>
    public const int MarksKept = 4096;

    /// <summary>A settled line start of the second scanner and the lengths of its lists there.</summary>
    public readonly record struct Mark(
        int Offset, int Brackets, int Groups, int Provisions, int Heads, int Notes, int Options, int Markup, int Problems);

    /// <summary>
    /// The cut: the first line start at or after the middle of <paramref name="text"/> that follows an empty line and is
    /// neither empty nor indented; -1 when there is none.
    /// </summary>
    public static int SplitPoint(string text)
    {
        for (int k = text.IndexOf("\n\n", text.Length / 2, StringComparison.Ordinal); k >= 0;
             k = k + 2 < text.Length ? text.IndexOf("\n\n", k + 2, StringComparison.Ordinal) : -1)
        {
            int start = k + 2;
            while (start < text.Length && text[start] == '\n') start++;
            if (start < text.Length && text[start] is not (' ' or '\t' or '\r')) return start;
        }
        return -1;
    }

    /// <summary>
    /// Reads <paramref name="text"/> cut at <paramref name="split"/> (a line start, 0 &lt; split &lt; length) on two threads.
    /// Returns a scanner holding the whole reading, and in <paramref name="joinedAt"/> the line start from which the second
    /// scanner's reading was taken, or -1 when the text was read in order.
    /// </summary>
    public static DraftScanner Run(string text, DraftFormat format, int split, out int joinedAt)
    {
        if (split <= 0 || split >= text.Length || text[split - 1] != '\n')
            throw new ArgumentOutOfRangeException(nameof(split), split, "The cut must be a line start inside the text.");
        DraftPrescan head = default, tail = default;
        Parallel.Invoke(() => head = DraftPrescan.Of(text, 0, split), () => tail = DraftPrescan.Of(text, split, text.Length));
        var whole = DraftPrescan.Join(head, tail);
        var labels = MarkupPass.Labels(text, format == DraftFormat.Markdown, whole);
        var (firstLists, secondLists) = ScanLists.Adjoining(text, split, head, tail);
        var first = new DraftScanner(text, format, null, whole, null, null, firstLists);
        var second = new DraftScanner(text, format, null, tail, whole, (split, 1 + head.LineFeeds, labels), secondLists);
        var marks = new ValueList<Mark>();
        // An action, not a function returning the reading's bool: Task.Run<bool> is framework code not precompiled.
        var speculation = Task.Run(() =>
        {
            second.Read(split, i =>
            {
                if (marks.Count < MarksKept && second.SettledAt(i)) marks.Add(second.Mark(i));
                return false;
            });
        });
        first.Read(split, _ => true);
        speculation.GetAwaiter().GetResult();
        int next = 0;
        var join = default(Mark);
        bool joined = first.Read(split, i =>
        {
            while (next < marks.Count && marks[next].Offset < i) next++;
            if (next == marks.Count || marks[next].Offset != i || !first.SettledAt(i)) return false;
            join = marks[next];
            return true;
        });
        joinedAt = joined ? join.Offset : -1;
        if (joined) first.Adopt(second, join);
        return first;
    }
}

/// <summary>
/// The large lists of a scanner: brackets, their segment marks and provisions. For a split reading they share arrays
/// (<see cref="ValueList{T}.Adjoining"/>), the first scanner's lists in front, so that when it takes over what the second
/// found (<see cref="DraftScanner.Adopt"/>) the second's brackets and provisions move down within memory already written
/// instead of being copied into the first's untouched room (a quarter of a million brackets in a 50 MB draft).
/// </summary>
internal sealed record ScanLists(ValueList<Bracket> Brackets, ValueList<int> SegmentMarks, ValueList<Provision> Provisions)
{
    /// <summary>The stretch after the cut whose brackets and lines the first scanner gets room for, as it reads on to the join.</summary>
    internal const int ReadOnRoom = 1 << 20;

    /// <summary>
    /// Lists for the scanner of the text before <paramref name="split"/> (room for its part, <paramref name="head"/>, and for
    /// reading on <see cref="ReadOnRoom"/> characters past the cut; beyond that it takes arrays of its own and the join
    /// copies) and for the scanner of the part after it, <paramref name="tail"/>.
    /// </summary>
    public static (ScanLists First, ScanLists Second) Adjoining(string text, int split, DraftPrescan head, DraftPrescan tail)
    {
        var on = text.AsSpan(split, Math.Min(ReadOnRoom, text.Length - split));
        int opensOn = on.Count('['), linesOn = on.Count('\n') + 1;
        var (firstBrackets, secondBrackets) = ValueList<Bracket>.Adjoining(head.Opens + opensOn, tail.Opens);
        var (firstMarks, secondMarks) = ValueList<int>.Adjoining(head.Opens + opensOn, tail.Opens);
        var (firstProvisions, secondProvisions) = ValueList<Provision>.Adjoining(head.ProvisionBound + linesOn, tail.ProvisionBound);
        return (new ScanLists(firstBrackets, firstMarks, firstProvisions), new ScanLists(secondBrackets, secondMarks, secondProvisions));
    }
}
