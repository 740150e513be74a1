using System.Collections.Immutable;
using System.Numerics;

namespace Parley.Core.Record;

/// <summary>
/// An immutable RFC 6962 Merkle tree over an ordered list of leaf hashes D[0..n), answering for every prefix size
/// m ≤ n its root MTH(D[0:m]), an inclusion proof and a consistency proof (RFC 6962 §2.1, RFC 9162 §2.1).
/// </summary>
/// <remarks>
/// <para>
/// MTH({}) = SHA-256(); MTH({d₀}) = the leaf hash; for n &gt; 1, with k the largest power of two smaller than n,
/// MTH(D[0:n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). Leaves are given already hashed
/// (<see cref="MerkleHash.Leaf"/>), so the tree never sees the entries themselves.
/// </para>
/// <para>
/// Construction hashes every complete, aligned subtree of 2ʰ leaves once — fewer than n node hashes in all, stored
/// level by level (about 2n hashes of memory). Every subtree the RFC recursion visits starts at a multiple of its
/// largest power-of-two part, so it is one stored perfect subtree plus at most log₂ n hashes along its right edge:
/// a root costs O(log n) after construction, and each proof O(log n) (only one sibling per proof is not a stored
/// perfect subtree). Sizes are <see langword="long"/> as in RFC 9162; this in-memory tree holds at most
/// <see cref="int.MaxValue"/> leaves.
/// </para>
/// </remarks>
public sealed class MerkleTree
{
    // _levels[h][i] = hash of the perfect subtree over leaves [i·2ʰ, (i+1)·2ʰ).
    private readonly Hash32[][] _levels;

    /// <summary>Builds the tree over the leaf hashes, in order; the list is copied.</summary>
    public MerkleTree(IEnumerable<Hash32> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var levels = new List<Hash32[]> { leafHashes.ToArray() };
        for (var below = levels[0]; below.Length > 1; below = levels[^1])
        {
            var level = new Hash32[below.Length / 2];
            for (var i = 0; i < level.Length; i++) level[i] = MerkleHash.Node(below[2 * i], below[2 * i + 1]);
            levels.Add(level);
        }

        _levels = [.. levels];
    }

    /// <summary>The number of leaves n.</summary>
    public long Size => _levels[0].Length;

    /// <summary>The hash of leaf <paramref name="index"/> (0-based), as given.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or not below <see cref="Size"/>.</exception>
    public Hash32 LeafHash(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return _levels[0][index];
    }

    /// <summary>The root of the whole tree, MTH(D[0:n]); <see cref="MerkleHash.Empty"/> when there are no leaves.</summary>
    public Hash32 Root() => Root(Size);

    /// <summary>The root MTH(D[0:size]) of the tree made of the first <paramref name="size"/> leaves.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative or more than <see cref="Size"/>.</exception>
    public Hash32 Root(long size)
    {
        CheckSize(size);
        return size == 0 ? MerkleHash.Empty : Subtree(0, size);
    }

    /// <summary>
    /// The audit path PATH(m, D[0:size]) of RFC 6962 §2.1.1 for leaf m = <paramref name="index"/>: the sibling hashes
    /// from the leaf's level up to the root's children, which with the leaf hash recompute MTH(D[0:size]).
    /// </summary>
    /// <remarks>
    /// PATH(0, {d₀}) = {}; otherwise, with k the largest power of two below n, PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])
    /// when m &lt; k and PATH(m − k, D[k:n]) : MTH(D[0:k]) when m ≥ k.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The size is not in 1..<see cref="Size"/>, or the index is not in 0..size−1.</exception>
    public ImmutableArray<Hash32> InclusionProof(long index, long size)
    {
        CheckSize(size);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        // Walk down from the root, collecting siblings top-down; the proof lists them bottom-up.
        var topDown = new List<Hash32>();
        long start = 0, count = size;
        while (count > 1)
        {
            var k = LargestPowerOfTwoBelow(count);
            if (index < start + k)
            {
                topDown.Add(Subtree(start + k, count - k));
                count = k;
            }
            else
            {
                topDown.Add(Subtree(start, k));
                start += k;
                count -= k;
            }
        }

        topDown.Reverse();
        return [.. topDown];
    }

    /// <summary>
    /// The consistency proof PROOF(m, D[0:n]) of RFC 6962 §2.1.2 from the tree of m = <paramref name="oldSize"/> leaves
    /// to the tree of n = <paramref name="newSize"/> leaves: the fewest node hashes from which a verifier holding both
    /// roots can recompute each, proving the first m leaves were kept unchanged. Empty when m = 0 or m = n.
    /// </summary>
    /// <remarks>
    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true); SUBPROOF(m, D[m], b) = {} if b, else {MTH(D[m])}; for m &lt; n with k the
    /// largest power of two below n: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]) when m ≤ k, and
    /// SUBPROOF(m − k, D[k:n], false) : MTH(D[0:k]) when m &gt; k.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ oldSize ≤ newSize ≤ <see cref="Size"/>.</exception>
    public ImmutableArray<Hash32> ConsistencyProof(long oldSize, long newSize)
    {
        CheckSize(newSize);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        if (oldSize == 0 || oldSize == newSize) return [];
        var topDown = new List<Hash32>();
        long start = 0, count = newSize, m = oldSize;
        var whole = true; // b: the old tree is still the whole of this subtree's left edge, so its root need not be sent
        while (m != count)
        {
            var k = LargestPowerOfTwoBelow(count);
            if (m <= k)
            {
                topDown.Add(Subtree(start + k, count - k));
                count = k;
            }
            else
            {
                topDown.Add(Subtree(start, k));
                start += k;
                count -= k;
                m -= k;
                whole = false;
            }
        }

        if (!whole) topDown.Add(Subtree(start, count));
        topDown.Reverse();
        return [.. topDown];
    }

    /// <summary>
    /// MTH(D[start:start+count]) for a subtree the RFC recursion visits: <paramref name="start"/> is a multiple of the
    /// largest power of two ≤ <paramref name="count"/>, so a power-of-two count is a stored perfect subtree.
    /// </summary>
    private Hash32 Subtree(long start, long count)
    {
        if (BitOperations.IsPow2(count))
        {
            var height = BitOperations.Log2((ulong)count);
            return _levels[height][start >> height];
        }

        var k = LargestPowerOfTwoBelow(count);
        return MerkleHash.Node(Subtree(start, k), Subtree(start + k, count - k));
    }

    /// <summary>The largest power of two strictly below n, for n ≥ 2.</summary>
    internal static long LargestPowerOfTwoBelow(long n) => 1L << BitOperations.Log2((ulong)(n - 1));

    private void CheckSize(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Size);
    }
}
