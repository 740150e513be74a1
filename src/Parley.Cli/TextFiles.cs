using System.Runtime.InteropServices;
using System.Text;

namespace Parley.Cli;

/// <summary>
/// Reads a whole text file into one string as <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order
/// mark says otherwise; invalid bytes become U+FFFD), faster for large files: the bytes are read in one go, the number
/// of characters counted first so the string is allocated once at its size, and a large file is decoded in two halves
/// on two cores. <c>File.ReadAllText</c> reads 4 KB at a time into a growing buffer and copies it into the string at the
/// end, which for a 50 MB draft cost more than measuring the draft (issue #14).
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
        // The bytes live outside the garbage-collected heap and are given back as soon as they are decoded: on the heap,
        // 50 MB of garbage made the collector run once more and then clear the memory it handed to the draft's lists.
        byte* bytes = (byte*)NativeMemory.Alloc((nuint)length);
        try
        {
            var all = new Span<byte>(bytes, (int)length);
            int read = 0;
            while (read < all.Length)
            {
                int n = RandomAccess.Read(handle, all[read..], read);
                if (n == 0) break;
                read += n;
            }
            // The file changed length while read: read it again the ordinary way.
            if (read != all.Length || RandomAccess.GetLength(handle) != length) return File.ReadAllText(path);
            int start = 0;
            if (all.StartsWith("\uFEFF"u8)) start = 3;
            // Other byte order marks (UTF-16, UTF-32) are the framework's to decode.
            else if (all.StartsWith([(byte)0xFE, (byte)0xFF]) || all.StartsWith([(byte)0xFF, (byte)0xFE])
                     || all.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]))
                return File.ReadAllText(path);
            return Decode(bytes + start, all.Length - start);
        }
        finally
        {
            NativeMemory.Free(bytes);
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
