namespace Parley.Core.Drafting;

/// <summary>
/// The labels of a Markdown file's link reference definitions, normalised as CommonMark matches them (trimmed, inner white
/// space collapsed, upper-cased), so that <c>[text][label]</c> or <c>[label]</c> is a link only when the label is defined.
/// Immutable once collected. A candidate is rejected cheaply before it is normalised: it cannot match when it has more
/// non-blank characters than the longest label, or when its first one is ASCII and no label starts with its upper case.
/// </summary>
internal sealed class LinkLabels
{
    private readonly HashSet<string> _labels;
    private readonly int _longest;

    /// <summary>
    /// Bit c set when a label starts with the ASCII character c: bits 0–63 in the first word, 64–127 in the second. Two
    /// words rather than a <see cref="UInt128"/>, whose operators are not precompiled and ran unoptimised at first.
    /// </summary>
    private readonly ulong _startsLow, _startsHigh;

    private LinkLabels(HashSet<string> labels, int longest, ulong startsLow, ulong startsHigh)
    {
        _labels = labels;
        _longest = longest;
        _startsLow = startsLow;
        _startsHigh = startsHigh;
    }

    /// <summary>No label defined (plain text, or no line holds <c>]:</c>).</summary>
    public static LinkLabels None { get; } = new([], 0, 0, 0);

    /// <summary>Number of distinct labels.</summary>
    public int Count => _labels.Count;

    /// <summary>
    /// Collects the labels defined on the lines holding a <c>]:</c> (<paramref name="definitionMarks"/>, offsets in text
    /// order, as the prescan found them) at or after <paramref name="from"/> (the end of the front matter).
    /// </summary>
    public static LinkLabels Collect(string t, List<int> definitionMarks, int from)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        int longest = 0;
        ulong startsLow = 0, startsHigh = 0;
        foreach (int k in definitionMarks)
        {
            if (k < from) continue;
            int p = k == 0 ? 0 : t.LastIndexOf('\n', k - 1) + 1;
            p = Math.Max(p, from);
            int end = t.IndexOf('\n', k);
            if (end < 0) end = t.Length;
            int first = LineRules.SkipBlanks(t, p, end);
            if (first < end && t[first] == '[' && LineRules.LinkDefinition(t, p, end) is { } label)
            {
                labels.Add(label);
                longest = Math.Max(longest, label.Count(c => c != ' '));
                if (label[0] < 64) startsLow |= 1UL << label[0];
                else if (label[0] < 128) startsHigh |= 1UL << (label[0] - 64);
            }
            from = end + 1;
        }
        return new LinkLabels(labels, longest, startsLow, startsHigh);
    }

    /// <summary>True when the text in [<paramref name="from"/>, <paramref name="to"/>), normalised, is a defined label; allocates nothing.</summary>
    public bool Contains(string t, int from, int to) => CouldBe(t, from, to) && IsDefined(t.AsSpan(from, to - from));

    private bool CouldBe(string t, int from, int to)
    {
        int visible = 0;
        for (int k = from; k < to; k++)
        {
            char c = t[k];
            if (char.IsWhiteSpace(c)) continue;
            // A character outside ASCII may upper-case into ASCII, so it always goes on to the full test.
            if (visible == 0 && c < 128 && !StartsWith(char.ToUpperInvariant(c))) return false;
            if (++visible > _longest) return false;
        }
        return true;
    }

    /// <summary>Some label starts with <paramref name="c"/>, an ASCII character.</summary>
    private bool StartsWith(char c) => ((c < 64 ? _startsLow : _startsHigh) >> (c & 63) & 1) != 0;

    private bool IsDefined(ReadOnlySpan<char> label)
    {
        Span<char> buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        int n = LineRules.NormaliseLabel(label, buffer);
        return _labels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..n]);
    }
}
