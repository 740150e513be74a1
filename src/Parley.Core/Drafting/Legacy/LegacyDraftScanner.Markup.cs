namespace Parley.Core.Drafting;

internal sealed partial class LegacyDraftScanner
{
    private int _longestLabel;

    /// <summary>Bit c set when a defined label, normalised, starts with the ASCII character c.</summary>
    private UInt128 _labelStarts;

    /// <summary>
    /// Cheap test before normalising a candidate label. Normalising trims, keeps every other non-blank character and
    /// upper-cases, so a candidate cannot match when it has more non-blank characters than the longest defined label, or when
    /// its first one is ASCII and no defined label starts with its upper case (a character outside ASCII may upper-case into
    /// ASCII, so it always goes on to the full test).
    /// </summary>
    private bool CouldBeLabel(int from, int to)
    {
        int visible = 0;
        for (int k = from; k < to; k++)
        {
            char c = _t[k];
            if (char.IsWhiteSpace(c)) continue;
            if (visible == 0 && c < 128 && (_labelStarts & (UInt128.One << char.ToUpperInvariant(c))) == UInt128.Zero) return false;
            if (++visible > _longestLabel) return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="label"/>, normalised as CommonMark does, is defined; allocates nothing.</summary>
    private bool IsLinkLabel(ReadOnlySpan<char> label)
    {
        Span<char> buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        int n = LineRules.NormaliseLabel(label, buffer);
        return _linkLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..n]);
    }

    /// <summary>Labels of every link reference definition, so that <c>[text][label]</c> is a link only when the label is defined.</summary>
    private HashSet<string> CollectLinkLabels(List<int> definitionMarks)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        if (definitionMarks.Count == 0) return labels;
        int from = Math.Max(0, FrontMatterEnd() ?? 0);
        // A definition has "]:" on its line: look only at the lines that do, found by the prescan.
        foreach (int k in definitionMarks)
        {
            if (k < from) continue;
            int p = k == 0 ? 0 : _t.LastIndexOf('\n', k - 1) + 1;
            p = Math.Max(p, from);
            int end = _t.IndexOf('\n', k);
            if (end < 0) end = _n;
            int first = LineRules.SkipBlanks(_t, p, end);
            if (first < end && _t[first] == '[' && LineRules.LinkDefinition(_t, p, end) is { } label)
            {
                labels.Add(label);
                _longestLabel = Math.Max(_longestLabel, label.Count(c => c != ' '));
                if (label[0] < 128) _labelStarts |= UInt128.One << label[0];
            }
            from = end + 1;
        }
        return labels;
    }

    /// <summary>Offset just past a closed front matter (<c>---</c> on line 1 up to a <c>---</c> or <c>...</c> line), or null.</summary>
    private int? FrontMatterEnd()
    {
        if (!_md || !_t.StartsWith("---", StringComparison.Ordinal)) return null;
        int firstEnd = _t.IndexOf('\n');
        if (firstEnd < 0 || _t.AsSpan(3, firstEnd - 3).Trim().Length != 0) return null;
        int p = firstEnd + 1;
        while (p < _n)
        {
            int end = _t.IndexOf('\n', p);
            if (end < 0) end = _n;
            var line = _t.AsSpan(p, end - p).TrimEnd();
            if (line is "---" or "...") return Math.Min(end + 1, _n);
            p = end + 1;
        }
        return -1;
    }

    private int SkipFrontMatter()
    {
        int? end = FrontMatterEnd();
        if (end is null) return 0;
        if (end < 0)
        {
            Problem(0, DraftProblemKind.UnclosedFrontMatter);
            return 0;
        }
        Markup.Add(new MarkupSpan(0, end.Value));
        return Jump(0, end.Value);
    }

    /// <summary>
    /// At a <c>[</c> in Markdown: a footnote reference, an inline link <c>[text](url)</c>, or a reference link whose label is
    /// defined. For a link, the text is read as text and its syntax skipped; returns where to continue, or -1 for a bracket.
    /// </summary>
    private int MarkdownAtBracket(int i)
    {
        // Nothing to look for: not a footnote, and the text has neither "](" nor a defined label.
        if (!_mayHaveInlineLinks && _linkLabels.Count == 0 && (i + 1 >= _n || _t[i + 1] != '^')) return -1;
        int lineEnd = LineEnd(i);
        int footnote = LineRules.FootnoteReferenceEnd(_t, i, lineEnd);
        if (footnote > 0)
        {
            Markup.Add(new MarkupSpan(i, footnote + 1));
            return footnote + 1;
        }
        int close = _t.AsSpan(i + 1, lineEnd - i - 1).IndexOfAny(LinkTextStops);
        if (close < 0) return -1;
        close += i + 1;
        if (_t[close] != ']') return -1;
        int after = close + 1;
        int tail = -1;
        if (after < lineEnd && _t[after] == '(')
        {
            tail = InlineLinkEnd(after, lineEnd);
        }
        else if (_linkLabels.Count == 0)
        {
            return -1;
        }
        else if (after < lineEnd && _t[after] == '[')
        {
            int labelEnd = _t.AsSpan(after + 1, lineEnd - after - 1).IndexOfAny('[', ']');
            if (labelEnd >= 0) labelEnd += after + 1;
            if (labelEnd > 0 && _t[labelEnd] == ']')
            {
                var label = labelEnd == after + 1 ? _t.AsSpan(i + 1, close - i - 1) : _t.AsSpan(after + 1, labelEnd - after - 1);
                int from = labelEnd == after + 1 ? i + 1 : after + 1, to = labelEnd == after + 1 ? close : labelEnd;
                if (CouldBeLabel(from, to) && IsLinkLabel(label)) tail = labelEnd + 1;
            }
        }
        else if (CouldBeLabel(i + 1, close) && IsLinkLabel(_t.AsSpan(i + 1, close - i - 1)))
        {
            tail = after;
        }
        if (tail < 0) return -1;
        Markup.Add(new MarkupSpan(i, i + 1));
        _skipAt = close;
        _skipTo = tail;
        _gapBlank = false;
        return i + 1;
    }

    private static readonly System.Buffers.SearchValues<char> LinkTextStops = System.Buffers.SearchValues.Create("[]{<");

    /// <summary>End (exclusive) of <c>(destination "title")</c> starting at <paramref name="p"/>, or -1.</summary>
    private int InlineLinkEnd(int p, int lineEnd)
    {
        int q = LineRules.SkipBlanks(_t, p + 1, lineEnd);
        if (q < lineEnd && _t[q] == '<')
        {
            q = _t.IndexOf('>', q, lineEnd - q);
            if (q < 0) return -1;
            q++;
        }
        else
        {
            int depth = 0;
            while (q < lineEnd && !char.IsWhiteSpace(_t[q]) && !(_t[q] == ')' && depth == 0))
            {
                if (_t[q] == '(') depth++;
                else if (_t[q] == ')') depth--;
                q++;
            }
        }
        q = LineRules.SkipBlanks(_t, q, lineEnd);
        if (q < lineEnd && _t[q] is '"' or '\'')
        {
            int titleEnd = _t.IndexOf(_t[q], q + 1, lineEnd - q - 1);
            if (titleEnd < 0) return -1;
            q = LineRules.SkipBlanks(_t, titleEnd + 1, lineEnd);
        }
        return q < lineEnd && _t[q] == ')' ? q + 1 : -1;
    }

    /// <summary>
    /// At a <c>{</c>: a kramdown attribute list <c>{:…}</c> (Markdown markup) or a facilitator note, which may span lines but
    /// not a blank line, except in a Markdown footnote when the line after the blank lines is indented four columns or more
    /// (the footnote's continuation paragraph). Braces nest inside a note; brackets inside a note are part of the note.
    /// </summary>
    private int Brace(int i)
    {
        EndWord();
        _gapBlank = false;
        int lineEnd = LineEnd(i);
        if (_md && i + 1 < _n && _t[i + 1] == ':')
        {
            int end = _t.IndexOf('}', i, lineEnd - i);
            if (end > 0)
            {
                Markup.Add(new MarkupSpan(i, end + 1));
                return end + 1;
            }
        }
        int depth = 0;
        for (int q = i; q < _n; q++)
        {
            char c = _t[q];
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0)
            {
                var block = _block ?? StartBlock(i, ProvisionKind.Paragraph);
                Notes.Add(new FacilitatorNote(i, q, _line, i - _lineStart + 1, block.Index));
                return Jump(i, q + 1);
            }
            else if (c == '\n' && LineRules.SkipBlanks(_t, q + 1, _n) is int next && (next >= _n || _t[next] == '\n')
                && !(_inFootnote && LineRules.IndentedAfterBlankLines(_t, next)))
            {
                break;
            }
        }
        Problem(i, DraftProblemKind.UnclosedNote);
        return i + 1;
    }

    /// <summary>At a <c>&lt;</c>: an HTML comment (possibly an issue tag), an HTML tag in Markdown, or plain text.</summary>
    private int Angle(int i)
    {
        if (i + 3 < _n && string.CompareOrdinal(_t, i, "<!--", 0, 4) == 0)
        {
            int end = _t.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                Problem(i, DraftProblemKind.UnclosedComment);
                TextChar(i, '<');
                return i + 1;
            }
            IssueTag(_t.AsSpan(i + 4, end - i - 4));
            Markup.Add(new MarkupSpan(i, end + 3));
            _gapBlank = false;
            return Jump(i, end + 3);
        }
        if (_md && i + 1 < _n && (char.IsAsciiLetter(_t[i + 1]) || _t[i + 1] == '/'))
        {
            int lineEnd = LineEnd(i);
            int close = _t.AsSpan(i + 1, lineEnd - i - 1).IndexOfAny('>', '<');
            if (close >= 0) close += i + 1;
            if (close > 0 && _t[close] == '>')
            {
                EndWord();
                Markup.Add(new MarkupSpan(i, close + 1));
                return close + 1;
            }
        }
        TextChar(i, '<');
        return i + 1;
    }

    /// <summary>Reads <c>issue: id</c> from a comment's content and tags the current block with it.</summary>
    private void IssueTag(ReadOnlySpan<char> content)
    {
        var s = content.Trim();
        if (!s.StartsWith("issue", StringComparison.OrdinalIgnoreCase)) return;
        s = s[5..].TrimStart();
        if (s.Length == 0 || s[0] != ':') return;
        s = s[1..].Trim();
        if (s.Length == 0 || s.ContainsAny(" \t\r\n")) return;
        var block = _block ?? StartBlock(_lineStart, ProvisionKind.Paragraph);
        block.OwnIssue ??= s.ToString();
    }
}
