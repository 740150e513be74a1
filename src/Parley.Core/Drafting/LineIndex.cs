namespace Parley.Core.Drafting;

/// <summary>
/// Offsets of line starts, for turning offsets into 1-based lines in O(log n) after one linear pass. Used off the
/// parser's hot path (link checks); the scanner counts lines as it goes.
/// </summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        var span = text.AsSpan();
        int at = 0;
        while (true)
        {
            int k = span[at..].IndexOf('\n');
            if (k < 0) break;
            at += k + 1;
            _starts.Add(at);
        }
    }

    /// <summary>1-based line of <paramref name="offset"/>.</summary>
    public int Line(int offset)
    {
        int k = _starts.BinarySearch(offset);
        return k >= 0 ? k + 1 : ~k;
    }

    /// <summary>Offset of the start of the line holding <paramref name="offset"/>.</summary>
    public int LineStart(int offset) => _starts[Line(offset) - 1];
}
