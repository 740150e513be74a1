namespace Parley.Core.Drafting;

/// <summary>
/// Where a scan of a draft stands: the 1-based number and the offset of the line being read, and the problems found so far,
/// each placed at its line and column. Shared by the tokenizer and the passes; the line moves forward only, as text is read
/// past a line end (<see cref="NewLine"/>, <see cref="Jump"/>).
/// </summary>
internal sealed class LineCursor(string text)
{
    private readonly string _t = text;

    // The end of the line last asked for, and the start of the line it was asked from: valid while that line is read.
    private int _cachedLineEnd = -1;
    private int _cachedLineStart = -1;

    /// <summary>1-based number of the line being read.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>Offset of the first character of the line being read.</summary>
    public int LineStart { get; private set; }

    /// <summary>Problems in the order found (not text order: the parser sorts them).</summary>
    public List<DraftProblem> Problems { get; } = [];

    /// <summary>Places the cursor at <paramref name="start"/>, the first character of line <paramref name="line"/>, for a scan that starts there.</summary>
    public void StartAt(int start, int line)
    {
        Line = line;
        LineStart = start;
    }

    /// <summary>The scan has read a line end; the next line starts at <paramref name="start"/>.</summary>
    public void NewLine(int start)
    {
        Line++;
        LineStart = start;
    }

    /// <summary>1-based column of <paramref name="offset"/>, which lies on the line being read.</summary>
    public int Column(int offset) => offset - LineStart + 1;

    /// <summary>Offset of the end of the line holding <paramref name="i"/> (its '\n', or the text length); cached per line.</summary>
    public int LineEnd(int i)
    {
        if (i >= LineStart && i <= _cachedLineEnd && _cachedLineStart == LineStart) return _cachedLineEnd;
        int end = _t.IndexOf('\n', i);
        _cachedLineEnd = end < 0 ? _t.Length : end;
        _cachedLineStart = LineStart;
        return _cachedLineEnd;
    }

    /// <summary>Moves past a skipped stretch [<paramref name="from"/>, <paramref name="to"/>), counting its line ends; returns <paramref name="to"/>.</summary>
    public int Jump(int from, int to)
    {
        for (int k = _t.IndexOf('\n', from, to - from); k >= 0 && k < to; k = k + 1 < to ? _t.IndexOf('\n', k + 1, to - k - 1) : -1)
        {
            NewLine(k + 1);
        }
        return to;
    }

    /// <summary>1-based line of <paramref name="offset"/>, at or before the scan position.</summary>
    public int LineOf(int offset) =>
        offset >= LineStart ? Line : 1 + _t.AsSpan(0, offset).Count('\n');

    /// <summary>Reports a problem at <paramref name="offset"/> with its line, column and an excerpt.</summary>
    public void Problem(int offset, DraftProblemKind kind)
    {
        int lineStart = offset == 0 ? 0 : _t.LastIndexOf('\n', offset - 1) + 1;
        int line = lineStart == LineStart ? Line : 1 + _t.AsSpan(0, offset).Count('\n');
        Problems.Add(Diagnostics.Create(_t, offset, lineStart, line, kind));
    }
}
