using System.Runtime.InteropServices;

namespace Parley.Core.Drafting;

/// <summary>
/// Matches square brackets with a stack as the tokenizer meets them, and keeps what belongs to brackets: each bracket's
/// depth, parent, provision, attribution header and kind; groups of side-by-side alternatives (a bracket opened when only
/// blanks, and in Markdown emphasis marks, stand since the last one closed at the same level); per-party counts (brackets
/// naming the party, words whose nearest attributed bracket names it); and, while brackets are open, the text counted inside
/// each, so that an opener found unclosed at the end can be taken back in place (<see cref="RecoverUnclosed"/>).
/// Openers listed in <c>ignoredOpens</c> are read as plain text (the brute-force reading used to check that recovery).
/// </summary>
internal sealed partial class BracketMatcher
{
    private readonly string _t;
    private readonly LineCursor _cursor;
    private readonly HashSet<int>? _ignoredOpens;

    /// <summary>Indexes of the open brackets, outermost first.</summary>
    private readonly List<int> _stack = [];

    /// <summary>For each open bracket, by stack position: the nearest attributed bracket outside it (-1 when none).</summary>
    private readonly List<int> _frameOwner = [];

    /// <summary>The nearest open bracket with an attribution header, whose parties own the words read now; -1 when none.</summary>
    private int _partiesOwner = -1;

    /// <summary>The bracket closed last, the candidate partner of the next one opened; -1 before any.</summary>
    private int _lastClosed = -1;

    /// <param name="text">The draft.</param>
    /// <param name="cursor">The scan's position, for line and column.</param>
    /// <param name="ignoredOpens">Offsets of <c>[</c> to read as text; null for none.</param>
    /// <param name="opens">The number of <c>[</c> in the text, to size the lists once.</param>
    /// <param name="lists">The lists to fill (<see cref="SplitScan"/>'s, sharing arrays); null to make them.</param>
    public BracketMatcher(string text, LineCursor cursor, HashSet<int>? ignoredOpens, int opens, ScanLists? lists = null)
    {
        _t = text;
        _cursor = cursor;
        _ignoredOpens = ignoredOpens;
        // Sized once (exact for brackets) so that the lists do not regrow: each regrowth of a large list copies it.
        Brackets = lists?.Brackets ?? new ValueList<Bracket>(opens);
        SegmentMarks = lists?.SegmentMarks ?? new ValueList<int>(opens);
    }

    /// <summary>Only blanks (and, in Markdown, emphasis marks) were read since the last bracket closed.</summary>
    public bool GapBlank { get; set; }

    /// <summary>Brackets in order of their <c>[</c>; the end of one still open is -1.</summary>
    public ValueList<Bracket> Brackets { get; }

    /// <summary>For each bracket, by the same index: the length of <see cref="Segments"/> when it opened.</summary>
    public ValueList<int> SegmentMarks { get; }

    /// <summary>
    /// Text counted inside brackets still open, by innermost bracket and block, in order. A bracket's entries are dropped
    /// when it closes, so at the end only the text of openers never closed is left.
    /// </summary>
    public ValueList<TextSegment> Segments { get; } = new();

    /// <summary>Words counted for an attributed bracket's parties while it was the nearest attributed bracket, by bracket index.</summary>
    public Dictionary<int, long> OwnPartyWords { get; } = [];

    /// <summary>Alternative groups found so far; members carry the group's number in <see cref="Bracket.Group"/>.</summary>
    public int GroupCount { get; private set; }

    /// <summary>Each party's position in <see cref="PartyCounts"/>, in order of first appearance.</summary>
    public Dictionary<string, int> PartyIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Per party: brackets naming it, and words whose nearest attributed bracket names it.</summary>
    public List<(int Brackets, long Words)> PartyCounts { get; } = [];

    /// <summary>Indexes in <see cref="Brackets"/> of the openers still open, outermost first.</summary>
    public IReadOnlyList<int> Unclosed => _stack;

    /// <summary>At a <c>[</c> that is a bracket, in <paramref name="block"/>: opens it; returns where its content starts.</summary>
    public int Open(int i, BlockBuilder block)
    {
        if (_ignoredOpens is not null && _ignoredOpens.Contains(i))
        {
            GapBlank = false;
            return i + 1;
        }
        int parent = _stack.Count > 0 ? _stack[^1] : -1;
        int index = Brackets.Count;
        int group = -1;
        if (GapBlank && _lastClosed >= 0 && Brackets[_lastClosed].Parent == parent)
        {
            ref var previous = ref Brackets[_lastClosed];
            if (previous.Group < 0) previous = previous with { Group = GroupCount++ };
            group = previous.Group;
        }
        GapBlank = false;
        var header = BracketHeader.Read(_t, i + 1);
        int contentStart = header?.ContentStart ?? i + 1;
        string[] parties = header?.Parties ?? [];
        foreach (var party in parties)
        {
            if (!PartyIndex.TryGetValue(party, out int k))
            {
                k = PartyCounts.Count;
                PartyIndex[party] = k;
                PartyCounts.Add((0, 0));
            }
            PartyCounts[k] = (PartyCounts[k].Brackets + 1, PartyCounts[k].Words);
        }
        Brackets.Add(new Bracket
        {
            Index = index,
            Start = i,
            End = -1,
            ContentStart = contentStart,
            Line = _cursor.Line,
            Column = _cursor.Column(i),
            Depth = _stack.Count + 1,
            Parent = parent,
            Provision = block.Index,
            Group = group,
            Parties = parties,
            OptionId = header?.Option,
            Kind = IsPlaceholder(contentStart) ? BracketKind.Placeholder : BracketKind.Disputed,
        });
        SegmentMarks.Add(Segments.Count);
        _frameOwner.Add(_partiesOwner);
        if (parties.Length > 0) _partiesOwner = index;
        _stack.Add(index);
        block.Opens++;
        if (_stack.Count > block.MaxDepth) block.MaxDepth = _stack.Count;
        return contentStart;
    }

    /// <summary>At a <c>]</c>: closes the innermost open bracket, or reports a stray one; returns the next offset.</summary>
    public int Close(int i)
    {
        if (_stack.Count == 0)
        {
            _cursor.Problem(i, DraftProblemKind.UnmatchedClosingBracket);
            GapBlank = false;
            return i + 1;
        }
        int index = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _partiesOwner = _frameOwner[^1];
        _frameOwner.RemoveAt(_frameOwner.Count - 1);
        ref var closed = ref Brackets[index];
        closed = closed with { End = i };
        // The bracket's text (and that of the brackets in it) is settled as disputed: forget where it lay.
        Segments.Truncate(SegmentMarks[index]);
        _lastClosed = index;
        GapBlank = true;
        return i + 1;
    }

    /// <summary>
    /// Adds counted text to the block: agreed when no bracket is open; otherwise recorded against the innermost open bracket
    /// (so that an opener found unclosed at the end can give its text back as agreed) and against the parties of the nearest
    /// attributed bracket.
    /// </summary>
    public void AddText(BlockBuilder block, long words, long chars)
    {
        block.Words += words;
        block.Chars += chars;
        if (_stack.Count == 0)
        {
            block.AgreedWords += words;
            block.AgreedChars += chars;
            return;
        }
        int innermost = _stack[^1];
        if (Segments.Count > 0 && Segments.Last.Bracket == innermost && Segments.Last.Block == block.Index)
        {
            ref var last = ref Segments.Last;
            last.Words += words;
            last.Chars += chars;
        }
        else
        {
            Segments.Add(new TextSegment { Bracket = innermost, Block = block.Index, Words = words, Chars = chars });
        }
        if (_partiesOwner >= 0 && words > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(OwnPartyWords, _partiesOwner, out _) += words;
            foreach (var party in (string[])Brackets[_partiesOwner].Parties)
            {
                int k = PartyIndex[party];
                PartyCounts[k] = (PartyCounts[k].Brackets, PartyCounts[k].Words + words);
            }
        }
    }

    /// <summary>The content from <paramref name="p"/> is a placeholder: "placeholder…", or just <c>X</c>, <c>x</c>, <c>…</c> or <c>...</c>.</summary>
    private bool IsPlaceholder(int p)
    {
        int n = _t.Length;
        int q = p;
        while (q < n && _t[q] is '*' or '_' or ' ') q++;
        if (q + 11 <= n && (_t[q] | 0x20) == 'p' && string.Compare(_t, q, "placeholder", 0, 11, StringComparison.OrdinalIgnoreCase) == 0) return true;
        if (q + 1 < n && (_t[q] == 'X' || _t[q] == 'x' || _t[q] == '…') && _t[q + 1] == ']') return true;
        return TextProbe.At(_t, q, "...]");
    }
}

/// <summary>Words and characters counted while <see cref="Bracket"/> was the innermost open bracket, in one block.</summary>
internal struct TextSegment
{
    public int Bracket, Block;
    public long Words, Chars;
}
