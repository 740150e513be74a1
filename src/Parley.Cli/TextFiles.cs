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
    public static string ReadAllText(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        // An empty file, one whose length the system does not give (/proc) and one of 1 GB or more are the framework's.
        if (length is 0 or >= 1 << 30) return File.ReadAllText(path);
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) break;
            read += n;
        }
        // The file changed length while read: read it again the ordinary way.
        if (read != bytes.Length || RandomAccess.GetLength(handle) != length) return File.ReadAllText(path);
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        // Other byte order marks (UTF-16, UTF-32) are the framework's to decode.
        else if (span.StartsWith([(byte)0xFE, (byte)0xFF]) || span.StartsWith([(byte)0xFF, (byte)0xFE])
                 || span.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]))
            return File.ReadAllText(path);
        return Decode(bytes, bytes.Length - span.Length);
    }

    /// <summary>UTF-8 from <paramref name="start"/> to the end, in two halves on two cores when large.</summary>
    private static string Decode(byte[] bytes, int start)
    {
        int count = bytes.Length - start;
        if (count < ParallelFrom || Environment.ProcessorCount < 2) return Utf8.GetString(bytes, start, count);
        // Split where a character starts (not on a continuation byte 10xxxxxx), so that each half decodes to exactly the
        // characters the whole would: a sequence cut short at the split would have been invalid whole as well.
        int split = start + count / 2;
        for (int k = 0; k < 4 && (bytes[split] & 0xC0) == 0x80; k++) split++;
        // Still inside a run of continuation bytes (invalid UTF-8): decode whole, so U+FFFD comes out as it would.
        if ((bytes[split] & 0xC0) == 0x80) return Utf8.GetString(bytes, start, count);
        int first = 0, second = 0;
        Parallel.Invoke(
            () => first = Utf8.GetCharCount(bytes, start, split - start),
            () => second = Utf8.GetCharCount(bytes, split, bytes.Length - split));
        return string.Create(first + second, (bytes, start, split, first), static (chars, s) =>
        {
            unsafe
            {
                fixed (char* p = chars)
                {
                    var (whole, from, at, left) = s;
                    char* c = p;
                    int length = chars.Length;
                    Parallel.Invoke(
                        () => Utf8.GetChars(whole.AsSpan(from, at - from), new Span<char>(c, left)),
                        () => Utf8.GetChars(whole.AsSpan(at), new Span<char>(c + left, length - left)));
                }
            }
        });
    }
}
