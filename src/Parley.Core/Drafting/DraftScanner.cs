namespace Parley.Core.Drafting;

/// <summary>
/// One left-to-right pass over a draft: finds brackets, notes, labels, blocks and markup and counts words as it goes.
/// Brackets are matched with a stack. Openers listed in <c>ignoredOpens</c> (those a first pass left unclosed) are read
/// as plain text, which is how the parser recovers from an unclosed bracket without counting the rest of the document
/// as disputed.
/// </summary>
internal sealed partial class DraftScanner
{
    private readonly string _t;
    private readonly int _n;
    private readonly bool _md;
    private readonly HashSet<int>? _ignoredOpens;
    private readonly HashSet<string> _linkLabels;

    private int _line = 1;
    private int _lineStart;

    // Word state: a word is counted at its first letter or digit.
    private bool _inWord;
    private bool _wordCounted;

    // Bracket state.
    private readonly List<int> _stack = [];
    private string[]? _currentParties;
    private readonly List<string[]?> _frameParties = [];
    private int _lastClosed = -1;
    private bool _gapBlank;

    // Inline markup to skip once the scan reaches it (the tail of a link: "](url)" or "][label]").
    private int _skipAt = -1;
    private int _skipTo = -1;

    public DraftScanner(string text, DraftFormat format, HashSet<int>? ignoredOpens)
    {
        _t = text;
        _n = text.Length;
        _md = format == DraftFormat.Markdown;
        _ignoredOpens = ignoredOpens;
        _linkLabels = _md ? CollectLinkLabels() : [];
    }

    public List<BracketBuilder> Brackets { get; } = [];
    public List<List<int>> Groups { get; } = [];
    public List<BlockBuilder> Blocks { get; } = [];
    public List<FacilitatorNote> Notes { get; } = [];
    public List<OptionLabel> Options { get; } = [];
    public List<DraftProblem> Problems { get; } = [];
    public List<MarkupSpan> Markup { get; } = [];
    public Dictionary<string, int> PartyIndex { get; } = new(StringComparer.Ordinal);
    public List<(int Brackets, long Words)> PartyCounts { get; } = [];

    /// <summary>Openers still open at the end of the text.</summary>
    public IEnumerable<int> UnclosedOpens => _stack.Select(b => Brackets[b].Start);

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

    /// <summary>Character classes for the fast path: 0 text, 1 letter or digit, 2 blank, 3 stops the run.</summary>
    private static readonly byte[] Ascii = BuildClasses();

    private static byte[] BuildClasses()
    {
        var classes = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            classes[c] = (byte)(char.IsAsciiLetterOrDigit((char)c) ? 1 : c is ' ' or '\t' or '\r' ? 2 : 0);
        }
        foreach (char c in "\n[]{}<\\") classes[c] = 3;
        for (int c = 0; c < 32; c++)
        {
            if (c is not ('\t' or '\r')) classes[c] = 3;
        }
        return classes;
    }

    /// <summary>
    /// Reads a run of ordinary text up to the next character that needs attention (a bracket, brace, angle, backslash or
    /// line end) and adds its words and characters in one go: nothing on the bracket stack changes inside a run.
    /// </summary>
    private int TextRun(int i)
    {
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        var t = _t;
        var classes = Ascii;
        int n = _n;
        long words = 0, chars = 0;
        bool inWord = _inWord, counted = _wordCounted, gapBlank = _gapBlank;
        int j = i;
        for (; j < n; j++)
        {
            char c = t[j];
            int kind = c < 128 ? classes[c] : char.IsWhiteSpace(c) ? 2 : char.IsLetterOrDigit(c) ? 1 : 0;
            if (kind == 2)
            {
                inWord = false;
                continue;
            }
            if (kind == 3) break;
            chars++;
            if (!(_md && c is '*' or '_')) gapBlank = false;
            if (!inWord)
            {
                inWord = true;
                counted = false;
            }
            if (kind == 1)
            {
                if ((c == 'a' || c == 'A') && IsAdRef(j)) block.AdReferendum = true;
                if (!counted)
                {
                    counted = true;
                    words++;
                }
            }
        }
        if (j == i)
        {
            // A control character or other stopper the switch does not handle: read it as text.
            TextChar(i, t[i]);
            return i + 1;
        }
        _inWord = inWord;
        _wordCounted = counted;
        _gapBlank = gapBlank;
        block.Words += words;
        block.Chars += chars;
        if (_stack.Count == 0)
        {
            block.AgreedWords += words;
            block.AgreedChars += chars;
        }
        else if (_currentParties is { } parties && words > 0)
        {
            foreach (var party in parties)
            {
                int k = PartyIndex[party];
                PartyCounts[k] = (PartyCounts[k].Brackets, PartyCounts[k].Words + words);
            }
        }
        return j;
    }

    private void TextChar(int i, char c)
    {
        // Emphasis marks are formatting, not text: "[a]*[b]" in Markdown are still side-by-side alternatives.
        if (!(_md && c is '*' or '_')) _gapBlank = false;
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        bool agreed = _stack.Count == 0;
        block.Chars++;
        if (agreed) block.AgreedChars++;
        if (!_inWord)
        {
            _inWord = true;
            _wordCounted = false;
        }
        if ((c == 'a' || c == 'A') && IsAdRef(i)) block.AdReferendum = true;
        if (_wordCounted || !IsLetterOrDigit(c)) return;
        _wordCounted = true;
        block.Words++;
        if (agreed)
        {
            block.AgreedWords++;
        }
        else if (_currentParties is { } parties)
        {
            foreach (var party in parties)
            {
                int k = PartyIndex[party];
                PartyCounts[k] = (PartyCounts[k].Brackets, PartyCounts[k].Words + 1);
            }
        }
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
        if (_ignoredOpens is not null && _ignoredOpens.Contains(i))
        {
            _gapBlank = false;
            return i + 1;
        }
        var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
        int parent = _stack.Count > 0 ? _stack[^1] : -1;
        int index = Brackets.Count;
        int group = -1;
        if (_gapBlank && _lastClosed >= 0 && Brackets[_lastClosed].Parent == parent)
        {
            var previous = Brackets[_lastClosed];
            if (previous.Group < 0)
            {
                previous.Group = Groups.Count;
                Groups.Add([_lastClosed]);
            }
            group = previous.Group;
            Groups[group].Add(index);
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
        Brackets.Add(new BracketBuilder
        {
            Start = i,
            ContentStart = contentStart,
            Line = _line,
            Column = i - _lineStart + 1,
            Depth = _stack.Count + 1,
            Parent = parent,
            Provision = block.Index,
            Group = group,
            Parties = parties,
            Option = header?.Option,
            Placeholder = IsPlaceholder(contentStart),
        });
        _frameParties.Add(_currentParties);
        if (parties.Length > 0) _currentParties = parties;
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
        _currentParties = _frameParties[^1];
        _frameParties.RemoveAt(_frameParties.Count - 1);
        Brackets[index].End = i;
        _lastClosed = index;
        _gapBlank = true;
        return i + 1;
    }

    private bool IsPlaceholder(int p)
    {
        int q = p;
        while (q < _n && _t[q] is '*' or '_' or ' ') q++;
        if (q + 11 <= _n && string.Compare(_t, q, "placeholder", 0, 11, StringComparison.OrdinalIgnoreCase) == 0) return true;
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

/// <summary>A bracket while it is being read (its end is known only when it closes).</summary>
internal sealed class BracketBuilder
{
    public int Start, End = -1, ContentStart, Line, Column, Depth, Parent, Provision, Group;
    public string[] Parties = [];
    public string? Option;
    public bool Placeholder;
}

/// <summary>A stretch of Markdown markup that is not negotiated text (front matter, link syntax, footnote marks, tags, comments).</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
public readonly record struct MarkupSpan(int Start, int End);
