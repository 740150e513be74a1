namespace Parley.Core.Drafting;

/// <summary>
/// Reads a bracketed negotiating text (plain text or Markdown) into a <see cref="DraftDocument"/>. Pure: takes a string,
/// touches no file. Never throws on bad input: unbalanced brackets, braces and comments become
/// <see cref="DraftDocument.Problems"/> with line and column, and the rest of the text is still measured. The notation is
/// described in docs/drafting.md.
/// </summary>
public static class DraftParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static DraftDocument Parse(string text, DraftFormat format = DraftFormat.Markdown)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new DraftScanner(text, format, null);
        scanner.Run();
        var unclosed = scanner.UnclosedOpens.ToHashSet();
        if (unclosed.Count == 0) return Build(text, format, scanner, []);
        // Recover like a compiler: read each unclosed '[' as plain text and measure again. Pairs are unaffected, since an
        // opener left on the stack at the end sits below every bracket opened after it.
        var second = new DraftScanner(text, format, unclosed);
        second.Run();
        var lines = new LineIndex(text);
        var problems = unclosed
            .Select(o => Diagnostics.Create(text, o, lines.LineStart(o), lines.Line(o), DraftProblemKind.UnclosedBracket))
            .ToList();
        return Build(text, format, second, problems);
    }

    private static DraftDocument Build(string text, DraftFormat format, DraftScanner s, List<DraftProblem> extra)
    {
        var brackets = s.Brackets.Select((b, i) => new Bracket
        {
            Index = i,
            Start = b.Start,
            End = b.End,
            ContentStart = b.ContentStart,
            Line = b.Line,
            Column = b.Column,
            Depth = b.Depth,
            Parent = b.Parent,
            Provision = b.Provision,
            Group = b.Group,
            Parties = b.Parties,
            OptionId = b.Option,
            Kind = b.Placeholder ? BracketKind.Placeholder : BracketKind.Disputed,
        }).ToArray();
        var groups = s.Groups.Select((g, i) => new AlternativeGroup(i, g.ToArray())).ToArray();
        var (provisions, sections) = Structure(s.Blocks);
        var problems = s.Problems.Concat(extra).OrderBy(p => p.Offset).ToArray();
        var parties = s.PartyIndex
            .OrderBy(kv => kv.Value)
            .Select(kv => new PartyMetrics(kv.Key, s.PartyCounts[kv.Value].Brackets, s.PartyCounts[kv.Value].Words))
            .ToArray();
        var warnings = s.Brackets.Count == 0 ? [] : Diagnostics.CrossedHeadings(text, brackets, provisions, new LineIndex(text)).ToArray();
        return new DraftDocument(text, format, brackets, groups, provisions, sections, s.Notes.ToArray(),
            s.Options.ToArray(), problems, warnings, s.Markup.ToArray(), parties);
    }

    /// <summary>Links provisions to sections (by heading level) and resolves each provision's issue tag.</summary>
    private static (Provision[], Section[]) Structure(List<BlockBuilder> blocks)
    {
        var provisions = new Provision[blocks.Count];
        var sectionHeads = new List<(BlockBuilder Block, int Parent, string? Issue)>();
        var open = new List<int>();
        var sectionOf = new int[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
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
