namespace Parley.Core.Drafting;

/// <summary>
/// The left-to-right reading of a draft: splits the text into runs of ordinary text (words and characters counted with
/// <see cref="TextCounter"/>) and the characters that need attention — line ends, <c>[</c>, <c>]</c>, <c>{</c>, <c>}</c>,
/// <c>&lt;</c>, backslash escapes — and hands each to the pass that owns it: line starts to <see cref="LinePass"/>, brackets
/// to <see cref="BracketMatcher"/>, notes, comments and Markdown links to <see cref="MarkupPass"/>. Counted text goes to the
/// provision being read and, through the matcher, to the innermost open bracket. Words are counted at their first letter or
/// digit, so a word split by markup is counted once.
/// </summary>
internal sealed class DraftTokenizer
{
    private readonly string _t;
    private readonly int _n;
    private readonly bool _md;
    private readonly LineCursor _cursor;
    private readonly BracketMatcher _brackets;
    private readonly ProvisionBuilder _provisions;
    private readonly LinePass _lines;
    private readonly MarkupPass _markup;

    // Word state: inside a word, and whether that word has been counted (it has a letter or digit).
    private bool _inWord;
    private bool _wordCounted;

    /// <summary>Next offset of "ad ref" (any case) at or after the scan position; the text length when there is none.</summary>
    private int _nextAdRef;

    // The tail of a link to skip once the scan reaches it ("](url)" or "][label]"): from _skipAt to _skipTo; -1 when none.
    private int _skipAt = -1;
    private int _skipTo = -1;

    // Where reading stands when it stops at a line start (Read), to go on from there; whether it has started.
    private int _pos;
    private bool _started;

    public DraftTokenizer(string text, bool markdown, int firstAdRef, LineCursor cursor, BracketMatcher brackets,
        ProvisionBuilder provisions, LinePass lines, MarkupPass markup)
    {
        _t = text;
        _n = text.Length;
        _md = markdown;
        _nextAdRef = firstAdRef < 0 ? _n : firstAdRef;
        _cursor = cursor;
        _brackets = brackets;
        _provisions = provisions;
        _lines = lines;
        _markup = markup;
    }

    /// <summary>Reads the whole text once; the passes hold what was found.</summary>
    public void Run() => Read(int.MaxValue, null);

    /// <summary>Makes reading start at <paramref name="offset"/>, a line start, instead of at the text's start (<see cref="SplitScan"/>).</summary>
    public void StartAt(int offset)
    {
        _pos = offset;
        _started = true;
    }

    /// <summary>
    /// The reading's own state at line start <paramref name="i"/> is that of a reading starting there: no word open and
    /// no link tail still to skip.
    /// </summary>
    public bool Settled(int i) => !_inWord && _skipAt < i;

    /// <summary>
    /// Reads on from where reading stands (the text's start, after front matter, at first). At each line start at or after
    /// <paramref name="watchFrom"/> asks <paramref name="stop"/> whether to stop there: returns true when it did (reading
    /// can go on with another call), false when the text is read to its end and the last block closed.
    /// </summary>
    public bool Read(int watchFrom, Func<int, bool>? stop)
    {
        if (!_started)
        {
            _pos = _markup.SkipFrontMatter();
            _started = true;
        }
        int i = _pos;
        bool atLineStart = true;
        while (i < _n)
        {
            if (atLineStart)
            {
                if (i >= watchFrom && stop!(i))
                {
                    _pos = i;
                    return true;
                }
                atLineStart = false;
                i = _lines.LineStart(i);
                continue;
            }
            if (i == _skipAt)
            {
                EndWord();
                _markup.Spans.Add(new MarkupSpan(_skipAt, _skipTo));
                i = _skipTo;
                _skipAt = -1;
                continue;
            }
            char c = _t[i];
            switch (c)
            {
                case '\n':
                    EndWord();
                    _brackets.GapBlank = false;
                    i++;
                    _cursor.NewLine(i);
                    if (_provisions.Current is { EndsAtLineEnd: true }) _provisions.End(i - 1);
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
                    EndWord();
                    i = _brackets.Close(i);
                    break;
                case '{':
                    EndWord();
                    _brackets.GapBlank = false;
                    i = _markup.Brace(i, _lines.InFootnote);
                    break;
                case '}':
                    _cursor.Problem(i, DraftProblemKind.UnmatchedClosingBrace);
                    EndWord();
                    _brackets.GapBlank = false;
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
        _pos = _n;
        EndWord();
        _provisions.End(_n);
        return false;
    }

    private void EndWord() => _inWord = false;

    /// <summary>At a <c>[</c>: Markdown link syntax or a footnote reference (skipped as markup), else a bracket.</summary>
    private int Open(int i)
    {
        EndWord();
        if (_md)
        {
            int next = _markup.AtBracket(i, out int skipAt, out int skipTo);
            if (next >= 0)
            {
                if (skipAt >= 0)
                {
                    _skipAt = skipAt;
                    _skipTo = skipTo;
                    _brackets.GapBlank = false;
                }
                return next;
            }
        }
        var block = _provisions.Current ?? _provisions.Start(i, ProvisionKind.Paragraph);
        block.HasBracket = true;
        return _brackets.Open(i, block);
    }

    /// <summary>At a <c>&lt;</c>: a comment or tag skipped as markup, else the character read as text.</summary>
    private int Angle(int i)
    {
        int next = _markup.Angle(i, out bool comment);
        if (next < 0)
        {
            TextChar(i, '<');
            return i + 1;
        }
        if (comment) _brackets.GapBlank = false;
        EndWord();
        return next;
    }

    /// <summary>
    /// Reads a run of ordinary text up to the next character that needs attention (a bracket, brace, angle, backslash,
    /// control character or line end) and adds its words and characters in one go: nothing on the bracket stack changes
    /// inside a run.
    /// </summary>
    private int TextRun(int i)
    {
        int stop = StopSearch.IndexOf<RunStops>(_t.AsSpan(i));
        int end = stop < 0 ? _n : i + stop;
        if (end == i)
        {
            // A control character or other stopper the switch does not handle: read it as text.
            TextChar(i, _t[i]);
            return i + 1;
        }
        var block = _provisions.Current ?? _provisions.Start(i, ProvisionKind.Paragraph);
        var counter = new TextCounter(_inWord, _wordCounted, _brackets.GapBlank);
        counter.Count(_t, i, end - i, _md);
        _inWord = counter.InWord;
        _wordCounted = counter.Counted;
        _brackets.GapBlank = counter.GapBlank;
        if (_nextAdRef < end) AdReferendumMarks(block, i, end);
        _brackets.AddText(block, counter.Words, counter.Chars);
        return end;
    }

    /// <summary>Marks <paramref name="block"/> ad referendum for each "ad ref" starting in [from, to) that starts a word.</summary>
    private void AdReferendumMarks(BlockBuilder block, int from, int to)
    {
        while (_nextAdRef < to)
        {
            if (_nextAdRef >= from && LineRules.IsAdRef(_t, _nextAdRef)) block.AdReferendum = true;
            int next = _nextAdRef + 1 < _n ? _t.IndexOf("ad ref", _nextAdRef + 1, StringComparison.OrdinalIgnoreCase) : -1;
            _nextAdRef = next < 0 ? _n : next;
        }
    }

    /// <summary>One character read as text (an escaped one, a stray control character, a <c>&lt;</c> that is no markup).</summary>
    private void TextChar(int i, char c)
    {
        // Emphasis marks are formatting, not text: "[a]*[b]" in Markdown are still side-by-side alternatives.
        if (!(_md && c is '*' or '_')) _brackets.GapBlank = false;
        var block = _provisions.Current ?? _provisions.Start(i, ProvisionKind.Paragraph);
        if (!_inWord)
        {
            _inWord = true;
            _wordCounted = false;
        }
        if ((c == 'a' || c == 'A') && LineRules.IsAdRef(_t, i)) block.AdReferendum = true;
        long words = 0;
        if (!_wordCounted && IsLetterOrDigit(c))
        {
            _wordCounted = true;
            words = 1;
        }
        _brackets.AddText(block, words, 1);
    }

    private static bool IsLetterOrDigit(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);
}
