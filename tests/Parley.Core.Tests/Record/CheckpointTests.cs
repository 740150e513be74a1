using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

public class CheckpointTests
{
    private const string Origin = "parley.example/record";
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 5, TimeSpan.Zero);

    // SHA-256 of nothing, in base64.
    private const string EmptyRootBase64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    private static string ValidBody => $"{Origin}\n42\n{EmptyRootBase64}\ntime 2025-03-14T12:00:05Z\n";

    [Fact]
    public void Body_KnownCheckpoint_IsExactlyFourLines()
    {
        var checkpoint = new Checkpoint(Origin, 42, MerkleHash.Empty, Noon);

        Assert.Equal(ValidBody, checkpoint.Body());
    }

    [Fact]
    public void ParseBody_OfBody_RoundTrips()
    {
        var root = MerkleHash.Leaf([1, 2, 3]);
        foreach (var checkpoint in new[]
                 {
                     new Checkpoint(Origin, 0, MerkleHash.Empty, Noon),
                     new Checkpoint("a", long.MaxValue, root, DateTimeOffset.UnixEpoch),
                     new Checkpoint("log.example/ü/日本", 7, root, new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero)),
                 })
        {
            var parsed = Checkpoint.ParseBody(checkpoint.Body());

            Assert.Equal(checkpoint, parsed);
            Assert.Equal(TimeSpan.Zero, parsed.Time.Offset);
            Assert.Equal(checkpoint.Body(), parsed.Body());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has\ttab")]
    [InlineData("has\u2003emspace")]
    [InlineData("has+plus")]
    [InlineData("has\u0001control")]
    public void Constructor_BadOrigin_Throws(string origin)
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint(origin, 1, MerkleHash.Empty, Noon));
    }

    [Fact]
    public void Constructor_OriginWithUnpairedSurrogate_Throws()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD.
        Assert.Throws<ArgumentException>(() => new Checkpoint("log" + (char)0xD800, 1, MerkleHash.Empty, Noon));
        Assert.Throws<ArgumentException>(() => new Checkpoint((char)0xDC00 + "log", 1, MerkleHash.Empty, Noon));
    }

    [Fact]
    public void Constructor_NegativeSizeOrTimeNotUtcWholeSeconds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Checkpoint(Origin, -1, MerkleHash.Empty, Noon));
        Assert.Throws<ArgumentException>(() => new Checkpoint(Origin, 1, MerkleHash.Empty, Noon.ToOffset(TimeSpan.FromHours(2))));
        Assert.Throws<ArgumentException>(() => new Checkpoint(Origin, 1, MerkleHash.Empty, Noon.AddMilliseconds(1)));
        Assert.Throws<ArgumentException>(() => new Checkpoint(Origin, 1, MerkleHash.Empty, Noon.AddTicks(1)));
    }

    [Theory]
    // Structure.
    [InlineData("parley.example/record\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z", 4, "newline")]
    [InlineData("parley.example/record\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", 4, "missing the time line")]
    [InlineData("parley.example/record\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\nextra\n", 5, "extra line")]
    [InlineData("", 1, "missing the origin line")]
    // Origin.
    [InlineData("\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 1, "origin is empty")]
    [InlineData("a b\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 1, "white space")]
    // Size.
    [InlineData("o\n042\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 2, "leading zero")]
    [InlineData("o\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 2, "not a decimal")]
    [InlineData("o\n\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 2, "not a decimal")]
    [InlineData("o\n 42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 2, "not a decimal")]
    [InlineData("o\n9223372036854775808\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 2, "too large")]
    // Root.
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\ntime 2025-03-14T12:00:05Z\n", 3, "32 bytes")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\ntime 2025-03-14T12:00:05Z\n", 3, "32 bytes")]
    [InlineData("o\n42\nAAAA\ntime 2025-03-14T12:00:05Z\n", 3, "32 bytes")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=AAAA\ntime 2025-03-14T12:00:05Z\n", 3, "32 bytes")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCe uQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n", 3, "32 bytes")]
    // Time.
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nTime 2025-03-14T12:00:05Z\n", 4, "expected 'time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05\n", 4, "not a UTC time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05.000Z\n", 4, "not a UTC time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05+00:00\n", 4, "not a UTC time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-3-14T12:00:05Z\n", 4, "not a UTC time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-02-30T12:00:05Z\n", 4, "not a UTC time")]
    [InlineData("o\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime  2025-03-14T12:00:05Z\n", 4, "not a UTC time")]
    public void ParseBody_Malformed_NamesLineAndProblem(string body, int line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Checkpoint.ParseBody(body));

        Assert.Contains($"line {line}:", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void ParseBody_C2spExampleWithoutTimeLine_Refused()
    {
        // The example of c2sp.org/tlog-checkpoint: a valid checkpoint, but without the time line this record requires.
        const string example = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

        var error = Assert.Throws<FormatException>(() => Checkpoint.ParseBody(example));

        Assert.Contains("line 4: missing the time line", error.Message);
        Assert.Equal(20852163, Checkpoint.ParseBody(example + "time 2024-01-01T00:00:00Z\n").Size);
    }
}
