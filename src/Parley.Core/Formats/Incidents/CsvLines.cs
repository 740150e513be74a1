namespace Parley.Core.Formats.Incidents;

/// <summary>
/// The lines of a text as <see cref="TextReader.ReadLine"/> splits them (at <c>\n</c>, <c>\r</c> or <c>\r\n</c>; no
/// empty line after a final line break), each a view into one reused buffer, valid until the next
/// <see cref="TryRead"/>: a 100 MB export read through <c>ReadLine</c> made 200 MB of line strings, all garbage.
/// </summary>
internal sealed class CsvLines(TextReader reader)
{
    private char[] _buffer = new char[64 * 1024];
    private int _start; // the unread text is _buffer[_start.._end]
    private int _end;
    private bool _eof;
    private bool _afterCr; // the last line ended at '\r': a '\n' right after it is part of that line break

    /// <summary>The next line without its line break; false at the end of the text.</summary>
    public bool TryRead(out ReadOnlyMemory<char> line)
    {
        var scanned = 0; // chars after _start known to hold no line break
        while (true)
        {
            if (_afterCr && _start < _end)
            {
                if (_buffer[_start] == '\n') _start++;
                _afterCr = false;
            }
            if (!_afterCr)
            {
                var found = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny('\r', '\n');
                if (found >= 0)
                {
                    var at = _start + scanned + found;
                    line = _buffer.AsMemory(_start, at - _start);
                    _afterCr = _buffer[at] == '\r';
                    _start = at + 1;
                    return true;
                }
                scanned = _end - _start;
            }
            if (_eof)
            {
                _afterCr = false;
                line = _buffer.AsMemory(_start, _end - _start);
                var any = _end > _start;
                _start = _end;
                return any;
            }
            Fill();
        }
    }

    /// <summary>Moves the unread text to the front (growing the buffer when it is full of one line) and reads more.</summary>
    private void Fill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        else if (_start > 0) _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        _start = 0;
        _end = unread;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
