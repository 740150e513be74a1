namespace Parley.Core.Drafting;

/// <summary>
/// Reads a bracketed negotiating text (plain text or Markdown) into a <see cref="DraftDocument"/>. Pure: takes a string,
/// touches no file. Never throws on bad input: unbalanced brackets, braces and comments become
/// <see cref="DraftDocument.Problems"/> with line and column, and the rest of the text is still measured. The notation is
/// described in docs/drafting.md.
/// </summary>
public static class DraftParser
{
    /// <summary>Below this many characters one thread reads the text: starting a second costs more than it saves.</summary>
    internal const int SplitFrom = 1 << 20;

    /// <summary>
    /// Parses <paramref name="text"/> in one pass (see docs/drafting.md for the notation and the recovery rules). A text of
    /// a million characters or more is read on two cores when there are two (<see cref="SplitScan"/>), with the same result.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static DraftDocument Parse(string text, DraftFormat format = DraftFormat.Markdown)
    {
        ArgumentNullException.ThrowIfNull(text);
        int split = text.Length >= SplitFrom && Environment.ProcessorCount > 1 ? SplitScan.SplitPoint(text) : -1;
        return ParseCut(text, format, split, out _);
    }

    /// <summary>
    /// Parses <paramref name="text"/> cut at line start <paramref name="split"/> into two parts read on two threads
    /// (<see cref="SplitScan"/>), or in one when it is -1; <paramref name="joinedAt"/> tells where the second part's
    /// reading was taken over from, or -1 when the text was read in order.
    /// </summary>
    internal static DraftDocument ParseCut(string text, DraftFormat format, int split, out int joinedAt)
    {
        DraftScanner scanner;
        if (split < 0)
        {
            scanner = new DraftScanner(text, format, null);
            scanner.Run();
            joinedAt = -1;
        }
        else
        {
            scanner = SplitScan.Run(text, format, split, out joinedAt);
        }
        // Recover like a compiler: each '[' never closed is reported and read as plain text (corrected in place).
        var problems = new List<DraftProblem>(scanner.Unclosed.Count);
        foreach (int u in scanner.Unclosed) problems.Add(UnclosedAt(text, scanner.Brackets[u]));
        scanner.RecoverUnclosed();
        return Build(text, format, scanner, problems);
    }

    /// <summary>
    /// The same reading by brute force, to check <see cref="Parse"/>'s in-place recovery against: scan once to find the
    /// openers never closed, then scan again reading them as text.
    /// </summary>
    internal static DraftDocument ParseByRescan(string text, DraftFormat format)
    {
        var first = new DraftScanner(text, format, null);
        first.Run();
        var unclosed = first.Unclosed.Select(u => first.Brackets[u]).ToArray();
        var second = new DraftScanner(text, format, unclosed.Select(b => b.Start).ToHashSet());
        second.Run();
        var problems = unclosed.Select(b => UnclosedAt(text, b)).ToList();
        return Build(text, format, second, problems);
    }

    private static DraftProblem UnclosedAt(string text, in Bracket b) =>
        Diagnostics.Create(text, b.Start, b.Start - (b.Column - 1), b.Line, DraftProblemKind.UnclosedBracket);

    private static DraftDocument Build(string text, DraftFormat format, DraftScanner s, List<DraftProblem> extra)
    {
        // Three independent summaries of the scanner's lists (which become the document's, not copied): for a long text on
        // two cores at once, as the text was read.
        AlternativeGroup[] groups = [];
        Section[] sections = [];
        DraftProblem[] warnings = [];
        if (text.Length >= SplitFrom && Environment.ProcessorCount > 1)
        {
            Parallel.Invoke(
                () => groups = Groups(s),
                () =>
                {
                    sections = Sections(s);
                    warnings = Warnings(text, s);
                });
        }
        else
        {
            groups = Groups(s);
            sections = Sections(s);
            warnings = Warnings(text, s);
        }
        var problems = s.Problems.Concat(extra).OrderBy(p => p.Offset).ToArray();
        // Each party's index is its position: placed directly, without Linq's ordering over key-value pairs (not precompiled).
        var parties = new PartyMetrics[s.PartyIndex.Count];
        foreach (var (party, k) in s.PartyIndex) parties[k] = new PartyMetrics(party, s.PartyCounts[k].Brackets, s.PartyCounts[k].Words);
        return new DraftDocument(text, format, s.Brackets, groups, s.Provisions, sections, s.Notes.AsReadOnly(),
            s.Options.AsReadOnly(), problems, warnings, s.Markup, parties);
    }

    /// <summary>The alternative groups, each with the indexes of its brackets in order.</summary>
    private static AlternativeGroup[] Groups(DraftScanner s)
    {
        var brackets = s.Brackets.AsSpan();
        var members = new int[s.GroupCount];
        foreach (ref readonly var b in brackets)
        {
            if (b.Group >= 0) members[b.Group]++;
        }
        var groupBrackets = new int[members.Length][];
        for (int g = 0; g < members.Length; g++) groupBrackets[g] = new int[members[g]];
        Array.Clear(members);
        foreach (ref readonly var b in brackets)
        {
            if (b.Group >= 0) groupBrackets[b.Group][members[b.Group]++] = b.Index;
        }
        var groups = new AlternativeGroup[groupBrackets.Length];
        for (int g = 0; g < groups.Length; g++) groups[g] = new AlternativeGroup(g, groupBrackets[g]);
        return groups;
    }

    private static DraftProblem[] Warnings(string text, DraftScanner s) =>
        s.Brackets.Count == 0 ? [] : Diagnostics.CrossedHeadings(text, s.Brackets.AsSpan(), s.Provisions.AsSpan());

    /// <summary>Sections with their totals: each provision's counts added to its section and every section above it.</summary>
    private static Section[] Sections(DraftScanner s)
    {
        var heads = s.SectionHeads.AsSpan();
        var totals = new TextMetrics[heads.Length];
        foreach (ref readonly var p in s.Provisions.AsSpan())
        {
            for (int k = p.Section; k >= 0; k = heads[k].Parent) totals[k] += p.Metrics;
        }
        var sections = new Section[heads.Length];
        for (int i = 0; i < sections.Length; i++)
        {
            sections[i] = new Section
            {
                Index = i,
                Heading = heads[i].Provision,
                Level = heads[i].Level,
                Title = heads[i].Title,
                Parent = heads[i].Parent,
                Metrics = totals[i],
            };
        }
        return sections;
    }
}
