namespace Parley.Core.Drafting;

/// <summary>
/// The markup pass: what is not negotiated text inside a line — Markdown front matter, inline and reference links and
/// footnote references at a <c>[</c>, facilitator notes and kramdown attribute lists at a <c>{</c>, HTML comments (and the
/// issue tags in them) and tags at a <c>&lt;</c>. Each method is called by the tokenizer at the character that may start
/// the markup and returns where reading continues, recording what it skipped in <see cref="Spans"/>. Link labels are
/// collected once, before the scan, from the lines the prescan found holding <c>]:</c>; the pass holds no other state.
/// </summary>
internal sealed class MarkupPass
{

    private readonly string _t;
    private readonly int _n;
    private readonly bool _md;
    private readonly LineCursor _cursor;
    private readonly ProvisionBuilder _provisions;
    private readonly bool _mayHaveInlineLinks;
    private readonly LinkLabels _labels;

    /// <param name="text">The draft.</param>
    /// <param name="markdown">Read Markdown markup (else only notes and comments are markup).</param>
    /// <param name="prescan">What the prescan of the whole text found: whether <c>](</c> occurs.</param>
    /// <param name="labels">The labels defined in the whole text (<see cref="Labels"/>).</param>
    /// <param name="cursor">The scan's position.</param>
    /// <param name="provisions">The blocks, for the provision of a note or an issue tag.</param>
    public MarkupPass(string text, bool markdown, DraftPrescan prescan, LinkLabels labels, LineCursor cursor, ProvisionBuilder provisions)
    {
        _t = text;
        _n = text.Length;
        _md = markdown;
        _cursor = cursor;
        _provisions = provisions;
        _mayHaveInlineLinks = prescan.HasInlineLinkMark;
        _labels = labels;
    }

    /// <summary>The link labels defined in <paramref name="text"/>, from the places its prescan found holding <c>]:</c>.</summary>
    public static LinkLabels Labels(string text, bool markdown, DraftPrescan prescan) =>
        markdown && prescan.DefinitionMarks.Count > 0
            ? LinkLabels.Collect(text, prescan.DefinitionMarks, Math.Max(0, FrontMatterEnd(text, markdown) ?? 0))
            : LinkLabels.None;

    /// <summary>Markup skipped so far, in order.</summary>
    public ValueList<MarkupSpan> Spans { get; } = new();

    /// <summary>Facilitator notes read so far, in order.</summary>
    public List<FacilitatorNote> Notes { get; } = [];

    /// <summary>Skips closed front matter (reporting it when never closed); returns where reading starts.</summary>
    public int SkipFrontMatter()
    {
        int? end = FrontMatterEnd(_t, _md);
        if (end is null) return 0;
        if (end < 0)
        {
            _cursor.Problem(0, DraftProblemKind.UnclosedFrontMatter);
            return 0;
        }
        Spans.Add(new MarkupSpan(0, end.Value));
        return _cursor.Jump(0, end.Value);
    }

    /// <summary>Offset just past a closed front matter (<c>---</c> on line 1 up to a <c>---</c> or <c>...</c> line), -1 when unclosed, or null.</summary>
    private static int? FrontMatterEnd(string t, bool markdown)
    {
        if (!markdown || !t.StartsWith("---", StringComparison.Ordinal)) return null;
        int n = t.Length;
        int firstEnd = t.IndexOf('\n');
        if (firstEnd < 0 || t.AsSpan(3, firstEnd - 3).Trim().Length != 0) return null;
        int p = firstEnd + 1;
        while (p < n)
        {
            int end = t.IndexOf('\n', p);
            if (end < 0) end = n;
            var line = t.AsSpan(p, end - p).TrimEnd();
            if (line is "---" or "...") return Math.Min(end + 1, n);
            p = end + 1;
        }
        return -1;
    }

    /// <summary>
    /// At a <c>[</c> in Markdown: a footnote reference (skipped; returns the offset after it), an inline link
    /// <c>[text](url)</c> or a reference link whose label is defined (returns the offset of its text, which is read as text,
    /// and the stretch of link syntax after the text to skip: <paramref name="skipAt"/> to <paramref name="skipTo"/>), or -1
    /// for a bracket.
    /// </summary>
    public int AtBracket(int i, out int skipAt, out int skipTo)
    {
        skipAt = skipTo = -1;
        // Nothing to look for: not a footnote, and the text has neither "](" nor a defined label.
        if (!_mayHaveInlineLinks && _labels.Count == 0 && (i + 1 >= _n || _t[i + 1] != '^')) return -1;
        int lineEnd = _cursor.LineEnd(i);
        int footnote = LineRules.FootnoteReferenceEnd(_t, i, lineEnd);
        if (footnote > 0)
        {
            Spans.Add(new MarkupSpan(i, footnote + 1));
            return footnote + 1;
        }
        int close = StopSearch.IndexOf<LinkTextStops>(_t.AsSpan(i + 1, lineEnd - i - 1));
        if (close < 0) return -1;
        close += i + 1;
        if (_t[close] != ']') return -1;
        int after = close + 1;
        int tail = -1;
        if (after < lineEnd && _t[after] == '(')
        {
            tail = InlineLinkEnd(after, lineEnd);
        }
        else if (_labels.Count == 0)
        {
            return -1;
        }
        else if (after < lineEnd && _t[after] == '[')
        {
            int labelEnd = _t.AsSpan(after + 1, lineEnd - after - 1).IndexOfAny('[', ']');
            if (labelEnd >= 0) labelEnd += after + 1;
            if (labelEnd > 0 && _t[labelEnd] == ']')
            {
                int from = labelEnd == after + 1 ? i + 1 : after + 1, to = labelEnd == after + 1 ? close : labelEnd;
                if (_labels.Contains(_t, from, to)) tail = labelEnd + 1;
            }
        }
        else if (_labels.Contains(_t, i + 1, close))
        {
            tail = after;
        }
        if (tail < 0) return -1;
        Spans.Add(new MarkupSpan(i, i + 1));
        skipAt = close;
        skipTo = tail;
        return i + 1;
    }

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
    /// not a blank line, except in a Markdown footnote (<paramref name="inFootnote"/>) when the line after the blank lines is
    /// indented four columns or more (the footnote's continuation paragraph). Braces nest inside a note; brackets inside a
    /// note are part of the note. An unclosed note is reported and its <c>{</c> read as text. Returns where reading continues.
    /// </summary>
    public int Brace(int i, bool inFootnote)
    {
        int lineEnd = _cursor.LineEnd(i);
        if (_md && i + 1 < _n && _t[i + 1] == ':')
        {
            int end = _t.IndexOf('}', i, lineEnd - i);
            if (end > 0)
            {
                Spans.Add(new MarkupSpan(i, end + 1));
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
                var block = _provisions.Current ?? _provisions.Start(i, ProvisionKind.Paragraph);
                Notes.Add(new FacilitatorNote(i, q, _cursor.Line, _cursor.Column(i), block.Index));
                return _cursor.Jump(i, q + 1);
            }
            else if (c == '\n' && LineRules.SkipBlanks(_t, q + 1, _n) is int next && (next >= _n || _t[next] == '\n')
                && !(inFootnote && LineRules.IndentedAfterBlankLines(_t, next)))
            {
                break;
            }
        }
        _cursor.Problem(i, DraftProblemKind.UnclosedNote);
        return i + 1;
    }

    /// <summary>
    /// At a <c>&lt;</c>: an HTML comment (possibly an issue tag; <paramref name="comment"/> set) or, in Markdown, an HTML tag:
    /// returns the offset after it. -1 when the character is text (also for a comment never closed, which is reported).
    /// </summary>
    public int Angle(int i, out bool comment)
    {
        comment = false;
        if (i + 3 < _n && TextProbe.At(_t, i, "<!--"))
        {
            int end = _t.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                _cursor.Problem(i, DraftProblemKind.UnclosedComment);
                return -1;
            }
            IssueTag(_t.AsSpan(i + 4, end - i - 4));
            Spans.Add(new MarkupSpan(i, end + 3));
            comment = true;
            return _cursor.Jump(i, end + 3);
        }
        if (_md && i + 1 < _n && (char.IsAsciiLetter(_t[i + 1]) || _t[i + 1] == '/'))
        {
            int lineEnd = _cursor.LineEnd(i);
            int close = _t.AsSpan(i + 1, lineEnd - i - 1).IndexOfAny('>', '<');
            if (close >= 0) close += i + 1;
            if (close > 0 && _t[close] == '>')
            {
                Spans.Add(new MarkupSpan(i, close + 1));
                return close + 1;
            }
        }
        return -1;
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
        var block = _provisions.Current ?? _provisions.Start(_cursor.LineStart, ProvisionKind.Paragraph);
        block.OwnIssue ??= s.ToString();
    }
}

/// <summary>A stretch of Markdown markup that is not negotiated text (front matter, link syntax, footnote marks, tags, comments).</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past it.</param>
public readonly record struct MarkupSpan(int Start, int End);
