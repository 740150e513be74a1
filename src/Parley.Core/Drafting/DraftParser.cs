namespace Parley.Core.Drafting;

/// <summary>
/// Reads a bracketed negotiating text (plain text or Markdown) into a <see cref="DraftDocument"/>. Pure: takes a string,
/// touches no file. Never throws on bad input: unbalanced brackets, braces and comments become
/// <see cref="DraftDocument.Problems"/> with line and column, and the rest of the text is still measured. The notation is
/// described in docs/drafting.md.
/// </summary>
public static class DraftParser
{
    /// <summary>Parses <paramref name="text"/> in one pass (see docs/drafting.md for the notation and the recovery rules).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static DraftDocument Parse(string text, DraftFormat format = DraftFormat.Markdown)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new DraftScanner(text, format, null);
        scanner.Run();
        // Recover like a compiler: each '[' never closed is reported and read as plain text (corrected in place).
        var problems = scanner.Unclosed
            .Select(u => scanner.Brackets[u])
            .Select(b => Diagnostics.Create(text, b.Start, b.Start - (b.Column - 1), b.Line, DraftProblemKind.UnclosedBracket))
            .ToList();
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
        var problems = unclosed
            .Select(b => Diagnostics.Create(text, b.Start, b.Start - (b.Column - 1), b.Line, DraftProblemKind.UnclosedBracket))
            .ToList();
        return Build(text, format, second, problems);
    }

    private static DraftDocument Build(string text, DraftFormat format, DraftScanner s, List<DraftProblem> extra)
    {
        // The scanner's list is the document's: no copy of what can be hundreds of thousands of brackets.
        var brackets = s.Brackets.AsReadOnly();
        var members = new int[s.GroupCount];
        foreach (var b in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Brackets))
        {
            if (b.Group >= 0) members[b.Group]++;
        }
        var groupBrackets = members.Select(m => new int[m]).ToArray();
        Array.Clear(members);
        foreach (var b in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Brackets))
        {
            if (b.Group >= 0) groupBrackets[b.Group][members[b.Group]++] = b.Index;
        }
        var groups = groupBrackets.Select((g, i) => new AlternativeGroup(i, g)).ToArray();
        var (provisions, sections) = Structure(s.Blocks);
        var problems = s.Problems.Concat(extra).OrderBy(p => p.Offset).ToArray();
        var parties = s.PartyIndex
            .OrderBy(kv => kv.Value)
            .Select(kv => new PartyMetrics(kv.Key, s.PartyCounts[kv.Value].Brackets, s.PartyCounts[kv.Value].Words))
            .ToArray();
        var warnings = brackets.Count == 0 ? [] : Diagnostics.CrossedHeadings(text, brackets, provisions).ToArray();
        return new DraftDocument(text, format, brackets, groups, provisions, sections, s.Notes.ToArray(),
            s.Options.ToArray(), problems, warnings, s.Markup.ToArray(), parties);
    }

    /// <summary>Links provisions to sections (by heading level) and resolves each provision's issue tag.</summary>
    private static (Provision[], Section[]) Structure(List<BlockData> blocks)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(blocks);
        var provisions = new Provision[span.Length];
        var sectionHeads = new List<(BlockData Block, int Parent, string? Issue)>();
        var open = new List<int>();
        var sectionOf = new int[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            ref readonly var b = ref span[i];
            if (b.Kind == ProvisionKind.Heading)
            {
                while (open.Count > 0 && sectionHeads[open[^1]].Block.Level >= b.Level) open.RemoveAt(open.Count - 1);
                int parent = open.Count > 0 ? open[^1] : -1;
                string? inherited = parent >= 0 ? sectionHeads[parent].Issue : null;
                sectionHeads.Add((b, parent, b.OwnIssue ?? inherited));
                open.Add(sectionHeads.Count - 1);
            }
            int section = open.Count > 0 ? open[^1] : -1;
            sectionOf[i] = section;
            provisions[i] = new Provision
            {
                Index = i,
                Kind = b.Kind,
                Start = b.Start,
                End = b.End,
                StartLine = b.StartLine,
                EndLine = b.EndLine,
                Section = section,
                Label = b.Label,
                Issue = b.OwnIssue ?? b.CarriedIssue ?? (section >= 0 ? sectionHeads[section].Issue : null),
                AdReferendum = b.AdReferendum,
                Metrics = new TextMetrics(b.Words, b.AgreedWords, b.Chars, b.AgreedChars, b.Opens, b.MaxDepth),
            };
        }
        var totals = new TextMetrics[sectionHeads.Count];
        for (int i = 0; i < provisions.Length; i++)
        {
            for (int s = sectionOf[i]; s >= 0; s = sectionHeads[s].Parent) totals[s] += provisions[i].Metrics;
        }
        var sections = sectionHeads.Select((h, i) => new Section
        {
            Index = i,
            Heading = h.Block.Index,
            Level = h.Block.Level,
            Title = h.Block.Title,
            Parent = h.Parent,
            Metrics = totals[i],
        }).ToArray();
        return (provisions, sections);
    }
}
