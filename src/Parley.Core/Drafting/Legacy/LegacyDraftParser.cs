using System.Runtime.InteropServices;

namespace Parley.Core.Drafting;

// TEMPORARY: the parser over the scanner before the split, to compare outputs while refactoring (#17 item 5). Deleted after.
internal static class LegacyDraftParser
{
    public static DraftDocument Parse(string text, DraftFormat format = DraftFormat.Markdown)
    {
        var scanner = new LegacyDraftScanner(text, format, null);
        scanner.Run();
        var problems = scanner.Unclosed
            .Select(u => scanner.Brackets[u])
            .Select(b => Diagnostics.Create(text, b.Start, b.Start - (b.Column - 1), b.Line, DraftProblemKind.UnclosedBracket))
            .ToList();
        scanner.RecoverUnclosed();
        return Build(text, format, scanner, problems);
    }

    private static DraftDocument Build(string text, DraftFormat format, LegacyDraftScanner s, List<DraftProblem> extra)
    {
        // The scanner's list is the document's: no copy of what can be hundreds of thousands of brackets.
        var brackets = s.Brackets.AsReadOnly();
        var members = new int[s.GroupCount];
        foreach (var b in CollectionsMarshal.AsSpan(s.Brackets))
        {
            if (b.Group >= 0) members[b.Group]++;
        }
        var groupBrackets = members.Select(m => new int[m]).ToArray();
        Array.Clear(members);
        foreach (var b in CollectionsMarshal.AsSpan(s.Brackets))
        {
            if (b.Group >= 0) groupBrackets[b.Group][members[b.Group]++] = b.Index;
        }
        var groups = groupBrackets.Select((g, i) => new AlternativeGroup(i, g)).ToArray();
        // Like the brackets, the provisions are the scanner's list, not a copy.
        var provisions = s.Provisions.AsReadOnly();
        var sections = Sections(s);
        var problems = s.Problems.Concat(extra).OrderBy(p => p.Offset).ToArray();
        var parties = s.PartyIndex
            .OrderBy(kv => kv.Value)
            .Select(kv => new PartyMetrics(kv.Key, s.PartyCounts[kv.Value].Brackets, s.PartyCounts[kv.Value].Words))
            .ToArray();
        var warnings = brackets.Count == 0 ? []
            : Diagnostics.CrossedHeadings(text, CollectionsMarshal.AsSpan(s.Brackets),
                CollectionsMarshal.AsSpan(s.Provisions));
        return new DraftDocument(text, format, brackets, groups, provisions, sections, s.Notes.AsReadOnly(),
            s.Options.AsReadOnly(), problems, warnings, s.Markup.AsReadOnly(), parties);
    }

    /// <summary>Sections with their totals: each provision's counts added to its section and every section above it.</summary>
    private static Section[] Sections(LegacyDraftScanner s)
    {
        var heads = CollectionsMarshal.AsSpan(s.SectionHeads);
        var totals = new TextMetrics[heads.Length];
        foreach (ref readonly var p in CollectionsMarshal.AsSpan(s.Provisions))
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
