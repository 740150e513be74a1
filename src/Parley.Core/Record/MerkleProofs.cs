namespace Parley.Core.Record;

/// <summary>
/// Checks Merkle proofs without the tree, as a client of a transparency log does (RFC 9162 §2.1.3.2 and §2.1.4.2):
/// from a leaf hash and its audit path, or from a consistency proof, recompute the claimed roots and compare.
/// </summary>
/// <remarks>
/// A proof that does not check — a changed hash, a wrong index or size, a proof too short or too long — gives
/// <see langword="false"/>: proofs come from an untrusted server, so a bad one is an expected answer, not an error.
/// Arguments no tree could have (a negative size, an index not below the size, an old size above the new one) throw
/// <see cref="ArgumentOutOfRangeException"/>. A proof binds the leaf to the root through the shape of its path; two
/// sizes whose paths for an index have the same shape (index 0 in sizes 3 and 4) accept the same proof, and likewise
/// neighbouring sizes for a consistency proof; that is why a log signs each size together with its root.
/// </remarks>
public static class MerkleProofs
{
    /// <summary>
    /// Whether <paramref name="proof"/> shows the leaf with hash <paramref name="leafHash"/> at position
    /// <paramref name="index"/> of the tree of <paramref name="size"/> leaves whose root is <paramref name="root"/>
    /// (RFC 9162 §2.1.3.2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or not below the size.</exception>
    public static bool VerifyInclusion(long index, long size, Hash32 leafHash, IReadOnlyList<Hash32> proof, Hash32 root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        // fn walks the leaf's position up the tree, sn the last leaf's; where fn = sn the node is on the right edge.
        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0) return false; // proof longer than the path
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                // A right-edge node with no right sibling is promoted unchanged: skip the levels where it is a left child.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r == root;
    }

    /// <summary>
    /// Whether <paramref name="proof"/> shows that the tree of <paramref name="second"/> leaves with root
    /// <paramref name="secondRoot"/> begins with the tree of <paramref name="first"/> leaves with root
    /// <paramref name="firstRoot"/> (RFC 9162 §2.1.4.2).
    /// </summary>
    /// <remarks>
    /// When first = second the proof must be empty and the roots equal. When first = 0 the proof must be empty and
    /// <paramref name="firstRoot"/> must be the empty tree's root (<see cref="MerkleHash.Empty"/>); every tree extends
    /// the empty one, so <paramref name="secondRoot"/> is then not constrained.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ first ≤ second.</exception>
    public static bool VerifyConsistency(long first, long second, IReadOnlyList<Hash32> proof, Hash32 firstRoot, Hash32 secondRoot)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        if (first == second) return proof.Count == 0 && firstRoot == secondRoot;
        if (first == 0) return proof.Count == 0 && firstRoot == MerkleHash.Empty;
        if (proof.Count == 0) return false;

        // The old tree's root is a stored node of the new tree exactly when first is a power of two; then it is
        // omitted from the proof and the walk starts from it.
        var path = (first & (first - 1)) == 0 ? proof.Prepend(firstRoot).ToList() : (IReadOnlyList<Hash32>)proof;
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        Hash32 fr = path[0], sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0) return false; // proof longer than the path
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr == firstRoot && sr == secondRoot;
    }
}
