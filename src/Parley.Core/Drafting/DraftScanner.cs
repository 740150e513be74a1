namespace Parley.Core.Drafting;

/// <summary>
/// One left-to-right pass over a draft, assembled from parts that each own one concern:
/// <list type="bullet">
/// <item><see cref="DraftPrescan"/> — one vectorised pass first, to size the lists and find where link definitions can be;</item>
/// <item><see cref="DraftTokenizer"/> — the reading loop: text runs, word counts, and dispatch of the characters that matter;</item>
/// <item><see cref="LinePass"/> — what each line begins with: blocks, headings, paragraph and "Option" labels;</item>
/// <item><see cref="MarkupPass"/> — notes, comments, issue tags and Markdown markup inside lines;</item>
/// <item><see cref="BracketMatcher"/> — the bracket stack, alternatives, parties, and recovery from unclosed openers;</item>
/// <item><see cref="ProvisionBuilder"/> — blocks stored as provisions, with their sections and issues;</item>
/// <item><see cref="LineCursor"/> — the line being read, and the problems found with their line and column.</item>
/// </list>
/// Openers listed in <c>ignoredOpens</c> (those a first pass left unclosed) are read as plain text.
/// </summary>
internal sealed class DraftScanner
{
    private readonly DraftTokenizer _tokenizer;
    private readonly LineCursor _cursor;
    private readonly MarkupPass _markup;
    private readonly LinePass _lines;
    private readonly ProvisionBuilder _provisions;
    private readonly BracketMatcher _brackets;
    private readonly bool _md;

    public DraftScanner(string text, DraftFormat format, HashSet<int>? ignoredOpens)
        : this(text, format, ignoredOpens, DraftPrescan.Of(text), null, null, null)
    {
    }

    /// <summary>
    /// A scanner given its prescan: of the whole text (<paramref name="part"/> null), or of the part it is to read
    /// (<see cref="SplitScan"/>), from <c>part.Start</c>, the first character of line <c>part.Line</c>, with the whole
    /// text's prescan in <paramref name="whole"/>; such a scanner leaves sections to <see cref="Adopt"/>. Its large lists
    /// are <paramref name="lists"/> when given.
    /// </summary>
    internal DraftScanner(string text, DraftFormat format, HashSet<int>? ignoredOpens, DraftPrescan prescan, DraftPrescan? whole,
        (int Start, int Line, LinkLabels Labels)? part, ScanLists? lists)
    {
        _md = format == DraftFormat.Markdown;
        var all = whole ?? prescan;
        _cursor = new LineCursor(text);
        _provisions = new ProvisionBuilder(text, _cursor, prescan.ProvisionBound, deferSections: part is not null, lists);
        _brackets = new BracketMatcher(text, _cursor, ignoredOpens, prescan.Opens, lists);
        _markup = new MarkupPass(text, _md, all, part?.Labels ?? MarkupPass.Labels(text, _md, all), _cursor, _provisions);
        _lines = new LinePass(text, _md, _cursor, _provisions, _markup.Spans);
        _tokenizer = new DraftTokenizer(text, _md, prescan.FirstAdRef, _cursor, _brackets, _provisions, _lines, _markup);
        if (part is { } p)
        {
            _cursor.StartAt(p.Start, p.Line);
            _tokenizer.StartAt(p.Start);
        }
    }

    /// <summary>Balanced brackets (and, until <see cref="RecoverUnclosed"/>, the unclosed ones), in order of their <c>[</c>.</summary>
    public ValueList<Bracket> Brackets => _brackets.Brackets;

    /// <summary>Alternative groups; members carry the group's number in <see cref="Bracket.Group"/>.</summary>
    public int GroupCount => _brackets.GroupCount;

    /// <summary>Indexes in <see cref="Brackets"/> of the openers still open at the end of the text, outermost first.</summary>
    public IReadOnlyList<int> Unclosed => _brackets.Unclosed;

    /// <summary>Each party's position in <see cref="PartyCounts"/>.</summary>
    public Dictionary<string, int> PartyIndex => _brackets.PartyIndex;

    /// <summary>Per party: brackets naming it, and words whose nearest attributed bracket names it.</summary>
    public List<(int Brackets, long Words)> PartyCounts => _brackets.PartyCounts;

    /// <summary>Provisions in order.</summary>
    public ValueList<Provision> Provisions => _provisions.Provisions;

    /// <summary>Headings as sections, in order.</summary>
    public ValueList<SectionHead> SectionHeads => _provisions.SectionHeads;

    /// <summary>Facilitator notes in order.</summary>
    public List<FacilitatorNote> Notes => _markup.Notes;

    /// <summary>"Option" labels in order.</summary>
    public List<OptionLabel> Options => _lines.Options;

    /// <summary>Problems found while reading (unclosed brackets are added by the parser).</summary>
    public List<DraftProblem> Problems => _cursor.Problems;

    /// <summary>Markup skipped as not being negotiated text, in order.</summary>
    public ValueList<MarkupSpan> Markup => _markup.Spans;

    /// <summary>Reads the whole text.</summary>
    public void Run() => _tokenizer.Run();

    /// <summary>Reads on, stopping at the first line start at or after <paramref name="watchFrom"/> where <paramref name="stop"/> says so (<see cref="DraftTokenizer.Read"/>).</summary>
    public bool Read(int watchFrom, Func<int, bool> stop) => _tokenizer.Read(watchFrom, stop);

    /// <summary>
    /// At line start <paramref name="i"/>, the scan is in the state a scan starting there begins in, apart from what it has
    /// found and the sections open: no bracket, block, fence, footnote, word or link open, no issue tag carried.
    /// </summary>
    public bool SettledAt(int i) =>
        _tokenizer.Settled(i) && _brackets.Settled && _provisions.Current is null && _provisions.CarriedIssue is null
        && !_lines.InFence && !_lines.InFootnote;

    /// <summary>How much has been found so far: where what is found after a settled line start begins in each list.</summary>
    public SplitScan.Mark Mark(int i) => new(i, Brackets.Count, GroupCount, Provisions.Count, _provisions.PendingHeads.Count,
        Notes.Count, Options.Count, Markup.Count, Problems.Count);

    /// <summary>
    /// Takes over what <paramref name="part"/> found after <paramref name="at"/>, a line start where both scans were settled
    /// (<see cref="SettledAt"/>) and this one stands: the result is what this scan would have found reading on by itself.
    /// </summary>
    public void Adopt(DraftScanner part, SplitScan.Mark at)
    {
        int provisionShift = Provisions.Count - at.Provisions;
        // The brackets on one core, the rest on the other: the two touch no common list, and renumbering the second part's
        // brackets (a quarter of a million in a 50 MB draft) takes as long as all the rest.
        Parallel.Invoke(
            () => _brackets.Adopt(part._brackets, at.Brackets, at.Groups, provisionShift),
            () =>
            {
                _provisions.Adopt(part._provisions, at.Provisions, at.Heads);
                foreach (var n in part.Notes.Skip(at.Notes)) Notes.Add(n with { Provision = n.Provision + provisionShift });
                foreach (var o in part.Options.Skip(at.Options)) Options.Add(o with { Provision = o.Provision + provisionShift });
                Markup.AddRange(part.Markup.AsSpan()[at.Markup..]);
                Problems.AddRange(part.Problems.Skip(at.Problems));
            });
    }

    /// <summary>Reads each opener never closed as plain text, in place (<see cref="BracketMatcher.RecoverUnclosed"/>).</summary>
    public void RecoverUnclosed() => _brackets.RecoverUnclosed(_provisions.Provisions, _md);
}
