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
    {
        _md = format == DraftFormat.Markdown;
        var prescan = DraftPrescan.Of(text);
        _cursor = new LineCursor(text);
        _provisions = new ProvisionBuilder(text, _cursor, prescan.ProvisionBound);
        _brackets = new BracketMatcher(text, _cursor, ignoredOpens, prescan.Opens);
        _markup = new MarkupPass(text, _md, prescan, _cursor, _provisions);
        _lines = new LinePass(text, _md, _cursor, _provisions, _markup.Spans);
        _tokenizer = new DraftTokenizer(text, _md, prescan.FirstAdRef, _cursor, _brackets, _provisions, _lines, _markup);
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

    /// <summary>Reads each opener never closed as plain text, in place (<see cref="BracketMatcher.RecoverUnclosed"/>).</summary>
    public void RecoverUnclosed() => _brackets.RecoverUnclosed(_provisions.Provisions, _md);
}
