namespace Parley.Core.Drafting;

/// <summary>
/// Pure recognisers for what a line begins with: list markers, paragraph labels, "Option" labels, headings, link and
/// footnote definitions. Each takes the text and a start offset and looks no further than the end of the line.
/// </summary>
internal static class LineRules
{
    private static readonly string[] Suffixes =
        ["quinquies", "quater", "sexies", "septies", "octies", "novies", "decies", "bis", "ter", "alt"];

    private static readonly string[] PlainHeadingWords =
        ["Article", "ARTICLE", "Preamble", "PREAMBLE", "Annex", "ANNEX", "Chapter", "CHAPTER", "Section", "SECTION", "Part", "PART"];

    /// <summary>Skips spaces and tabs from <paramref name="p"/> up to <paramref name="end"/>.</summary>
    public static int SkipBlanks(string t, int p, int end)
    {
        while (p < end && (t[p] == ' ' || t[p] == '\t' || t[p] == '\r')) p++;
        return p;
    }

    /// <summary>Skips emphasis marks (<c>*</c>, <c>_</c>).</summary>
    public static int SkipEmphasis(string t, int p, int end)
    {
        while (p < end && (t[p] == '*' || t[p] == '_')) p++;
        return p;
    }

    /// <summary>A bullet (<c>-</c>, <c>*</c>, <c>+</c> then a blank): returns the offset after it, or -1.</summary>
    public static int Bullet(string t, int p, int end)
    {
        if (p + 1 < end && (t[p] == '-' || t[p] == '*' || t[p] == '+') && (t[p + 1] == ' ' || t[p + 1] == '\t')) return p + 2;
        return -1;
    }

    /// <summary>
    /// A paragraph label at <paramref name="p"/>: <c>PP 3</c>, <c>OP4bis</c>, <c>3.3alt</c>, <c>(17ter)</c>, <c>1.</c>,
    /// <c>3.x</c>. A bare number counts only when followed by <c>.</c>, <c>:</c> or <c>)</c>, or when it is dotted or has a
    /// suffix, so that "2020 was" is not a label. Returns the label and the offset after it, or null.
    /// </summary>
    /// <param name="t">The text.</param>
    /// <param name="p">Where the label would start.</param>
    /// <param name="end">End of the line.</param>
    /// <param name="known">
    /// Labels already read, by their text from prefix to suffix as written (which alone decides prefix, number and suffix):
    /// a label read again is the same (immutable) object instead of a new one and three new strings. Null to build every one.
    /// </param>
    public static (ParagraphLabel Label, int After)? ParagraphLabel(string t, int p, int end, Dictionary<string, ParagraphLabel>? known = null)
    {
        int q = p;
        bool paren = q < end && t[q] == '(';
        if (paren) q++;
        int keyStart = q;
        string prefix = "";
        if (q + 1 < end && (t[q] == 'P' || t[q] == 'O') && t[q + 1] == 'P')
        {
            prefix = t[q] == 'P' ? "PP" : "OP";
            q += 2;
            if (q < end && t[q] == ' ') q++;
            if (q >= end || !char.IsAsciiDigit(t[q])) return null;
        }
        int numStart = q;
        if (q >= end || !char.IsAsciiDigit(t[q])) return null;
        while (q < end && char.IsAsciiDigit(t[q])) q++;
        bool dotted = false;
        while (q + 1 < end && t[q] == '.' && (char.IsAsciiDigit(t[q + 1]) || (t[q + 1] == 'x' && !IsLetter(t, q + 2, end))))
        {
            dotted = true;
            q++;
            while (q < end && (char.IsAsciiDigit(t[q]) || t[q] == 'x')) q++;
        }
        int numEnd = q;
        int s = q < end && t[q] == ' ' ? q + 1 : q;
        string suffix = "";
        if (s < end && Suffix(t, s, end) is { } found)
        {
            suffix = found;
            q = s + found.Length;
        }
        int keyEnd = q;
        if (paren)
        {
            if (q >= end || t[q] != ')') return null;
            q++;
        }
        else if (q < end && (t[q] == '.' || t[q] == ':' || t[q] == ')'))
        {
            q++;
        }
        else if (!(prefix.Length > 0 || dotted || suffix.Length > 0))
        {
            return null;
        }
        if (q < end && !(t[q] == ' ' || t[q] == '\t' || t[q] == '\r' || t[q] == '[' || t[q] == '*' || t[q] == ':')) return null;
        if (q < end && t[q] == ':') q++;
        var key = t.AsSpan(keyStart, keyEnd - keyStart);
        if (known is not null && known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var seen)) return (seen, q);
        string number = t[numStart..numEnd];
        string text = prefix + (prefix.Length > 0 && t[numStart - 1] == ' ' ? " " : "") + number + suffix;
        var label = new ParagraphLabel(text, prefix, number, suffix);
        known?.Add(key.ToString(), label);
        return (label, q);
    }

    /// <summary>
    /// An "Option" label at <paramref name="p"/>: <c>Option</c>, a space or no-break space, a number (Arabic, Roman or one
    /// capital letter; an Arabic one may carry a suffix, <c>1bis</c> or <c>1 bis</c>, read as "1bis") and then <c>:</c>,
    /// <c>.</c>, <c>)</c>, <c>*</c>, a blank or the end of the line.
    /// </summary>
    /// <param name="t">The text.</param>
    /// <param name="p">Where the label would start.</param>
    /// <param name="end">End of the line.</param>
    /// <param name="known">Numbers already read, to return the same string for the same number; null to allocate each one.</param>
    public static (string Number, OptionNumbering Numbering)? OptionLabel(string t, int p, int end, HashSet<string>? known = null)
    {
        if (p + 8 > end || t[p] != 'O' || !TextProbe.At(t, p, "Option") || t[p + 6] is not (' ' or '\u00A0')) return null;
        int q = p + 7;
        int start = q;
        OptionNumbering numbering;
        string suffix = "";
        if (char.IsAsciiDigit(t[q]))
        {
            while (q < end && char.IsAsciiDigit(t[q])) q++;
            numbering = OptionNumbering.Arabic;
            // "Option 1bis", "Option 1 ter": a further option, distinct from "Option 1" (UN drafting inserts bis, ter, … between
            // existing numbers rather than renumbering).
            int s = q < end && t[q] == ' ' ? q + 1 : q;
            if (s < end && Suffix(t, s, end) is { } found)
            {
                suffix = found;
                q = s + found.Length;
            }
        }
        else if ("IVXLC".Contains(t[q]))
        {
            while (q < end && "IVXLC".Contains(t[q])) q++;
            numbering = OptionNumbering.Roman;
        }
        else if (char.IsAsciiLetterUpper(t[q]))
        {
            q++;
            numbering = OptionNumbering.Letter;
        }
        else
        {
            return null;
        }
        if (q < end && !(t[q] is ':' or '.' or ')' or '*' or ' ' or '\t' or '\r')) return null;
        if (suffix.Length > 0)
        {
            // Written "1 ter" or "1ter", the number is "1ter", as paragraph labels are.
            int digits = start;
            while (char.IsAsciiDigit(t[digits])) digits++;
            var written = string.Concat(t.AsSpan(start, digits - start), suffix);
            if (known is null) return (written, numbering);
            if (!known.TryGetValue(written, out var same))
            {
                same = written;
                known.Add(same);
            }
            return (same, numbering);
        }
        if (known is null) return (t[start..q], numbering);
        var number = t.AsSpan(start, q - start);
        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(number, out var shared))
        {
            shared = number.ToString();
            known.Add(shared);
        }
        return (shared, numbering);
    }

    /// <summary>
    /// The start of an "Option" label behind what may precede it on its line once the list marker and paragraph label are
    /// read: a lettered sub-paragraph (<c>(f)</c>, <c>(iv)</c>, <c>b)</c>: one to four lower-case letters or one capital,
    /// in parentheses or followed by <c>)</c>), emphasis, and one <c>[</c> (a bracketed heading, <c>**[Option 1**</c>).
    /// Returns the offset of the word "Option" when one follows, else -1: none of these prefixes begins a provision alone.
    /// </summary>
    public static int OptionAfterPrefixes(string t, int p, int end)
    {
        int q = LetterItem(t, p, end);
        q = q < 0 ? p : SkipEmphasis(t, SkipBlanks(t, q, end), end);
        if (q < end && t[q] == '[') q = SkipEmphasis(t, q + 1, end);
        return q > p && q + 8 <= end && t[q] == 'O' ? q : -1;
    }

    /// <summary>A lettered sub-paragraph marker at <paramref name="p"/> followed by a blank: returns the offset after it, or -1.</summary>
    private static int LetterItem(string t, int p, int end)
    {
        int start = p < end && t[p] == '(' ? p + 1 : p;
        int q = start;
        if (q < end && char.IsAsciiLetterUpper(t[q]))
        {
            q++;
        }
        else
        {
            // Read one letter past four, to refuse a word such as "(fifth)".
            while (q < end && char.IsAsciiLetterLower(t[q]) && q - start <= 4) q++;
        }
        if (q - start is 0 or > 4 || q >= end || t[q] != ')') return -1;
        q++;
        return q < end && t[q] is ' ' or '\t' ? q : -1;
    }

    /// <summary>The suffix (<c>bis</c>, <c>ter</c>, …, <c>alt</c>) starting at <paramref name="s"/> and not followed by a letter, or null.</summary>
    private static string? Suffix(string t, int s, int end)
    {
        foreach (var candidate in Suffixes)
        {
            if (t[s] == candidate[0] && s + candidate.Length <= end && TextProbe.At(t, s, candidate)
                && !IsLetter(t, s + candidate.Length, end))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>A Markdown ATX heading: up to three spaces, 1–6 <c>#</c>, then a blank or the end. Returns level and offset after the marks.</summary>
    public static (int Level, int After)? MarkdownHeading(string t, int lineStart, int end)
    {
        int p = lineStart;
        while (p < end && p - lineStart < 3 && t[p] == ' ') p++;
        int hashes = 0;
        while (p < end && t[p] == '#') { p++; hashes++; }
        if (hashes is < 1 or > 6) return null;
        if (p < end && t[p] != ' ' && t[p] != '\t' && t[p] != '\r') return null;
        return (hashes, p);
    }

    /// <summary>
    /// A plain-text heading: a line starting with Article, Preamble, Annex, Chapter, Section or Part (or their capitals)
    /// with at most ten words, not ending in <c>.</c>, <c>;</c> or <c>,</c> (so a sentence starting "Article 4 of …" is text).
    /// </summary>
    public static bool PlainHeading(string t, int p, int end)
    {
        bool keyword = false;
        foreach (var word in PlainHeadingWords)
        {
            if (p + word.Length <= end && TextProbe.At(t, p, word)
                && (p + word.Length == end || !char.IsLetter(t[p + word.Length])))
            {
                keyword = true;
                break;
            }
        }
        if (!keyword) return false;
        var line = t.AsSpan(p, end - p).TrimEnd();
        if (line.Length == 0 || line[^1] is '.' or ';' or ',') return false;
        int words = 1;
        for (int i = 1; i < line.Length; i++)
        {
            if (char.IsWhiteSpace(line[i - 1]) && !char.IsWhiteSpace(line[i])) words++;
        }
        return words <= 10;
    }

    /// <summary>
    /// A CommonMark link reference definition filling the whole line: <c>[label]: destination "optional title"</c>, the label
    /// not starting with <c>^</c>. Returns the normalised label, or null. <c>[shall]: the Parties shall</c> is not one, since
    /// nothing but a title may follow the destination.
    /// </summary>
    public static string? LinkDefinition(string t, int lineStart, int end)
    {
        int p = lineStart;
        while (p < end && p - lineStart < 3 && t[p] == ' ') p++;
        if (p >= end || t[p] != '[' || p + 1 >= end || t[p + 1] == '^') return null;
        int close = p + 1;
        while (close < end && t[close] != ']' && t[close] != '[') close++;
        if (close + 1 >= end || t[close] != ']' || t[close + 1] != ':') return null;
        string label = NormaliseLabel(t.AsSpan(p + 1, close - p - 1));
        if (label.Length == 0) return null;
        int q = SkipBlanks(t, close + 2, end);
        if (q >= end) return null;
        int destStart = q;
        while (q < end && !char.IsWhiteSpace(t[q])) q++;
        if (q == destStart) return null;
        q = SkipBlanks(t, q, end);
        if (q < end)
        {
            char open = t[q];
            char closeMark = open == '(' ? ')' : open;
            if (open is not ('"' or '\'' or '(')) return null;
            int titleEnd = t.IndexOf(closeMark, q + 1, end - q - 1);
            if (titleEnd < 0 || SkipBlanks(t, titleEnd + 1, end) != end) return null;
        }
        return label;
    }

    /// <summary>A footnote definition <c>[^label]:</c> at the start of the line; returns the offset after the colon, or -1.</summary>
    public static int FootnoteDefinition(string t, int lineStart, int end)
    {
        int p = lineStart;
        while (p < end && p - lineStart < 3 && t[p] == ' ') p++;
        if (p + 2 >= end || t[p] != '[' || t[p + 1] != '^') return -1;
        int close = FootnoteReferenceEnd(t, p, end);
        return close > 0 && close + 1 < end && t[close + 1] == ':' ? close + 2 : -1;
    }

    /// <summary>A footnote reference <c>[^label]</c> at <paramref name="p"/>: returns the offset of its <c>]</c>, or -1.</summary>
    public static int FootnoteReferenceEnd(string t, int p, int end)
    {
        if (p + 2 >= end || t[p] != '[' || t[p + 1] != '^') return -1;
        int q = p + 2;
        while (q < end && t[q] != ']' && t[q] != '[' && !char.IsWhiteSpace(t[q])) q++;
        return q < end && q > p + 2 && t[q] == ']' ? q : -1;
    }

    /// <summary>CommonMark label matching: trimmed, inner white space collapsed, case-folded.</summary>
    public static string NormaliseLabel(ReadOnlySpan<char> label)
    {
        Span<char> buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        return new string(buffer[..NormaliseLabel(label, buffer)]);
    }

    /// <summary>Writes the normalised <paramref name="label"/> into <paramref name="into"/> (at least as long); returns its length.</summary>
    public static int NormaliseLabel(ReadOnlySpan<char> label, Span<char> into)
    {
        int n = 0;
        bool gap = false;
        foreach (char c in label.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                gap = true;
                continue;
            }
            if (gap) into[n++] = ' ';
            gap = false;
            into[n++] = char.ToUpperInvariant(c);
        }
        return n;
    }

    /// <summary>Columns of indentation from <paramref name="lineStart"/> to <paramref name="first"/>: a tab advances to the next multiple of 4.</summary>
    public static int Indent(string t, int lineStart, int first)
    {
        int columns = 0;
        for (int k = lineStart; k < first; k++)
        {
            if (t[k] == ' ') columns++;
            else if (t[k] == '\t') columns += 4 - columns % 4;
        }
        return columns;
    }

    /// <summary>The line before the one starting at <paramref name="lineStart"/> holds only blanks.</summary>
    public static bool FollowsBlankLine(string t, int lineStart)
    {
        if (lineStart < 2) return lineStart == 1;
        int k = lineStart - 2;
        while (k >= 0 && t[k] is ' ' or '\t' or '\r') k--;
        return k < 0 || t[k] == '\n';
    }

    /// <summary>
    /// From the <c>\n</c> ending a blank line at <paramref name="p"/>: after any further blank lines, the next line is indented
    /// four columns or more (so it continues a footnote). False at the end of the text.
    /// </summary>
    public static bool IndentedAfterBlankLines(string t, int p)
    {
        while (p < t.Length && t[p] == '\n')
        {
            int first = SkipBlanks(t, p + 1, t.Length);
            if (first >= t.Length) return false;
            if (t[first] != '\n') return Indent(t, p + 1, first) >= 4;
            p = first;
        }
        return false;
    }

    /// <summary>"ad ref" (any case) starts at <paramref name="i"/> and begins a word: the "ad ref." / "ad referendum" mark.</summary>
    public static bool IsAdRef(string t, int i)
    {
        if (i > 0 && char.IsLetter(t[i - 1])) return false;
        return i + 6 <= t.Length && string.Compare(t, i, "ad ref", 0, 6, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static bool IsLetter(string t, int p, int end) => p < end && char.IsLetter(t[p]);
}
