using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

/// <summary>
/// The RFC 6962 test data shared by Certificate Transparency implementations: eight leaves and the published roots,
/// audit paths and consistency proofs over them, as listed in google/certificate-transparency-go
/// merkletree/merkle_verifier_test.go (getInputs, getRoots, getInclusionTestVector, getConsistencyProofs; the same
/// values as the CT C++ merkle_tree_test and transparency-dev/merkle). Leaf numbers there are 1-based; here 0-based.
/// </summary>
public class MerkleReferenceTests
{
    private static readonly string[] LeafData =
        ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static MerkleTree Tree() => new(LeafData.Select(d => MerkleHash.Leaf(Convert.FromHexString(d))));

    private static Hash32 H(string hex) => Hash32.Parse(hex);

    public static TheoryData<long, long, string[]> Inclusions => new()
    {
        { 0, 1, [] },
        {
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        {
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    public static TheoryData<long, long, string[]> Consistencies => new()
    {
        { 1, 1, [] },
        {
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        {
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    [Fact]
    public void Root_EmptyTree_IsSha256OfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new MerkleTree([]).Root().ToString());
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tree().Root(0).ToString());
    }

    [Fact]
    public void Root_ReferenceLeaves_MatchesPublishedRootsForSizesOneToEight()
    {
        var tree = Tree();

        Assert.Equal(Roots, Enumerable.Range(1, 8).Select(size => tree.Root(size).ToString()));
    }

    [Theory]
    [MemberData(nameof(Inclusions))]
    public void InclusionProof_ReferenceLeaves_MatchesPublishedPathAndVerifies(long index, long size, string[] expected)
    {
        var tree = Tree();

        var proof = tree.InclusionProof(index, size);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleProofs.VerifyInclusion(index, size, tree.LeafHash(index), [.. expected.Select(H)], H(Roots[size - 1])));
    }

    [Theory]
    [MemberData(nameof(Consistencies))]
    public void ConsistencyProof_ReferenceLeaves_MatchesPublishedProofAndVerifies(long first, long second, string[] expected)
    {
        var proof = Tree().ConsistencyProof(first, second);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleProofs.VerifyConsistency(first, second, [.. expected.Select(H)], H(Roots[first - 1]), H(Roots[second - 1])));
    }

    [Fact]
    public void VerifyConsistency_PublishedProofWithRootsSwapped_Fails()
    {
        var proof = Tree().ConsistencyProof(6, 8);

        Assert.False(MerkleProofs.VerifyConsistency(6, 8, proof, H(Roots[7]), H(Roots[5])));
    }
}
