using System.Text;

namespace Parley.Core.Guarantees.Import;

/// <summary>One CSV record, or the reason it could not be read.</summary>
/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="Fields">The fields, or null when the record is broken.</param>
/// <param name="ErrorColumn">The 0-based column where reading failed, or -1 for the record as a whole.</param>
/// <param name="Error">Why the record could not be read.</param>
internal readonly record struct CsvRow(int Line, string[]? Fields, int ErrorColumn, string? Error);

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, double-quote quoting with "" as an escaped quote, quoted fields may span
/// lines) and reports the line of every record. Broken quoting never swallows the rest of the file: a quoted field
/// that never closes, or that runs over lines and leaves a record of the wrong width, is reported on the line it
/// opened and reading resumes on the next physical line. Blank lines are skipped.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _quoted = new();
    private List<(string Text, int Line)> _pushback = [];
    private int _pushbackNext;
    private int _lineNo;

    /// <summary>The width every record must have, once known from the header; 0 while unknown.</summary>
    public int ExpectedFields { get; set; }

    /// <summary>Physical lines read so far.</summary>
    public int LinesRead => _lineNo;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRow? Read()
    {
        while (true)
        {
            var (text, line) = NextLine();
            if (text is null) return null;
            if (text.Length == 0) continue;
            return Parse(text, line);
        }
    }

    private (string? Text, int Line) NextLine()
    {
        if (_pushbackNext < _pushback.Count) return _pushback[_pushbackNext++];
        var text = reader.ReadLine();
        if (text is null) return (null, 0);
        _lineNo++;
        if (_lineNo == 1 && text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return (text, _lineNo);
    }

    private CsvRow Parse(string text, int line)
    {
        var fields = new List<string>(ExpectedFields > 0 ? ExpectedFields : 16);
        List<(string Text, int Line)>? spanned = null;
        var pos = 0;
        while (true)
        {
            if (pos < text.Length && text[pos] == '"')
            {
                _quoted.Clear();
                pos++;
                while (true)
                {
                    var q = text.IndexOf('"', pos);
                    if (q < 0)
                    {
                        _quoted.Append(text, pos, text.Length - pos).Append('\n');
                        spanned ??= [(text, line)];
                        var (next, nextLine) = NextLine();
                        if (next is null)
                        {
                            Resync(spanned);
                            return new CsvRow(line, null, fields.Count, $"quoted field opened on line {line} is never closed");
                        }
                        spanned.Add((next, nextLine));
                        text = next;
                        pos = 0;
                        continue;
                    }
                    _quoted.Append(text, pos, q - pos);
                    if (q + 1 < text.Length && text[q + 1] == '"')
                    {
                        _quoted.Append('"');
                        pos = q + 2;
                        continue;
                    }
                    pos = q + 1;
                    break;
                }
                fields.Add(_quoted.ToString());
                if (pos == text.Length) break;
                if (text[pos] != ',')
                {
                    var at = spanned?[^1].Line ?? line;
                    if (spanned is not null) Resync(spanned);
                    return new CsvRow(line, null, fields.Count - 1,
                        $"unexpected '{text[pos]}' after the closing quote (line {at}, position {pos + 1})");
                }
                pos++;
                if (pos == text.Length) { fields.Add(""); break; }
            }
            else
            {
                var comma = text.IndexOf(',', pos);
                var end = comma < 0 ? text.Length : comma;
                var quote = text.IndexOf('"', pos, end - pos);
                if (quote >= 0)
                {
                    if (spanned is not null) Resync(spanned);
                    return new CsvRow(line, null, fields.Count, $"quote inside an unquoted field (position {quote + 1})");
                }
                fields.Add(text.Substring(pos, end - pos));
                if (comma < 0) break;
                pos = comma + 1;
                if (pos == text.Length) { fields.Add(""); break; }
            }
        }
        if (spanned is not null && ExpectedFields > 0 && fields.Count != ExpectedFields)
        {
            Resync(spanned);
            return new CsvRow(line, null, -1,
                $"quoted field opened on line {line} runs over {spanned.Count} lines and leaves {fields.Count} fields, not {ExpectedFields}: the quoting is broken");
        }
        return new CsvRow(line, fields.ToArray(), -1, null);
    }

    /// <summary>Gives back every line of a broken multi-line record but its first, so reading resumes right after it.</summary>
    private void Resync(List<(string Text, int Line)> spanned)
    {
        var rest = spanned.Skip(1).Concat(_pushback.Skip(_pushbackNext)).ToList();
        _pushback = rest;
        _pushbackNext = 0;
    }
}
