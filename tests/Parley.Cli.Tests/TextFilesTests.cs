using System.Text;

namespace Parley.Cli.Tests;

/// <summary>
/// <see cref="TextFiles.ReadAllText(string)"/> gives what <see cref="File.ReadAllText(string)"/> gives: checked on seeded
/// random bytes (valid and invalid UTF-8, sequences cut by the read buffer's edge) read with buffers of a few bytes, and
/// on files large enough to be read in two halves.
/// </summary>
public sealed class TextFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-textfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Pieces of UTF-8, valid and not: ASCII, 2-, 3- and 4-byte characters, a lone continuation byte, a cut-short
    // sequence, an overlong form, a surrogate encoded in UTF-8, a byte never valid, and runs of continuation bytes.
    private static readonly byte[][] Pieces =
    [
        "a"u8.ToArray(), " "u8.ToArray(), "\n"u8.ToArray(), "[x]"u8.ToArray(), "é"u8.ToArray(), "€"u8.ToArray(),
        "𝄞"u8.ToArray(), [0x80], [0xE2, 0x82], [0xF0, 0x9D, 0x84], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF],
        [0x80, 0x80, 0x80, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ];

    private static byte[] RandomText(Random random, int pieces)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < pieces; i++) bytes.AddRange(Pieces[random.Next(Pieces.Length)]);
        return [.. bytes];
    }

    [Fact]
    public void ReadAllText_RandomBytesSmallChunks_SameAsFramework()
    {
        var random = new Random(14);
        for (int round = 0; round < 300; round++)
        {
            string path = Write(RandomText(random, random.Next(0, 200)));
            string expected = File.ReadAllText(path);
            foreach (int chunk in new[] { 8, 9, 13, 64, TextFiles.ChunkBytes })
            {
                Assert.Equal(expected, TextFiles.ReadAllText(path, chunk));
            }
        }
    }

    [Fact]
    public void ReadAllText_LargeFileInTwoHalves_SameAsFramework()
    {
        var random = new Random(15);
        for (int round = 0; round < 4; round++)
        {
            // Over the two-halves threshold (1 MB), with invalid bytes and multibyte characters around the middle.
            string path = Write(RandomText(random, 700_000));
            string expected = File.ReadAllText(path);
            Assert.Equal(expected, TextFiles.ReadAllText(path));
            Assert.Equal(expected, TextFiles.ReadAllText(path, 1000));
            // A character counted as the bytes are read: as many as the text holds.
            Assert.Equal(expected, TextFiles.ReadAllText(path, (byte)'[', out long brackets));
            Assert.Equal(expected.AsSpan().Count('['), brackets);
        }
    }

    [Fact]
    public void ReadAllText_ByteOrderMarks_AsFramework()
    {
        byte[] text = Encoding.UTF8.GetBytes("[Option 1] d\u00e9lai\n");
        foreach (var bytes in new[]
                 {
                     [0xEF, 0xBB, 0xBF, .. text], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF],
                     [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("[x] y")],
                     [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("[x] y")],
                     [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("[x] y")],
                     [0xEF, 0xBB, 0xBF, 0xE2, 0x82], Array.Empty<byte>(),
                 })
        {
            string path = Write(bytes);
            Assert.Equal(File.ReadAllText(path), TextFiles.ReadAllText(path, 8));
            // Those the framework reads (other byte order marks) are counted in the text.
            TextFiles.ReadAllText(path, (byte)'[', out long brackets);
            Assert.Equal(File.ReadAllText(path).AsSpan().Count('['), brackets);
        }
    }

    [Fact]
    public void ReadAllText_LongRunOfContinuationBytesAtChunkEdge_SameAsFramework()
    {
        // Runs of continuation bytes that cannot be cut: read again by the framework, with the same result.
        byte[] bytes = [.. "abc"u8, .. Enumerable.Repeat((byte)0x80, 40), .. "d€"u8, .. Enumerable.Repeat((byte)0xBF, 9)];
        string path = Write(bytes);
        for (int chunk = 8; chunk < 20; chunk++) Assert.Equal(File.ReadAllText(path), TextFiles.ReadAllText(path, chunk));
    }
}
