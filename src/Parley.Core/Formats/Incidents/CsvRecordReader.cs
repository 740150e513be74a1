using Parley.Core.Guarantees;
using System.Text;

namespace Parley.Core.Formats.Incidents;

/// <summary>One CSV record, or the reason it could not be read.</summary>
/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="FieldCount">The number of fields, or -1 when the record is broken.</param>
/// <param name="ErrorColumn">The 0-based column where reading failed, or -1 for the record as a whole.</param>
/// <param name="Error">Why the record could not be read.</param>
internal readonly record struct CsvRow(int Line, int FieldCount, int ErrorColumn, string? Error)
{
    /// <summary>True when the record was read; its fields are then <see cref="CsvRecordReader.Field"/>.</summary>
    public bool Ok => Error is null;
}

/// <summary>
/// Reads RFC 4180 CSV (comma-separated, double-quote quoting with "" as an escaped quote, quoted fields may span
/// lines) and reports the line of every record. Broken quoting never swallows the rest of the file: a quoted field
/// that never closes, or that runs over lines and leaves a record of the wrong width, is reported on the line it
/// opened and reading resumes on the next physical line. Blank lines are skipped. A field or record past
/// <see cref="CsvLimits"/> is reported like broken quoting, on the line it starts.
/// </summary>
/// <remarks>
/// The fields of the last record read are views into its line (or, for a quoted field holding "" or a line break,
/// into one unescaped copy), valid until the next <see cref="Read"/>: no string is made for a field nobody asks for,
/// nor for a line that holds a whole record (<see cref="CsvLines"/>).
/// </remarks>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _quoted = new();
    private readonly CsvLines _lines = new(reader);
    private List<(string Text, int Line)> _pushback = [];
    private int _pushbackNext;
    private int _lineNo;
    private ReadOnlyMemory<char>[] _source = new ReadOnlyMemory<char>[64];
    private int[] _start = new int[64];
    private int[] _length = new int[64];
    private int _count;

    /// <summary>The width every record must have, once known from the header; 0 while unknown.</summary>
    public int ExpectedFields { get; set; }

    /// <summary>Physical lines read so far.</summary>
    public int LinesRead => _lineNo;

    /// <summary>Field <paramref name="index"/> of the last record read, unescaped and untrimmed.</summary>
    public ReadOnlySpan<char> Field(int index) => _source[index].Span.Slice(_start[index], _length[index]);

    /// <summary>The fields of the last record read, as strings.</summary>
    public string[] FieldStrings()
    {
        var fields = new string[_count];
        for (var i = 0; i < _count; i++) fields[i] = Field(i).ToString();
        return fields;
    }

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRow? Read()
    {
        while (true)
        {
            var (text, line, end) = NextLine();
            if (end) return null;
            if (text.Length == 0) continue;
            return Parse(text, line);
        }
    }

    /// <summary>The next line (a view valid until the next call, unless given back by <see cref="Resync"/>); End at the end.</summary>
    private (ReadOnlyMemory<char> Text, int Line, bool End) NextLine()
    {
        if (_pushbackNext < _pushback.Count)
        {
            var (given, at) = _pushback[_pushbackNext++];
            return (given.AsMemory(), at, false);
        }
        if (!_lines.TryRead(out var text)) return (default, 0, true);
        _lineNo++;
        if (_lineNo == 1 && text.Length > 0 && text.Span[0] == '\uFEFF') text = text[1..];
        return (text, _lineNo, false);
    }

    /// <summary>Adds a field; false when it is past <see cref="CsvLimits.MaxFieldLength"/> or one field too many.</summary>
    private bool Add(ReadOnlyMemory<char> source, int start, int length)
    {
        if (length > CsvLimits.MaxFieldLength || _count == CsvLimits.MaxColumns) return false;
        if (_count == _source.Length)
        {
            Array.Resize(ref _source, _count * 2);
            Array.Resize(ref _start, _count * 2);
            Array.Resize(ref _length, _count * 2);
        }
        _source[_count] = source;
        _start[_count] = start;
        _length[_count] = length;
        _count++;
        return true;
    }

    /// <summary>Why the field being added was refused, on the record's first line.</summary>
    private CsvRow Refused(int line, int length, List<(string Text, int Line)>? spanned)
    {
        if (spanned is not null) Resync(spanned);
        return _count == CsvLimits.MaxColumns
            ? new CsvRow(line, -1, -1, $"the record has more than {CsvLimits.MaxColumns} fields; Parley reads at most {CsvLimits.MaxColumns} (limit)")
            : TooLong(line, length);
    }

    private CsvRow TooLong(int line, int length) =>
        new(line, -1, _count, $"the field is {length:N0}+ characters long; Parley reads fields of at most {CsvLimits.MaxFieldLength:N0} (limit)");

    private CsvRow Parse(ReadOnlyMemory<char> line0, int line)
    {
        _count = 0;
        List<(string Text, int Line)>? spanned = null;
        var memory = line0;
        var text = memory.Span;
        var pos = 0;
        while (true)
        {
            if (pos < text.Length && text[pos] == '"')
            {
                pos++;
                var open = pos;
                var copied = false; // true once the field needed unescaping into _quoted
                while (true)
                {
                    var q = text[pos..].IndexOf('"');
                    if (q >= 0) q += pos;
                    if (q < 0)
                    {
                        if (!copied) { _quoted.Clear(); _quoted.Append(text[open..pos]); copied = true; }
                        _quoted.Append(text[pos..]).Append('\n');
                        if (spanned is null)
                        {
                            // The record runs over lines: its first line is kept as a string (reading the next one reuses
                            // the buffer), and the fields read so far are views into that copy.
                            var first = memory.ToString();
                            for (var k = 0; k < _count; k++)
                                if (_source[k].Equals(memory)) _source[k] = first.AsMemory();
                            spanned = [(first, line)];
                        }
                        if (_quoted.Length > CsvLimits.MaxFieldLength)
                        {
                            Resync(spanned);
                            return TooLong(line, _quoted.Length);
                        }
                        var (next, nextLine, end) = NextLine();
                        if (end)
                        {
                            Resync(spanned);
                            return new CsvRow(line, -1, _count, $"quoted field opened on line {line} is never closed");
                        }
                        var kept = next.ToString();
                        spanned.Add((kept, nextLine));
                        memory = kept.AsMemory();
                        text = memory.Span;
                        pos = 0;
                        continue;
                    }
                    if (q + 1 < text.Length && text[q + 1] == '"')
                    {
                        if (!copied) { _quoted.Clear(); _quoted.Append(text[open..pos]); copied = true; }
                        _quoted.Append(text[pos..q]).Append('"');
                        pos = q + 2;
                        continue;
                    }
                    if (copied)
                    {
                        _quoted.Append(text[pos..q]);
                        if (_quoted.Length > CsvLimits.MaxFieldLength || _count == CsvLimits.MaxColumns)
                            return Refused(line, _quoted.Length, spanned);
                        var s = _quoted.ToString();
                        Add(s.AsMemory(), 0, s.Length);
                    }
                    else if (!Add(memory, open, q - open)) return Refused(line, q - open, spanned);
                    pos = q + 1;
                    break;
                }
                if (pos == text.Length) break;
                if (text[pos] != ',')
                {
                    var at = spanned?[^1].Line ?? line;
                    if (spanned is not null) Resync(spanned);
                    return new CsvRow(line, -1, _count - 1,
                        $"unexpected '{text[pos]}' after the closing quote (line {at}, position {pos + 1})");
                }
                pos++;
                if (pos == text.Length)
                {
                    if (!Add(memory, pos, 0)) return Refused(line, 0, spanned);
                    break;
                }
            }
            else
            {
                var comma = text[pos..].IndexOf(',');
                if (comma >= 0) comma += pos;
                var end = comma < 0 ? text.Length : comma;
                var quote = text[pos..end].IndexOf('"');
                if (quote >= 0) quote += pos;
                if (quote >= 0)
                {
                    if (spanned is not null) Resync(spanned);
                    return new CsvRow(line, -1, _count, $"quote inside an unquoted field (position {quote + 1})");
                }
                if (!Add(memory, pos, end - pos)) return Refused(line, end - pos, spanned);
                if (comma < 0) break;
                pos = comma + 1;
                if (pos == text.Length)
                {
                    if (!Add(memory, pos, 0)) return Refused(line, 0, spanned);
                    break;
                }
            }
        }
        if (spanned is not null && ExpectedFields > 0 && _count != ExpectedFields)
        {
            Resync(spanned);
            return new CsvRow(line, -1, -1,
                $"quoted field opened on line {line} runs over {spanned.Count} lines and leaves {_count} fields, not {ExpectedFields}: the quoting is broken");
        }
        return new CsvRow(line, _count, -1, null);
    }

    /// <summary>Gives back every line of a broken multi-line record but its first, so reading resumes right after it.</summary>
    private void Resync(List<(string Text, int Line)> spanned)
    {
        var rest = new List<(string Text, int Line)>(spanned.Count - 1 + _pushback.Count - _pushbackNext);
        for (var i = 1; i < spanned.Count; i++) rest.Add(spanned[i]);
        for (var i = _pushbackNext; i < _pushback.Count; i++) rest.Add(_pushback[i]);
        _pushback = rest;
        _pushbackNext = 0;
    }
}
