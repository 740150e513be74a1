namespace Parley.Core.Drafting;

internal sealed partial class LegacyDraftScanner
{
    private BlockBuilder? _block;
    private string? _carriedIssue;
    private bool _inFence;

    /// <summary>
    /// The line being read belongs to a Markdown footnote definition (<c>[^1]: …</c>), its lazy continuation lines, or its
    /// indented continuation paragraphs (CommonMark's footnote extension): a note may run on over blank lines there.
    /// </summary>
    private bool _inFootnote;

    /// <summary>
    /// Reads what a line begins with and decides where blocks start and end: blank lines, headings, link and footnote
    /// definitions, attribute lists, fenced code, list markers, paragraph labels and "Option" labels. Returns the offset at
    /// which character-by-character reading continues.
    /// </summary>
    private int LineStart(int i)
    {
        int end = LineEnd(i);
        int first = LineRules.SkipBlanks(_t, i, end);
        if (_md && IsFence(first, end))
        {
            _inFence = !_inFence;
            EndBlock(i);
            Markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (_inFence)
        {
            Markup.Add(new MarkupSpan(i, end));
            return end;
        }
        if (first == end)
        {
            EndBlock(i);
            return end;
        }
        if (_md)
        {
            // A footnote runs on over blank lines while the lines after them are indented four columns or more.
            if (_inFootnote && LineRules.Indent(_t, i, first) < 4 && LineRules.FollowsBlankLine(_t, i)) _inFootnote = false;
            if (_t[first] == '[' && LineRules.LinkDefinition(_t, i, end) is not null)
            {
                EndBlock(i);
                Markup.Add(new MarkupSpan(i, end));
                return end;
            }
            if (_t[first] == '{' && first + 1 < end && _t[first + 1] == ':' && _t.AsSpan(first, end - first).TrimEnd().EndsWith('}'))
            {
                Markup.Add(new MarkupSpan(i, end));
                return end;
            }
            if (LineRules.MarkdownHeading(_t, i, end) is { } heading)
            {
                EndBlock(i);
                _inFootnote = false;
                var block = StartBlock(i, ProvisionKind.Heading);
                block.Level = heading.Level;
                block.Title = HeadingTitle(heading.After, end);
                block.EndsAtLineEnd = true;
                Markup.Add(new MarkupSpan(i, heading.After));
                return heading.After;
            }
            int footnote = LineRules.FootnoteDefinition(_t, i, end);
            if (footnote > 0)
            {
                _inFootnote = true;
                EndBlock(i);
                StartBlock(i, ProvisionKind.Paragraph);
                Markup.Add(new MarkupSpan(first, footnote));
                return footnote;
            }
        }
        else if (LineRules.PlainHeading(_t, first, end))
        {
            EndBlock(i);
            var block = StartBlock(i, ProvisionKind.Heading);
            block.Level = 2;
            block.Title = new string(_t.AsSpan(first, end - first).Trim());
            block.EndsAtLineEnd = true;
            return first;
        }
        LabelledLine(i, first, end);
        return first;
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
        if (starts && _block is { HasContent: true }) EndBlock(lineStart);
        var block = _block ?? StartBlock(lineStart, ProvisionKind.Paragraph);
        if (label is { } l && block.Label is null) block.Label = l.Label;
        if (option is { } o)
        {
            Options.Add(new OptionLabel(_line, p - _lineStart + 1, block.Index, o.Number, o.Numbering));
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

    /// <summary>"Option" numbers read so far ("1", "II", "A"), shared between the labels that carry the same one.</summary>
    private readonly HashSet<string> _knownNumbers = new(StringComparer.Ordinal);

    /// <summary>Paragraph labels read so far, shared between the provisions that carry the same one.</summary>
    private readonly Dictionary<string, ParagraphLabel> _knownLabels = new(StringComparer.Ordinal);

    private bool IsFence(int first, int end) =>
        first + 3 <= end && _t[first] is '`' or '~' && first - _lineStart <= 3 && (string.CompareOrdinal(_t, first, "```", 0, 3) == 0 || string.CompareOrdinal(_t, first, "~~~", 0, 3) == 0);

    /// <summary>The builder of the block being read, reused from block to block: only that one block changes during the scan.</summary>
    private readonly BlockBuilder _reused = new();

    private BlockBuilder StartBlock(int start, ProvisionKind kind)
    {
        var block = _reused;
        block.Reset();
        block.Index = Provisions.Count;
        block.Kind = kind;
        block.Start = start;
        block.StartLine = 1 + (start >= _lineStart ? _line - 1 : _t.AsSpan(0, start).Count('\n'));
        block.CarriedIssue = _carriedIssue;
        _carriedIssue = null;
        _block = block;
        return block;
    }

    /// <summary>Sections still open at the current point, outermost first (indexes in <see cref="SectionHeads"/>).</summary>
    private readonly List<int> _openSections = [];

    /// <summary>
    /// Closes the block being read and stores it as a provision. A heading closes the open sections of its level or deeper
    /// and opens its own; a provision belongs to the innermost section open after that, and takes its issue from its own tag,
    /// else from a tag carried over from a lone tag block just before it, else from that section.
    /// </summary>
    private void EndBlock(int end)
    {
        if (_block is not { } block) return;
        block.End = Math.Max(block.Start, end);
        block.EndLine = Math.Max(block.StartLine, _line - (end <= _lineStart && _line > 1 ? 1 : 0));
        if (block.Kind == ProvisionKind.Paragraph && block.Words == 0 && !block.HasBracket && block.OwnIssue is not null)
        {
            _carriedIssue = block.OwnIssue;
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
        Provisions.Add(new Provision
        {
            Index = block.Index,
            Kind = block.Kind,
            Start = block.Start,
            End = block.End,
            StartLine = block.StartLine,
            EndLine = block.EndLine,
            Section = section,
            Label = block.Label,
            Issue = block.OwnIssue ?? block.CarriedIssue ?? (section >= 0 ? SectionHeads[section].Issue : null),
            AdReferendum = block.AdReferendum,
            Metrics = new TextMetrics(block.Words, block.AgreedWords, block.Chars, block.AgreedChars, block.Opens, block.MaxDepth),
        });
        _block = null;
    }
}
