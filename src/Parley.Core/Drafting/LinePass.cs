namespace Parley.Core.Drafting;

/// <summary>
/// The label pass: reads what each line begins with and decides where blocks start and end — blank lines, headings, link
/// and footnote definitions, attribute lists and fenced code (Markdown), plain-text headings, list markers, paragraph
/// labels and "Option" labels. The recognisers themselves are the pure functions of <see cref="LineRules"/>; this pass keeps
/// the little state that spans lines: inside a fence, inside a footnote, and the labels already read.
/// </summary>
internal sealed class LinePass
{
    private readonly string _t;
    private readonly bool _md;
    private readonly LineCursor _cursor;
    private readonly ProvisionBuilder _provisions;
    private readonly ValueList<MarkupSpan> _markup;

    /// <summary>"Option" numbers read so far ("1", "II", "A"), shared between the labels that carry the same one.</summary>
    private readonly HashSet<string> _knownNumbers = new(StringComparer.Ordinal);

    /// <summary>Paragraph labels read so far, shared between the provisions that carry the same one.</summary>
    private readonly Dictionary<string, ParagraphLabel> _knownLabels = new(StringComparer.Ordinal);

    /// <summary>Inside a fenced code block (Markdown).</summary>
    private bool _inFence;

    /// <summary>Inside a fenced code block (Markdown).</summary>
    public bool InFence => _inFence;

    /// <param name="text">The draft.</param>
    /// <param name="markdown">Read Markdown line syntax.</param>
    /// <param name="cursor">The scan's position.</param>
    /// <param name="provisions">Where blocks start and end.</param>
    /// <param name="markup">Where skipped markup is recorded.</param>
    public LinePass(string text, bool markdown, LineCursor cursor, ProvisionBuilder provisions, ValueList<MarkupSpan> markup)
    {
        _t = text;
        _md = markdown;
        _cursor = cursor;
        _provisions = provisions;
        _markup = markup;
    }

    /// <summary>"Option" labels read so far, in order.</summary>
    public List<OptionLabel> Options { get; } = [];

    /// <summary>
    /// The line being read belongs to a Markdown footnote definition (<c>[^1]: …</c>), its lazy continuation lines, or its
    /// indented continuation paragraphs (CommonMark's footnote extension): a note may run on over blank lines there.
    /// </summary>
    public bool InFootnote { get; private set; }

    /// <summary>At the start of a line (offset <paramref name="i"/>): returns the offset at which character reading continues.</summary>
    public int LineStart(int i)
    {
        int end = _cursor.LineEnd(i);
        int first = LineRules.SkipBlanks(_t, i, end);
        if (_md && IsFence(first, end))
        {
            _inFence = !_inFence;
            _provisions.End(i);
            _markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (_inFence)
        {
            _markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (first == end)
        {
            _provisions.End(i);
            return end;
        }
        if (_md)
        {
            int after = MarkdownLine(i, first, end);
            if (after >= 0) return after;
        }
        else if (LineRules.PlainHeading(_t, first, end))
        {
            _provisions.End(i);
            var block = _provisions.Start(i, ProvisionKind.Heading);
            block.Level = 2;
            block.Title = new string(_t.AsSpan(first, end - first).Trim());
            block.EndsAtLineEnd = true;
            return first;
        }
        LabelledLine(i, first, end);
        return first;
    }

    /// <summary>Markdown line syntax at a line that is not blank: returns where reading continues, or -1 for none.</summary>
    private int MarkdownLine(int i, int first, int end)
    {
        // A footnote runs on over blank lines while the lines after them are indented four columns or more.
        if (InFootnote && LineRules.Indent(_t, i, first) < 4 && LineRules.FollowsBlankLine(_t, i)) InFootnote = false;
        if (_t[first] == '[' && LineRules.LinkDefinition(_t, i, end) is not null)
        {
            _provisions.End(i);
            _markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (_t[first] == '{' && first + 1 < end && _t[first + 1] == ':' && EndsWithBrace(first, end))
        {
            _markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (LineRules.MarkdownHeading(_t, i, end) is { } heading)
        {
            _provisions.End(i);
            InFootnote = false;
            var block = _provisions.Start(i, ProvisionKind.Heading);
            block.Level = heading.Level;
            block.Title = HeadingTitle(heading.After, end);
            block.EndsAtLineEnd = true;
            _markup.Add(new MarkupSpan(i, heading.After));
            return heading.After;
        }
        int footnote = LineRules.FootnoteDefinition(_t, i, end);
        if (footnote > 0)
        {
            InFootnote = true;
            _provisions.End(i);
            _provisions.Start(i, ProvisionKind.Paragraph);
            _markup.Add(new MarkupSpan(first, footnote));
            return footnote;
        }
        return -1;
    }

    /// <summary>
    /// A line starting with a bullet, a paragraph label or an "Option" label begins a new provision. The "Option" label may
    /// also stand behind a lettered sub-paragraph marker or one <c>[</c> (<see cref="LineRules.OptionAfterPrefixes"/>).
    /// </summary>
    private void LabelledLine(int lineStart, int first, int end)
    {
        int p = first;
        int bullet = LineRules.Bullet(_t, p, end);
        bool starts = bullet > 0;
        if (starts) p = LineRules.SkipBlanks(_t, bullet, end);
        p = LineRules.SkipEmphasis(_t, p, end);
        var label = LineRules.ParagraphLabel(_t, p, end, _knownLabels);
        if (label is { } found)
        {
            starts = true;
            p = LineRules.SkipEmphasis(_t, LineRules.SkipBlanks(_t, found.After, end), end);
            p = LineRules.SkipBlanks(_t, p, end);
            p = LineRules.SkipEmphasis(_t, p, end);
        }
        var option = LineRules.OptionLabel(_t, p, end, _knownNumbers);
        if (option is null && LineRules.OptionAfterPrefixes(_t, p, end) is var behind and >= 0)
        {
            option = LineRules.OptionLabel(_t, behind, end, _knownNumbers);
            if (option is not null) p = behind;
        }
        if (option is not null) starts = true;
        if (starts && _provisions.Current is { HasContent: true }) _provisions.End(lineStart);
        var block = _provisions.Current ?? _provisions.Start(lineStart, ProvisionKind.Paragraph);
        if (label is { } l && block.Label is null) block.Label = l.Label;
        if (option is { } o)
        {
            Options.Add(new OptionLabel(_cursor.Line, _cursor.Column(p), block.Index, o.Number, o.Numbering));
        }
    }

    /// <summary>
    /// A Markdown heading's title: its text without emphasis marks, trimmed (as <c>Replace("*", "").Trim()</c> would give,
    /// in one string instead of three).
    /// </summary>
    private string HeadingTitle(int from, int to)
    {
        var raw = _t.AsSpan(from, to - from);
        if (!raw.Contains('*')) return new string(raw.Trim());
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        int n = 0;
        foreach (char c in raw)
        {
            if (c != '*') buffer[n++] = c;
        }
        return new string(buffer[..n].Trim());
    }

    /// <summary>The line's text from <paramref name="first"/> to <paramref name="end"/> ends with <c>}</c>, blanks after it aside.</summary>
    private bool EndsWithBrace(int first, int end)
    {
        var line = _t.AsSpan(first, end - first).TrimEnd();
        return line.Length > 0 && line[^1] == '}';
    }

    private bool IsFence(int first, int end) =>
        first + 3 <= end && _t[first] is '`' or '~' && first - _cursor.LineStart <= 3
        && (TextProbe.At(_t, first, "```") || TextProbe.At(_t, first, "~~~"));
}
