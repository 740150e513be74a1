using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Parley.Cli;

/// <summary>
/// Reads a whole text file into one string as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order
/// mark says otherwise; invalid bytes become U+FFFD), faster for large files: the characters are counted first so that
/// the string is allocated once at its size, then decoded straight into it; a large file is read in two halves on two
/// cores. Both passes read the file through one small buffer per half, never the whole file as bytes: for a 50 MB draft
/// a 50 MB array was 12,000 fresh pages for the kernel to clear, which cost more than reading the file twice from the
/// page cache (issue #14). <c>File.ReadAllText</c> reads 4 KB at a time into a growing buffer and copies it into the
/// string at the end, which for a 50 MB draft cost more than measuring the draft.
/// </summary>
/// <remarks>
/// The file is cut into pieces only before a byte that starts a character (one that is not a continuation byte
/// 10xxxxxx): no UTF-8 sequence, valid or not, runs across such a byte, so the pieces decode to exactly the characters the
/// whole would. A file that changes while read (its length, or its characters' count between the passes) is read again by
/// <see cref="File.ReadAllText(string)"/>.
/// </remarks>
internal static class TextFiles
{
    // Below this, one thread reads: starting a second costs more than it saves.
    private const int ParallelFrom = 1 << 20;

    // Under the large object heap's 85,000 bytes, and small enough to stay in the core's cache between read and decode.
    internal const int ChunkBytes = 1 << 16;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read (and the other exceptions of <see cref="File.OpenHandle"/>).</exception>
    public static string ReadAllText(string path) => ReadAllText(path, ChunkBytes, (byte)'\n', out _);

    /// <summary>
    /// The text of <paramref name="path"/>, and in <paramref name="count"/> how many times the ASCII character
    /// <paramref name="counted"/> occurs in it, counted in the bytes as they are read (no pass over the text afterwards: a
    /// draft's opening brackets, which <c>DraftLimits</c> bounds).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="counted"/> is not ASCII.</exception>
    /// <exception cref="IOException">The file cannot be read (and the other exceptions of <see cref="File.OpenHandle"/>).</exception>
    public static string ReadAllText(string path, byte counted, out long count)
    {
        // A byte under 0x80 is that character in UTF-8, and is never part of another one.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counted, (byte)0x7F);
        return ReadAllText(path, ChunkBytes, counted, out count);
    }

    /// <summary>The text of <paramref name="path"/>, read <paramref name="chunkBytes"/> at a time (tests use small chunks).</summary>
    internal static string ReadAllText(string path, int chunkBytes) => ReadAllText(path, chunkBytes, (byte)'\n', out _);

    private static string ReadAllText(string path, int chunkBytes, byte counted, out long count)
    {
        var text = Read(path, chunkBytes, counted, out count);
        // The framework's reading (below) counted nothing: counted in its text.
        if (count < 0) count = text.AsSpan().Count((char)counted);
        return text;
    }

    /// <summary>The text; <paramref name="count"/> is -1 when the framework read it.</summary>
    private static string Read(string path, int chunkBytes, byte counted, out long count)
    {
        count = -1;
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        // An empty file, one whose length the system does not give (/proc) and one of 1 GB or more are the framework's.
        if (length is 0 or >= 1 << 30) return File.ReadAllText(path);
        Span<byte> head = stackalloc byte[4];
        head = head[..ReadFully(handle, head, 0)];
        long start = 0;
        if (head.StartsWith("\uFEFF"u8)) start = 3;
        // Other byte order marks (UTF-16, UTF-32) are the framework's to decode.
        else if (head.StartsWith([(byte)0xFE, (byte)0xFF]) || head.StartsWith([(byte)0xFF, (byte)0xFE])
                 || head.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]))
            return File.ReadAllText(path);
        if (Decode(handle, start, length, chunkBytes, counted, out long found) is { } text)
        {
            count = found;
            return text;
        }
        return File.ReadAllText(path);
    }

    /// <summary>UTF-8 from <paramref name="start"/> to <paramref name="length"/>, or null when the file changed meanwhile.</summary>
    private static string? Decode(SafeFileHandle handle, long start, long length, int chunkBytes, byte counted, out long count)
    {
        long split = length;
        if (length - start >= ParallelFrom && Environment.ProcessorCount >= 2) split = CharacterStart(handle, start + (length - start) / 2);
        long first = 0, second = 0, firstCounted = 0, secondCounted = 0;
        if (split < length)
        {
            Parallel.Invoke(
                () => first = CountChars(handle, start, split, chunkBytes),
                () => second = CountChars(handle, split, length, chunkBytes));
        }
        else
        {
            first = CountChars(handle, start, length, chunkBytes);
        }
        count = 0;
        if (first < 0 || second < 0) return null;
        bool complete = true;
        var text = string.Create((int)(first + second), 0, (chars, _) =>
        {
            unsafe
            {
                fixed (char* p = chars)
                {
                    char* c = p;
                    int total = chars.Length, left = (int)first;
                    if (split < length)
                    {
                        bool a = false, b = false;
                        Parallel.Invoke(
                            () => a = DecodeInto(handle, start, split, new Span<char>(c, left), chunkBytes, counted, out firstCounted),
                            () => b = DecodeInto(handle, split, length, new Span<char>(c + left, total - left), chunkBytes, counted, out secondCounted));
                        complete = a && b;
                    }
                    else
                    {
                        complete = DecodeInto(handle, start, length, new Span<char>(c, total), chunkBytes, counted, out firstCounted);
                    }
                }
            }
        });
        count = firstCounted + secondCounted;
        return complete && RandomAccess.GetLength(handle) == length ? text : null;
    }

    /// <summary>
    /// The offset of the first byte from <paramref name="middle"/> that starts a character, looking at most four bytes on;
    /// the end of the file (meaning: do not split) when there is none, inside invalid UTF-8.
    /// </summary>
    private static long CharacterStart(SafeFileHandle handle, long middle)
    {
        Span<byte> bytes = stackalloc byte[4];
        int n = ReadFully(handle, bytes, middle);
        for (int k = 0; k < n; k++)
        {
            if (!IsContinuation(bytes[k])) return middle + k;
        }
        return RandomAccess.GetLength(handle);
    }

    /// <summary>The number of characters the bytes from <paramref name="from"/> to <paramref name="to"/> decode to, or -1 when the file changed.</summary>
    private static long CountChars(SafeFileHandle handle, long from, long to, int chunkBytes)
    {
        var pieces = new Pieces(handle, from, to, chunkBytes);
        long count = 0;
        while (pieces.Next(out var piece)) count += Utf8.GetCharCount(piece);
        return pieces.Failed ? -1 : count;
    }

    /// <summary>Decodes the bytes from <paramref name="from"/> to <paramref name="to"/> into exactly <paramref name="chars"/>, counting the bytes <paramref name="counted"/> in <paramref name="found"/>; false when they do not fit it.</summary>
    private static bool DecodeInto(SafeFileHandle handle, long from, long to, Span<char> chars, int chunkBytes, byte counted, out long found)
    {
        var pieces = new Pieces(handle, from, to, chunkBytes);
        found = 0;
        while (pieces.Next(out var piece))
        {
            if (!Utf8.TryGetChars(piece, chars, out int written)) return false;
            chars = chars[written..];
            found += piece.Count(counted);
        }
        return !pieces.Failed && chars.IsEmpty;
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = RandomAccess.Read(handle, buffer[read..], offset + read);
            if (n == 0) break;
            read += n;
        }
        return read;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>
    /// The bytes from one offset to another, a buffer at a time, each piece cut before a byte that starts a character (the
    /// bytes after the cut, at most three, are carried to the front of the buffer for the next piece).
    /// </summary>
    private sealed class Pieces(SafeFileHandle handle, long from, long to, int chunkBytes)
    {
        private readonly byte[] _buffer = new byte[chunkBytes];
        private long _offset = from;
        private int _carried, _cut;

        /// <summary>The file ended early, or a piece could not be cut (four or more continuation bytes in a row at its end).</summary>
        public bool Failed { get; private set; }

        public bool Next(out ReadOnlySpan<byte> piece)
        {
            piece = default;
            if (Failed || (_offset == to && _carried == 0)) return false;
            // The bytes carried from the last piece go to the front, now that that piece has been used.
            if (_carried > 0) _buffer.AsSpan(_cut, _carried).CopyTo(_buffer);
            int wanted = (int)Math.Min(_buffer.Length - _carried, to - _offset);
            int n = ReadFully(handle, _buffer.AsSpan(_carried, wanted), _offset);
            if (n < wanted)
            {
                Failed = true;
                return false;
            }
            _offset += n;
            int filled = _carried + n;
            _cut = filled;
            if (_offset < to && _buffer[filled - 1] >= 0x80)
            {
                _cut = LastCharacterStart(_buffer.AsSpan(0, filled));
                if (_cut <= 0)
                {
                    Failed = true;
                    return false;
                }
            }
            piece = _buffer.AsSpan(0, _cut);
            _carried = filled - _cut;
            return true;
        }

        /// <summary>The index of the last byte among the last four of <paramref name="bytes"/> that starts a character, or -1.</summary>
        private static int LastCharacterStart(ReadOnlySpan<byte> bytes)
        {
            for (int k = bytes.Length - 1; k >= 0 && k >= bytes.Length - 4; k--)
            {
                if (!IsContinuation(bytes[k])) return k;
            }
            return -1;
        }
    }
}
