using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

public class MerkleFrontierTests
{
    private const int MaxSize = 200;

    private static List<byte[]> Leaves(int seed, int count) => NaiveMerkle.Entries(seed, count).Select(NaiveMerkle.LeafHash).ToList();

    [Fact]
    public void Append_EverySizeUpTo200_RootEqualsTreeAndNaiveRecursion()
    {
        var leaves = Leaves(6962, MaxSize);
        var tree = new MerkleTree(leaves.Select(l => new Hash32(l)));
        var frontier = MerkleFrontier.Empty;
        for (var n = 0; n <= MaxSize; n++)
        {
            if (n > 0) frontier = frontier.Append(new Hash32(leaves[n - 1]));

            Assert.Equal(n, frontier.Size);
            Assert.Equal(tree.Root(n), frontier.Root());
            Assert.Equal(Convert.ToHexStringLower(NaiveMerkle.Mth(leaves.Take(n).ToList())), frontier.Root().ToString());
        }
    }

    [Fact]
    public void Hashes_EverySizeUpTo200_ArePerfectSubtreeRootsLargestFirst()
    {
        var leaves = Leaves(11, MaxSize);
        var frontier = MerkleFrontier.Empty;
        for (var n = 1; n <= MaxSize; n++)
        {
            frontier = frontier.Append(new Hash32(leaves[n - 1]));
            // One subtree per set bit of n, from the highest bit down, each starting where the previous one ends.
            var expected = new List<string>();
            var start = 0;
            for (var bit = 30; bit >= 0; bit--)
            {
                if ((n & (1 << bit)) == 0) continue;
                expected.Add(Convert.ToHexStringLower(NaiveMerkle.Mth(leaves.Skip(start).Take(1 << bit).ToList())));
                start += 1 << bit;
            }

            Assert.Equal(expected, frontier.Hashes.Select(h => h.ToString()));
        }
    }

    [Fact]
    public void Append_ResumedFromParsedText_MatchesUninterruptedFrontier()
    {
        var leaves = Leaves(2024, 100).Select(l => new Hash32(l)).ToList();
        var whole = leaves.Aggregate(MerkleFrontier.Empty, (f, leaf) => f.Append(leaf));

        for (var cut = 0; cut <= leaves.Count; cut++)
        {
            var stored = leaves.Take(cut).Aggregate(MerkleFrontier.Empty, (f, leaf) => f.Append(leaf)).Serialize();
            var resumed = leaves.Skip(cut).Aggregate(MerkleFrontier.Parse(stored), (f, leaf) => f.Append(leaf));

            Assert.Equal(whole.Serialize(), resumed.Serialize());
        }
    }

    [Fact]
    public void Append_ReturnsNewFrontier_LeavesOriginalUnchanged()
    {
        var one = MerkleFrontier.Empty.Append(MerkleHash.Leaf([1]));
        var two = one.Append(MerkleHash.Leaf([2]));

        Assert.Equal(0, MerkleFrontier.Empty.Size);
        Assert.Equal(MerkleHash.Empty, MerkleFrontier.Empty.Root());
        Assert.Equal(1, one.Size);
        Assert.Equal<Hash32>([MerkleHash.Leaf([1])], one.Hashes);
        Assert.Equal<Hash32>([MerkleHash.Node(MerkleHash.Leaf([1]), MerkleHash.Leaf([2]))], two.Hashes);
    }

    [Fact]
    public void SerializeThenParse_EverySizeUpTo200_RoundTrips()
    {
        var leaves = Leaves(7, MaxSize);
        var frontier = MerkleFrontier.Empty;
        for (var n = 0; n <= MaxSize; n++)
        {
            if (n > 0) frontier = frontier.Append(new Hash32(leaves[n - 1]));
            var text = frontier.Serialize();
            var parsed = MerkleFrontier.Parse(text);

            Assert.Equal(text, parsed.Serialize());
            Assert.Equal(frontier.Size, parsed.Size);
            Assert.Equal<Hash32>(frontier.Hashes, parsed.Hashes);
        }
    }

    [Fact]
    public void Serialize_KnownFrontiers_GivesSizeColonCommaSeparatedHex()
    {
        var a = MerkleHash.Leaf([1]);
        var b = MerkleHash.Leaf([2]);
        var c = MerkleHash.Leaf([3]);
        var three = MerkleFrontier.Empty.Append(a).Append(b).Append(c);

        Assert.Equal("0:", MerkleFrontier.Empty.Serialize());
        Assert.Equal($"3:{MerkleHash.Node(a, b)},{c}", three.Serialize());
        Assert.Equal(MerkleHash.Node(MerkleHash.Node(a, b), c), three.Root());
    }

    [Fact]
    public void FromHashes_PartsOfAnAppendedFrontier_Rebuilds()
    {
        var frontier = Leaves(3, 13).Aggregate(MerkleFrontier.Empty, (f, leaf) => f.Append(new Hash32(leaf)));

        var rebuilt = MerkleFrontier.FromHashes(13, frontier.Hashes);

        Assert.Equal(frontier.Serialize(), rebuilt.Serialize());
        Assert.Equal(frontier.Root(), rebuilt.Root());
    }

    [Fact]
    public void FromHashes_CountNotPopcountOfSize_Throws()
    {
        var h = MerkleHash.Leaf([1]);

        Assert.Throws<ArgumentException>(() => MerkleFrontier.FromHashes(0, [h]));
        Assert.Throws<ArgumentException>(() => MerkleFrontier.FromHashes(1, []));
        Assert.Throws<ArgumentException>(() => MerkleFrontier.FromHashes(3, [h]));
        Assert.Throws<ArgumentException>(() => MerkleFrontier.FromHashes(4, [h, h]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleFrontier.FromHashes(-1, []));
    }

    [Theory]
    [InlineData("", "no ':'")]
    [InlineData("12", "no ':'")]
    [InlineData("-1:", "negative")]
    [InlineData(":", "not a decimal")]
    [InlineData("01:", "not a decimal")]
    [InlineData(" 0:", "not a decimal")]
    [InlineData("+1:", "not a decimal")]
    [InlineData("99999999999999999999:", "not a decimal")]
    [InlineData("0:,", "needs 0 hashes")]
    [InlineData("1:", "needs 1 hashes")]
    [InlineData("3:0000000000000000000000000000000000000000000000000000000000000000", "needs 2 hashes")]
    [InlineData("1:000000000000000000000000000000000000000000000000000000000000000", "hash 1 of 1")]
    [InlineData("1:000000000000000000000000000000000000000000000000000000000000000G", "hash 1 of 1")]
    [InlineData("1:000000000000000000000000000000000000000000000000000000000000000A", "hash 1 of 1")]
    [InlineData("1: 000000000000000000000000000000000000000000000000000000000000000", "hash 1 of 1")]
    public void Parse_Malformed_ThrowsFormatExceptionSayingWhat(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MerkleFrontier.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.Contains("column", error.Message);
    }

    [Fact]
    public void Parse_SecondHashBad_NamesItsColumn()
    {
        var good = MerkleHash.Leaf([1]).ToString();

        var error = Assert.Throws<FormatException>(() => MerkleFrontier.Parse($"3:{good},{new string('x', 64)}"));

        Assert.Contains("column 68", error.Message);
        Assert.Contains("hash 2 of 2", error.Message);
    }
}
