using System.IO.MemoryMappedFiles;
using System.Text;

namespace Parley.Cli;

/// <summary>
/// Reads a whole text file into one string as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order
/// mark says otherwise; invalid bytes become U+FFFD), faster for large files: the file is mapped into memory instead of
/// copied into a buffer, the number of characters counted first so the string is allocated once at its size, and a large
/// file is decoded in two halves on two cores. <c>File.ReadAllText</c> reads 4 KB at a time into a growing buffer and
/// copies it into the string at the end, which for a 50 MB draft cost more than measuring the draft (issue #14). A file
/// cut short by another program while it is being decoded ends the process (as with any mapped file); one whose length
/// changed is read again the ordinary way.
/// </summary>
internal static class TextFiles
{
    // Below this, one thread decodes: starting a second costs more than it saves.
    private const int ParallelFrom = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text of <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read (and the other exceptions of <see cref="File.OpenHandle"/>).</exception>
    public static unsafe string ReadAllText(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        // An empty file, one whose length the system does not give (/proc) and one of 1 GB or more are the framework's.
        if (length is 0 or >= 1 << 30) return File.ReadAllText(path);
        // The file is mapped, not read into a buffer: its pages are those of the system's file cache, so decoding touches
        // no fresh memory for the bytes. Fresh memory is what a cold draft stats spends most on (every new page is
        // cleared, and on a virtual machine backed by the host on first touch: docs/benchmarks.md, "Cold starts"), and 50 MB
        // of bytes on the collected heap also made the collector run again and clear the memory it then gave the draft.
        using var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* bytes = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref bytes);
        try
        {
            var all = new ReadOnlySpan<byte>(bytes + view.PointerOffset, (int)length);
            int start = 0;
            if (all.StartsWith("\uFEFF"u8)) start = 3;
            // Other byte order marks (UTF-16, UTF-32) are the framework's to decode.
            else if (all.StartsWith([(byte)0xFE, (byte)0xFF]) || all.StartsWith([(byte)0xFF, (byte)0xFE])
                     || all.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]))
                return File.ReadAllText(path);
            var text = Decode(bytes + view.PointerOffset + start, all.Length - start);
            // The file changed length while read: read it again the ordinary way.
            return RandomAccess.GetLength(handle) == length ? text : File.ReadAllText(path);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    /// <summary>UTF-8 of <paramref name="count"/> bytes at <paramref name="bytes"/>, in two halves on two cores when large.</summary>
    private static unsafe string Decode(byte* bytes, int count)
    {
        if (count < ParallelFrom || Environment.ProcessorCount < 2) return Utf8.GetString(bytes, count);
        // Split where a character starts (not on a continuation byte 10xxxxxx), so that each half decodes to exactly the
        // characters the whole would: a sequence cut short at the split would have been invalid whole as well.
        int split = count / 2;
        for (int k = 0; k < 4 && (bytes[split] & 0xC0) == 0x80; k++) split++;
        // Still inside a run of continuation bytes (invalid UTF-8): decode whole, so U+FFFD comes out as it would.
        if ((bytes[split] & 0xC0) == 0x80) return Utf8.GetString(bytes, count);
        int first = 0, second = 0;
        nint at = (nint)bytes;
        Parallel.Invoke(
            () => first = Utf8.GetCharCount((byte*)at, split),
            () => second = Utf8.GetCharCount((byte*)at + split, count - split));
        return string.Create(first + second, (at, count, split, first), static (chars, s) =>
        {
            fixed (char* p = chars)
            {
                var (whole, total, half, left) = s;
                char* c = p;
                int length = chars.Length;
                Parallel.Invoke(
                    () => Utf8.GetChars((byte*)whole, half, c, left),
                    () => Utf8.GetChars((byte*)whole + half, total - half, c + left, length - left));
            }
        });
    }
}
