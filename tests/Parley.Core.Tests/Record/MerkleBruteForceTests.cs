using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

/// <summary>
/// The engine against <see cref="NaiveMerkle"/> on seeded random logs of up to 300 entries: every prefix root,
/// every inclusion proof and every consistency proof, and tampering of each part of a proof check.
/// </summary>
public class MerkleBruteForceTests
{
    private const int MaxSize = 300;
    private static readonly int[] Seeds = [11, 2024, 6962];

    private static (List<byte[]> Leaves, MerkleTree Tree) Log(int seed, int size = MaxSize)
    {
        var leaves = NaiveMerkle.Entries(seed, size).Select(NaiveMerkle.LeafHash).ToList();
        return (leaves, new MerkleTree(leaves.Select(l => new Hash32(l))));
    }

    [Fact]
    public void Root_EveryPrefixOfSeededLogs_EqualsNaiveRecursion()
    {
        foreach (var seed in Seeds)
        {
            var (leaves, tree) = Log(seed);
            for (var size = 0; size <= MaxSize; size++)
            {
                var expected = Convert.ToHexStringLower(NaiveMerkle.Mth(leaves.Take(size).ToList()));
                Assert.Equal(expected, tree.Root(size).ToString());
                Assert.Equal(expected, new MerkleTree(leaves.Take(size).Select(l => new Hash32(l))).Root().ToString());
            }
        }
    }

    [Fact]
    public void InclusionProof_EveryIndexOfSmallLogs_EqualsNaivePath()
    {
        var (leaves, tree) = Log(Seeds[0], 64);
        for (var size = 1; size <= 64; size++)
            for (var index = 0; index < size; index++)
            {
                var expected = NaiveMerkle.Path(index, leaves.Take(size).ToList()).Select(Convert.ToHexStringLower);
                Assert.Equal(expected, tree.InclusionProof(index, size).Select(h => h.ToString()));
            }
    }

    [Fact]
    public void VerifyInclusion_EveryIndexEverySize_Verifies()
    {
        foreach (var seed in Seeds)
        {
            var (_, tree) = Log(seed);
            for (var size = 1; size <= MaxSize; size++)
            {
                var root = tree.Root(size);
                for (var index = 0; index < size; index++)
                    Assert.True(MerkleProofs.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), root));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_AnyByteFlippedInProofLeafOrRoot_Fails()
    {
        var (_, tree) = Log(Seeds[1]);
        var random = new Random(Seeds[1]);
        for (var size = 1; size <= MaxSize; size++)
        {
            var root = tree.Root(size);
            // Small trees: every byte of every part; larger ones: one seeded byte and bit per part.
            for (var index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                var leaf = tree.LeafHash(index);
                var bytes = size <= 24 ? Enumerable.Range(0, Hash32.Length).ToArray() : [random.Next(Hash32.Length)];
                foreach (var b in bytes)
                {
                    var mask = (byte)(1 << random.Next(8));
                    Assert.False(MerkleProofs.VerifyInclusion(index, size, NaiveMerkle.Flip(leaf, b, mask), proof, root));
                    Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, proof, NaiveMerkle.Flip(root, b, mask)));
                    for (var p = 0; p < proof.Length; p++)
                        Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, NaiveMerkle.With(proof, p, NaiveMerkle.Flip(proof[p], b, mask)), root));
                }
            }
        }
    }

    [Fact]
    public void VerifyInclusion_ProofWithAHashAddedOrRemoved_Fails()
    {
        var (_, tree) = Log(Seeds[2]);
        for (var size = 1; size <= MaxSize; size++)
        {
            var root = tree.Root(size);
            for (var index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                var leaf = tree.LeafHash(index);
                Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, [.. proof, root], root));
                Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, [root, .. proof], root));
                if (proof.Length > 0)
                    Assert.False(MerkleProofs.VerifyInclusion(index, size, leaf, proof.RemoveAt(proof.Length - 1), root));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongIndex_Fails()
    {
        var (_, tree) = Log(Seeds[0]);
        for (var size = 1; size <= MaxSize; size++)
        {
            var root = tree.Root(size);
            for (var index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                foreach (var wrong in new long[] { index - 1, index + 1, index ^ 1, index ^ 2 })
                    if (wrong >= 0 && wrong < size && wrong != index)
                        Assert.False(MerkleProofs.VerifyInclusion(wrong, size, tree.LeafHash(index), proof, root));
            }
        }
    }

    [Fact]
    public void VerifyInclusion_WrongSize_AgreesWithNaivePathAndFailsWhenDoubledOrHalved()
    {
        var (_, tree) = Log(Seeds[0]);
        var accepted = 0;
        var tried = 0;
        for (var size = 1; size <= MaxSize; size++)
        {
            var root = tree.Root(size);
            for (var index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                var leaf = tree.LeafHash(index);
                foreach (var wrong in new long[] { size - 1, size + 1, 2L * size, size / 2 })
                {
                    if (wrong <= index || wrong == size) continue;
                    var verified = MerkleProofs.VerifyInclusion(index, wrong, leaf, proof, root);
                    Assert.Equal(NaiveMerkle.RootFromPath(index, wrong, leaf, proof) == root, verified);
                    if (wrong == 2L * size || wrong == size / 2) Assert.False(verified);
                    tried++;
                    if (verified) accepted++;
                }
            }
        }

        // A neighbouring size whose path for the index has the same shape accepts (index 0 in sizes 3 and 4); others do not.
        Assert.InRange(accepted, 1, tried - 1);
    }

    [Fact]
    public void ConsistencyProof_EveryPairOfSeededLogs_VerifiesAndAgreesWithNaive()
    {
        foreach (var seed in Seeds)
        {
            var (_, tree) = Log(seed);
            var roots = Enumerable.Range(0, MaxSize + 1).Select(s => tree.Root(s)).ToArray();
            for (var second = 0; second <= MaxSize; second++)
                for (var first = 0; first <= second; first++)
                {
                    var proof = tree.ConsistencyProof(first, second);
                    Assert.True(MerkleProofs.VerifyConsistency(first, second, proof, roots[first], roots[second]));
                    Assert.True(NaiveMerkle.Consistent(first, second, proof, roots[first], roots[second]));
                }
        }
    }

    [Fact]
    public void VerifyConsistency_AnyByteFlippedInProofOrRoots_Fails()
    {
        var (_, tree) = Log(Seeds[1]);
        var random = new Random(Seeds[1]);
        var roots = Enumerable.Range(0, MaxSize + 1).Select(s => tree.Root(s)).ToArray();
        for (var second = 1; second <= MaxSize; second++)
            for (var first = 1; first <= second; first += second <= 24 ? 1 : 1 + random.Next(8))
            {
                var proof = tree.ConsistencyProof(first, second);
                var bytes = second <= 24 ? Enumerable.Range(0, Hash32.Length).ToArray() : [random.Next(Hash32.Length)];
                foreach (var b in bytes)
                {
                    var mask = (byte)(1 << random.Next(8));
                    Assert.False(MerkleProofs.VerifyConsistency(first, second, proof, NaiveMerkle.Flip(roots[first], b, mask), roots[second]));
                    Assert.False(MerkleProofs.VerifyConsistency(first, second, proof, roots[first], NaiveMerkle.Flip(roots[second], b, mask)));
                    for (var p = 0; p < proof.Length; p++)
                        Assert.False(MerkleProofs.VerifyConsistency(first, second, NaiveMerkle.With(proof, p, NaiveMerkle.Flip(proof[p], b, mask)), roots[first], roots[second]));
                }
            }
    }

    [Fact]
    public void VerifyConsistency_ProofWithAHashAddedOrRemoved_Fails()
    {
        var (_, tree) = Log(Seeds[2]);
        for (var second = 2; second <= MaxSize; second++)
            for (var first = 1; first < second; first++)
            {
                var proof = tree.ConsistencyProof(first, second);
                var (r1, r2) = (tree.Root(first), tree.Root(second));
                Assert.False(MerkleProofs.VerifyConsistency(first, second, [.. proof, r2], r1, r2));
                Assert.False(MerkleProofs.VerifyConsistency(first, second, [proof[0], .. proof], r1, r2));
                Assert.False(MerkleProofs.VerifyConsistency(first, second, proof.RemoveAt(proof.Length - 1), r1, r2));
            }
    }

    [Fact]
    public void VerifyConsistency_WrongSizes_AgreesWithNaiveAndFailsWhenDoubled()
    {
        var (_, tree) = Log(Seeds[2]);
        var roots = Enumerable.Range(0, MaxSize + 1).Select(s => tree.Root(s)).ToArray();
        var accepted = 0;
        var tried = 0;
        for (var second = 2; second <= MaxSize; second++)
            for (var first = 1; first < second; first++)
            {
                var proof = tree.ConsistencyProof(first, second);
                foreach (var (f, s) in new (long, long)[] { (first - 1, second), (first + 1, second), (first, second - 1), (first, second + 1), (first, 2L * second) })
                {
                    if (f < 1 || f >= s) continue;
                    var verified = MerkleProofs.VerifyConsistency(f, s, proof, roots[first], roots[second]);
                    Assert.Equal(NaiveMerkle.Consistent(f, s, proof, roots[first], roots[second]), verified);
                    if (s == 2L * second) Assert.False(verified);
                    tried++;
                    if (verified) accepted++;
                }
            }

        // As for inclusion, a neighbouring size with the same proof shape accepts; the signed size is what binds.
        Assert.InRange(accepted, 1, tried - 1);
    }

    [Fact]
    public void VerifyConsistency_SavedRootAfterAnEarlierEntryWasRewritten_Fails()
    {
        var (leaves, tree) = Log(Seeds[0]);
        var random = new Random(Seeds[0]);
        for (var trial = 0; trial < 500; trial++)
        {
            var second = random.Next(2, MaxSize + 1);
            var first = random.Next(1, second + 1);
            var saved = tree.Root(first);
            // The log rewrites one entry the client had already seen, then serves proofs from the rewritten tree.
            var rewritten = leaves.Select(l => new Hash32(l)).ToArray();
            var position = random.Next(first);
            rewritten[position] = MerkleHash.Leaf([.. leaves[position], 0xFF]);
            var forged = new MerkleTree(rewritten);

            Assert.NotEqual(saved, forged.Root(first));
            Assert.False(MerkleProofs.VerifyConsistency(first, second, forged.ConsistencyProof(first, second), saved, forged.Root(second)));
        }
    }

    [Fact]
    public void Root_MillionLeaves_EqualsNaiveRecursion_AndSampledProofsVerify()
    {
        const int n = 1_000_000;
        var leaves = Enumerable.Range(0, n).Select(i => NaiveMerkle.LeafHash(BitConverter.GetBytes(i))).ToList();
        var tree = new MerkleTree(leaves.Select(l => new Hash32(l)));

        Assert.Equal(Convert.ToHexStringLower(NaiveMerkle.Mth(leaves)), tree.Root().ToString());
        // Speed belongs in bench/, not here: these only check that proofs deep in a large tree are right.
        var random = new Random(7);
        for (var q = 0; q < 200; q++)
        {
            var size = random.Next(1, n + 1);
            var index = random.Next(size);
            var old = random.Next(1, size + 1);
            Assert.True(MerkleProofs.VerifyInclusion(index, size, tree.LeafHash(index), tree.InclusionProof(index, size), tree.Root(size)));
            Assert.True(MerkleProofs.VerifyConsistency(old, size, tree.ConsistencyProof(old, size), tree.Root(old), tree.Root(size)));
        }
    }
}
