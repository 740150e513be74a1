namespace Parley.Core.Drafting;

/// <summary>
/// A parsed draft: its text and everything found in it. Immutable; build one with <see cref="DraftParser.Parse"/>.
/// Offsets in every part refer to <see cref="Text"/>.
/// </summary>
public sealed class DraftDocument
{
    internal DraftDocument(
        string text,
        DraftFormat format,
        ValueList<Bracket> brackets,
        IReadOnlyList<AlternativeGroup> groups,
        ValueList<Provision> provisions,
        IReadOnlyList<Section> sections,
        IReadOnlyList<FacilitatorNote> notes,
        IReadOnlyList<OptionLabel> options,
        IReadOnlyList<DraftProblem> problems,
        IReadOnlyList<DraftProblem> warnings,
        IReadOnlyList<MarkupSpan> markup,
        IReadOnlyList<PartyMetrics> parties)
    {
        int topLevel = 0, placeholders = 0;
        // By reference over the lists themselves, not through IReadOnlyList: a large draft has hundreds of thousands of each.
        for (int i = 0; i < brackets.Count; i++)
        {
            ref readonly var b = ref brackets[i];
            if (b.Parent < 0) topLevel++;
            if (b.Kind == BracketKind.Placeholder) placeholders++;
        }
        Text = text;
        Format = format;
        Brackets = brackets;
        AlternativeGroups = groups;
        Provisions = provisions;
        Sections = sections;
        Notes = notes;
        OptionLabels = options;
        Problems = problems;
        Warnings = warnings;
        Markup = markup;
        Parties = parties;
        // One walk over the provisions for the totals; the per-issue grouping only when some provision is tagged.
        var total = default(TextMetrics);
        int adReferendum = 0;
        bool tagged = false;
        for (int i = 0; i < provisions.Count; i++)
        {
            ref readonly var p = ref provisions[i];
            total += p.Metrics;
            if (p.AdReferendum) adReferendum++;
            tagged |= p.Issue is not null;
        }
        Issues = !tagged ? [] : provisions
            .Where(p => p.Issue is not null)
            .GroupBy(p => p.Issue!, StringComparer.Ordinal)
            .Select(g => new IssueMetrics(g.Key, g.Select(p => p.Index).ToArray(), g.Aggregate(default(TextMetrics), (m, p) => m + p.Metrics)))
            .ToArray();
        // Plain loops rather than Linq's Sum and Count: those, over Parley's types, are not precompiled.
        int alternatives = 0, arabic = 0, unclosed = 0;
        for (int g = 0; g < groups.Count; g++) alternatives += groups[g].Brackets.Count;
        for (int o = 0; o < options.Count; o++)
        {
            if (options[o].Numbering == OptionNumbering.Arabic) arabic++;
        }
        for (int p = 0; p < problems.Count; p++)
        {
            if (problems[p].Kind == DraftProblemKind.UnclosedBracket) unclosed++;
        }
        Metrics = new DraftMetrics
        {
            Text = total,
            TopLevel = topLevel,
            AlternativeGroups = groups.Count,
            Alternatives = alternatives,
            OptionLabels = arabic,
            AllOptionLabels = options.Count,
            Placeholders = placeholders,
            Notes = notes.Count,
            AdReferendum = adReferendum,
            Problems = problems.Count,
            Unclosed = unclosed,
        };
    }

    /// <summary>The text as parsed.</summary>
    public string Text { get; }

    /// <summary>How it was read.</summary>
    public DraftFormat Format { get; }

    /// <summary>Every balanced bracket, in order of its opening <c>[</c>.</summary>
    public IReadOnlyList<Bracket> Brackets { get; }

    /// <summary>Groups of side-by-side alternatives.</summary>
    public IReadOnlyList<AlternativeGroup> AlternativeGroups { get; }

    /// <summary>Headings, paragraphs and list items in order; every word of the text lies in exactly one.</summary>
    public IReadOnlyList<Provision> Provisions { get; }

    /// <summary>Headings with the provisions under them.</summary>
    public IReadOnlyList<Section> Sections { get; }

    /// <summary>Facilitator notes in braces.</summary>
    public IReadOnlyList<FacilitatorNote> Notes { get; }

    /// <summary>"Option" labels at the start of lines.</summary>
    public IReadOnlyList<OptionLabel> OptionLabels { get; }

    /// <summary>Problems in text order; empty for a clean draft.</summary>
    public IReadOnlyList<DraftProblem> Problems { get; }

    /// <summary>Warnings in text order: brackets that balance but cross a heading (<see cref="DraftProblemKind.BracketCrossesHeading"/>).</summary>
    public IReadOnlyList<DraftProblem> Warnings { get; }

    /// <summary>Markdown markup skipped as not being negotiated text (empty for plain text except comments).</summary>
    public IReadOnlyList<MarkupSpan> Markup { get; }

    /// <summary>Per-party counts, in order of first appearance.</summary>
    public IReadOnlyList<PartyMetrics> Parties { get; }

    /// <summary>Per-issue counts over the provisions tagged with each issue, in order of first appearance.</summary>
    public IReadOnlyList<IssueMetrics> Issues { get; }

    /// <summary>Headline figures.</summary>
    public DraftMetrics Metrics { get; }
}
