using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

public class MerkleTreeTests
{
    private static MerkleTree Tree(int size) => new(Enumerable.Range(0, size).Select(i => MerkleHash.Leaf([(byte)i])));

    [Fact]
    public void Hash32_ParseOfToString_RoundTripsAndComparesByContent()
    {
        var hash = MerkleHash.Leaf([1, 2, 3]);

        Assert.Equal(hash, Hash32.Parse(hash.ToString().ToUpperInvariant()));
        Assert.Equal(hash, new Hash32(hash.ToArray()));
        Assert.NotEqual(hash, MerkleHash.Leaf([1, 2, 4]));
    }

    [Fact]
    public void Hash32_WrongLengthOrNotHex_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Hash32(new byte[31]));
        Assert.Throws<ArgumentException>(() => Hash32.Parse(new string('a', 63)));
        Assert.Throws<ArgumentException>(() => Hash32.Parse(new string('g', 64)));
    }

    [Fact]
    public void MerkleHash_LeafAndNode_UseDistinctPrefixes()
    {
        var (a, b) = (MerkleHash.Leaf([]), MerkleHash.Leaf([0]));

        // A node over (a, b) is not the leaf whose data is a ‖ b.
        Assert.NotEqual(MerkleHash.Node(a, b), MerkleHash.Leaf([.. a.ToArray(), .. b.ToArray()]));
        Assert.NotEqual(MerkleHash.Node(a, b), MerkleHash.Node(b, a));
    }

    [Fact]
    public void Queries_SizeOrIndexOutsideTree_Throw()
    {
        var tree = Tree(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Root(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.LeafHash(5));
    }

    [Fact]
    public void VerifyInclusion_IndexNotBelowSize_Throws()
    {
        var root = Tree(4).Root();

        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.VerifyInclusion(4, 4, root, [], root));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.VerifyInclusion(0, 0, root, [], root));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.VerifyInclusion(-1, 4, root, [], root));
    }

    [Fact]
    public void VerifyConsistency_FirstAboveSecond_Throws()
    {
        var root = Tree(4).Root();

        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.VerifyConsistency(2, 1, [], root, root));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleProofs.VerifyConsistency(-1, 1, [], root, root));
    }

    [Fact]
    public void VerifyConsistency_EmptyOrEqualTrees_NeedEmptyProofAndMatchingRoots()
    {
        var tree = Tree(4);
        var (r3, r4) = (tree.Root(3), tree.Root(4));

        Assert.True(MerkleProofs.VerifyConsistency(0, 4, [], MerkleHash.Empty, r4));
        Assert.False(MerkleProofs.VerifyConsistency(0, 4, [], r3, r4));
        Assert.False(MerkleProofs.VerifyConsistency(0, 4, [r3], MerkleHash.Empty, r4));
        Assert.True(MerkleProofs.VerifyConsistency(4, 4, [], r4, r4));
        Assert.False(MerkleProofs.VerifyConsistency(4, 4, [], r3, r4));
        Assert.False(MerkleProofs.VerifyConsistency(4, 4, [r4], r4, r4));
        Assert.False(MerkleProofs.VerifyConsistency(3, 4, [], r3, r4));
    }

    [Fact]
    public void VerifyInclusion_SameShapeInAnotherSize_AcceptsAsDocumented()
    {
        var tree = Tree(4);

        // Index 0 has the path (right, right) in sizes 3 and 4, so size 3's proof and root also check as size 4.
        Assert.True(MerkleProofs.VerifyInclusion(0, 4, tree.LeafHash(0), tree.InclusionProof(0, 3), tree.Root(3)));
        Assert.False(MerkleProofs.VerifyInclusion(0, 2, tree.LeafHash(0), tree.InclusionProof(0, 3), tree.Root(3)));
    }
}
