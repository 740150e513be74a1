using System.Buffers;
using System.Runtime.InteropServices;

namespace Parley.Core.Drafting;

// TEMPORARY: the scanner before the split, kept only to compare outputs while refactoring (#17 item 5). Deleted after.

/// <summary>
/// One left-to-right pass over a draft: finds brackets, notes, labels, blocks and markup and counts words as it goes.
/// Brackets are matched with a stack. Openers listed in <c>ignoredOpens</c> (those a first pass left unclosed) are read
/// as plain text, which is how the parser recovers from an unclosed bracket without counting the rest of the document
/// as disputed.
/// </summary>
internal sealed partial class LegacyDraftScanner
{
    private readonly string _t;
    private readonly int _n;
    private readonly bool _md;
    private readonly HashSet<int>? _ignoredOpens;
    private readonly HashSet<string> _linkLabels;
    private readonly bool _mayHaveInlineLinks;

    private int _line = 1;
    private int _lineStart;

    // Word state: a word is counted at its first letter or digit.
    private bool _inWord;
    private bool _wordCounted;

    // Bracket state.
    private readonly List<int> _stack = [];
    private int _partiesOwner = -1;
    private readonly List<int> _frameOwner = [];
    private int _lastClosed = -1;
    private bool _gapBlank;

    // Inline markup to skip once the scan reaches it (the tail of a link: "](url)" or "][label]").
    private int _skipAt = -1;
    private int _skipTo = -1;

    public LegacyDraftScanner(string text, DraftFormat format, HashSet<int>? ignoredOpens)
    {
        _t = text;
        _n = text.Length;
        _md = format == DraftFormat.Markdown;
        _ignoredOpens = ignoredOpens;
        var prescan = DraftPrescan.Of(text);
        _linkLabels = _md ? CollectLinkLabels(prescan.DefinitionMarks) : [];
        _mayHaveInlineLinks = prescan.HasInlineLinkMark;
        // Sized once from the prescan (exact for brackets, an upper bound for provisions: one per line that is not empty), so
        // that the lists do not regrow: each regrowth of a large list copies it.
        Brackets = new List<Bracket>(prescan.Opens);
        SegmentMarks = new List<int>(prescan.Opens);
        Provisions = new List<Provision>(prescan.ProvisionBound);
        _nextAdRef = prescan.FirstAdRef < 0 ? _n : prescan.FirstAdRef;
    }

    public List<Bracket> Brackets { get; }

    /// <summary>
    /// For each bracket, by the same index: the length of <see cref="Segments"/> when it opened (its text is recorded
    /// after that).
    /// </summary>
    public List<int> SegmentMarks { get; }

    /// <summary>
    /// Words counted for the parties of an attributed bracket while it was the nearest attributed bracket, by bracket index
    /// (only attributed brackets have an entry).
    /// </summary>
    public Dictionary<int, long> OwnPartyWords { get; } = [];

    /// <summary>Alternative groups found so far; members carry the group's number in <see cref="Bracket.Group"/>.</summary>
    public int GroupCount { get; private set; }

    /// <summary>
    /// Text counted inside brackets still open, by innermost bracket and block, in order. A bracket's entries are dropped
    /// when it closes, so at the end only the text of openers never closed is left.
    /// </summary>
    public List<TextSegment> Segments { get; } = [];
    /// <summary>Provisions read so far, in order; <see cref="Provision.Index"/> is the position.</summary>
    public List<Provision> Provisions { get; }

    /// <summary>Headings read so far, by section number: the provision, its level and title, its parent section and issue.</summary>
    public List<SectionHead> SectionHeads { get; } = [];
    public List<FacilitatorNote> Notes { get; } = [];
    public List<OptionLabel> Options { get; } = [];
    public List<DraftProblem> Problems { get; } = [];
    public List<MarkupSpan> Markup { get; } = [];
    public Dictionary<string, int> PartyIndex { get; } = new(StringComparer.Ordinal);
    public List<(int Brackets, long Words)> PartyCounts { get; } = [];

    /// <summary>Indexes in <see cref="Brackets"/> of the openers still open at the end of the text, outermost first.</summary>
    public IReadOnlyList<int> Unclosed => _stack;

    public void Run()
    {
        int i = SkipFrontMatter();
        bool atLineStart = true;
        while (i < _n)
        {
            if (atLineStart)
            {
                atLineStart = false;
                i = LineStart(i);
                continue;
            }
            if (i == _skipAt)
            {
                EndWord();
                Markup.Add(new MarkupSpan(_skipAt, _skipTo));
                i = _skipTo;
                _skipAt = -1;
                continue;
            }
            char c = _t[i];
            switch (c)
            {
                case '\n':
                    EndWord();
                    _gapBlank = false;
                    i++;
                    _line++;
                    _lineStart = i;
                    if (_block is { EndsAtLineEnd: true }) EndBlock(i - 1);
                    atLineStart = true;
                    break;
                case ' ' or '\t' or '\r':
                    EndWord();
                    i++;
                    break;
                case '[':
                    i = Open(i);
                    break;
                case ']':
                    i = Close(i);
                    break;
                case '{':
                    i = Brace(i);
                    break;
                case '}':
                    Problem(i, DraftProblemKind.UnmatchedClosingBrace);
                    EndWord();
                    _gapBlank = false;
                    i++;
                    break;
                case '<':
                    i = Angle(i);
                    break;
                case '\\' when _md && i + 1 < _n && char.IsAsciiLetterOrDigit(_t[i + 1]) == false && _t[i + 1] > ' ' && _t[i + 1] < 127:
                    TextChar(i + 1, _t[i + 1]);
                    i += 2;
                    break;
                default:
                    i = TextRun(i);
                    break;
            }
        }
        EndWord();
        EndBlock(_n);
    }

    private static bool IsLetterOrDigit(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    private bool IsAdRef(int i)
    {
        if (i > 0 && char.IsLetter(_t[i - 1])) return false;
        return i + 6 <= _n && string.Compare(_t, i, "ad ref", 0, 6, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private void EndWord() => _inWord = false;

    /// <summary>Offset of the end of the line holding <paramref name="i"/> (its '\n', or the text length); cached per line.</summary>
    private int LineEnd(int i)
    {
        if (i >= _lineStart && i <= _cachedLineEnd && _cachedLineStart == _lineStart) return _cachedLineEnd;
        int end = _t.IndexOf('\n', i);
        _cachedLineEnd = end < 0 ? _n : end;
        _cachedLineStart = _lineStart;
        return _cachedLineEnd;
    }

    private int _cachedLineEnd = -1;
    private int _cachedLineStart = -1;

    private int Open(int i)
    {
        EndWord();
        if (_md)
        {
            int skip = MarkdownAtBracket(i);
            if (skip >= 0) return skip;
        }
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        block.HasBracket = true;
        if (_ignoredOpens is not null && _ignoredOpens.Contains(i))
        {
            _gapBlank = false;
            return i + 1;
        }
        int parent = _stack.Count > 0 ? _stack[^1] : -1;
        int index = Brackets.Count;
        int group = -1;
        if (_gapBlank && _lastClosed >= 0 && Brackets[_lastClosed].Parent == parent)
        {
            ref var previous = ref CollectionsMarshal.AsSpan(Brackets)[_lastClosed];
            if (previous.Group < 0) previous = previous with { Group = GroupCount++ };
            group = previous.Group;
        }
        _gapBlank = false;
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
            Line = _line,
            Column = i - _lineStart + 1,
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

    private int Close(int i)
    {
        EndWord();
        if (_stack.Count == 0)
        {
            Problem(i, DraftProblemKind.UnmatchedClosingBracket);
            _gapBlank = false;
            return i + 1;
        }
        int index = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        _partiesOwner = _frameOwner[^1];
        _frameOwner.RemoveAt(_frameOwner.Count - 1);
        ref var closed = ref CollectionsMarshal.AsSpan(Brackets)[index];
        closed = closed with { End = i };
        // The bracket's text (and that of the brackets in it) is settled as disputed: forget where it lay.
        CollectionsMarshal.SetCount(Segments, SegmentMarks[index]);
        _lastClosed = index;
        _gapBlank = true;
        return i + 1;
    }

    private bool IsPlaceholder(int p)
    {
        int q = p;
        while (q < _n && _t[q] is '*' or '_' or ' ') q++;
        if (q + 11 <= _n && (_t[q] | 0x20) == 'p' && string.Compare(_t, q, "placeholder", 0, 11, StringComparison.OrdinalIgnoreCase) == 0) return true;
        if (q + 1 < _n && (_t[q] == 'X' || _t[q] == 'x' || _t[q] == '…') && _t[q + 1] == ']') return true;
        return q + 3 < _n && string.CompareOrdinal(_t, q, "...]", 0, 4) == 0;
    }

    private void Problem(int offset, DraftProblemKind kind)
    {
        int lineStart = offset == 0 ? 0 : _t.LastIndexOf('\n', offset - 1) + 1;
        Problems.Add(Diagnostics.Create(_t, offset, lineStart, LineOf(offset, lineStart), kind));
    }

    private int LineOf(int offset, int lineStart) =>
        lineStart == _lineStart ? _line : 1 + _t.AsSpan(0, offset).Count('\n');

    /// <summary>Moves past a skipped stretch, keeping line numbers right.</summary>
    private int Jump(int from, int to)
    {
        for (int k = _t.IndexOf('\n', from, to - from); k >= 0 && k < to; k = k + 1 < to ? _t.IndexOf('\n', k + 1, to - k - 1) : -1)
        {
            _line++;
            _lineStart = k + 1;
        }
        EndWord();
        return to;
    }
}
