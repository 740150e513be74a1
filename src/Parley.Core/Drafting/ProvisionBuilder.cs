namespace Parley.Core.Drafting;

/// <summary>
/// Turns the blocks the passes open and close into <see cref="Provision"/>s and sections. One block is read at a time
/// (<see cref="Current"/>, counted into by the tokenizer and the bracket matcher); when it ends it is stored as a value with
/// its section and issue resolved: a heading closes the open sections of its level or deeper and opens its own; a provision
/// belongs to the innermost section open after that, and takes its issue from its own tag, else from a tag carried over
/// from a lone tag block just before it, else from that section.
/// </summary>
internal sealed class ProvisionBuilder
{
    private readonly string _t;
    private readonly LineCursor _cursor;

    /// <summary>The builder of the block being read, reused from block to block: only that one block changes during the scan.</summary>
    private readonly BlockBuilder _reused = new();

    /// <summary>Sections still open at the current point, outermost first (indexes in <see cref="SectionHeads"/>).</summary>
    private readonly List<int> _openSections = [];

    /// <summary>The issue of a block that held only an issue tag, for the block after it; null when none.</summary>
    private string? _carriedIssue;

    /// <summary>
    /// Sections are left to <see cref="Adopt"/>: the scan starts inside the text, where the sections open are not known.
    /// Provisions are stored with section -1 and only their own or carried issue; headings are kept in <see cref="PendingHeads"/>.
    /// </summary>
    private readonly bool _deferSections;

    /// <param name="text">The draft.</param>
    /// <param name="cursor">The scan's position, for line numbers.</param>
    /// <param name="bound">At least the number of provisions (one per line that is not empty), to size the list once.</param>
    /// <param name="deferSections">Leave sections to <see cref="Adopt"/> (a scan that starts inside the text).</param>
    /// <param name="lists">The lists to fill (<see cref="SplitScan"/>'s, sharing arrays); null to make them.</param>
    public ProvisionBuilder(string text, LineCursor cursor, int bound, bool deferSections = false, ScanLists? lists = null)
    {
        _t = text;
        _cursor = cursor;
        _deferSections = deferSections;
        Provisions = lists?.Provisions ?? new ValueList<Provision>(bound);
    }

    /// <summary>The issue of a block that held only an issue tag, waiting for the next block; null when none.</summary>
    public string? CarriedIssue => _carriedIssue;

    /// <summary>With deferred sections: the headings read, in order, as their sections are still to be resolved.</summary>
    public ValueList<PendingHead> PendingHeads { get; } = new();

    /// <summary>The block being read, or null between blocks.</summary>
    public BlockBuilder? Current { get; private set; }

    /// <summary>Provisions read so far, in order; <see cref="Provision.Index"/> is the position.</summary>
    public ValueList<Provision> Provisions { get; }

    /// <summary>Headings read so far, by section number: the provision, its level and title, its parent section and issue.</summary>
    public ValueList<SectionHead> SectionHeads { get; } = new();

    /// <summary>Starts a block at <paramref name="start"/> (on the line being read or before it) and makes it current.</summary>
    public BlockBuilder Start(int start, ProvisionKind kind)
    {
        var block = _reused;
        block.Reset();
        block.Index = Provisions.Count;
        block.Kind = kind;
        block.Start = start;
        block.StartLine = _cursor.LineOf(start);
        block.CarriedIssue = _carriedIssue;
        _carriedIssue = null;
        Current = block;
        return block;
    }

    /// <summary>Closes the block being read, if any, at <paramref name="end"/> and stores it as a provision.</summary>
    public void End(int end)
    {
        if (Current is not { } block) return;
        int line = _cursor.Line;
        block.End = Math.Max(block.Start, end);
        block.EndLine = Math.Max(block.StartLine, line - (end <= _cursor.LineStart && line > 1 ? 1 : 0));
        if (block.Kind == ProvisionKind.Paragraph && block.Words == 0 && !block.HasBracket && block.OwnIssue is not null)
        {
            _carriedIssue = block.OwnIssue;
        }
        if (_deferSections)
        {
            if (block.Kind == ProvisionKind.Heading) PendingHeads.Add(new PendingHead(block.Index, block.Level, block.Title, block.OwnIssue));
            Provisions.Add(Store(block, -1, block.OwnIssue ?? block.CarriedIssue));
            Current = null;
            return;
        }
        if (block.Kind == ProvisionKind.Heading)
        {
            while (_openSections.Count > 0 && SectionHeads[_openSections[^1]].Level >= block.Level) _openSections.RemoveAt(_openSections.Count - 1);
            int parent = _openSections.Count > 0 ? _openSections[^1] : -1;
            string? inherited = parent >= 0 ? SectionHeads[parent].Issue : null;
            SectionHeads.Add(new SectionHead(block.Index, block.Level, block.Title, parent, block.OwnIssue ?? inherited));
            _openSections.Add(SectionHeads.Count - 1);
        }
        int section = _openSections.Count > 0 ? _openSections[^1] : -1;
        Provisions.Add(Store(block, section, block.OwnIssue ?? block.CarriedIssue ?? (section >= 0 ? SectionHeads[section].Issue : null)));
        Current = null;
    }

    private static Provision Store(BlockBuilder block, int section, string? issue) => new()
    {
        Index = block.Index,
        Kind = block.Kind,
        Start = block.Start,
        End = block.End,
        StartLine = block.StartLine,
        EndLine = block.EndLine,
        Section = section,
        Label = block.Label,
        Issue = issue,
        AdReferendum = block.AdReferendum,
        Metrics = new TextMetrics(block.Words, block.AgreedWords, block.Chars, block.AgreedChars, block.Opens, block.MaxDepth),
    };

    /// <summary>
    /// Appends the provisions that <paramref name="part"/> (a builder with deferred sections, see <see cref="SplitScan"/>)
    /// read from its provision <paramref name="fromProvision"/> and heading <paramref name="fromHead"/> on, renumbered to
    /// follow this builder's, and resolves their sections and issues from the sections open here, as
    /// <see cref="End"/> would have had it read them itself. No block may be open here.
    /// </summary>
    public void Adopt(ProvisionBuilder part, int fromProvision, int fromHead)
    {
        int shift = Provisions.Count - fromProvision;
        var heads = part.PendingHeads;
        int h = fromHead;
        Provisions.TakeOver(part.Provisions, fromProvision, (ref Provision p) =>
        {
            int index = p.Index + shift;
            if (p.Kind == ProvisionKind.Heading)
            {
                var head = heads[h++];
                while (_openSections.Count > 0 && SectionHeads[_openSections[^1]].Level >= head.Level) _openSections.RemoveAt(_openSections.Count - 1);
                int parent = _openSections.Count > 0 ? _openSections[^1] : -1;
                string? inherited = parent >= 0 ? SectionHeads[parent].Issue : null;
                SectionHeads.Add(new SectionHead(index, head.Level, head.Title, parent, head.OwnIssue ?? inherited));
                _openSections.Add(SectionHeads.Count - 1);
            }
            int section = _openSections.Count > 0 ? _openSections[^1] : -1;
            p = p with { Index = index, Section = section, Issue = p.Issue ?? (section >= 0 ? SectionHeads[section].Issue : null) };
        });
        _carriedIssue = part._carriedIssue;
        Current = null;
    }
}

/// <summary>A heading read with deferred sections: its provision, level, title and own issue tag.</summary>
internal readonly record struct PendingHead(int Provision, int Level, string Title, string? OwnIssue);

/// <summary>A heading as a section: its provision, level, title, enclosing section (-1 at top) and issue (own or inherited).</summary>
internal readonly record struct SectionHead(int Provision, int Level, string Title, int Parent, string? Issue);

/// <summary>The provision being read.</summary>
internal sealed class BlockBuilder
{
    public int Index, Start, End, StartLine, EndLine, Level, Opens, MaxDepth;
    public long Words, AgreedWords, Chars, AgreedChars;
    public ProvisionKind Kind;
    public string Title = "";
    public ParagraphLabel? Label;
    public string? OwnIssue, CarriedIssue;
    public bool AdReferendum, EndsAtLineEnd;

    /// <summary>A '[' was read in the block (also one later found unclosed, so that recovery changes no block boundary).</summary>
    public bool HasBracket;

    public bool HasContent => Words > 0 || HasBracket || Chars > 0;

    public void Reset()
    {
        Index = Start = End = StartLine = EndLine = Level = Opens = MaxDepth = 0;
        Words = AgreedWords = Chars = AgreedChars = 0;
        Kind = ProvisionKind.Paragraph;
        Title = "";
        Label = null;
        OwnIssue = CarriedIssue = null;
        AdReferendum = EndsAtLineEnd = HasBracket = false;
    }
}
