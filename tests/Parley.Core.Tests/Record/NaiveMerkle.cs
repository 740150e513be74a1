using System.Security.Cryptography;
using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

/// <summary>
/// RFC 6962 §2.1 written as literally as the text reads, as an oracle for <see cref="MerkleTree"/> and
/// <see cref="MerkleProofs"/>: recursion on sub-lists, hashing with SHA-256 over concatenated arrays, no caching.
/// </summary>
internal static class NaiveMerkle
{
    public static byte[] LeafHash(byte[] entry) => SHA256.HashData([0x00, .. entry]);

    public static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData([0x01, .. left, .. right]);

    private static int K(int n)
    {
        var k = 1;
        while (2 * k < n) k *= 2;
        return k;
    }

    /// <summary>MTH(D[n]) over leaf hashes.</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> d) => d.Count switch
    {
        0 => SHA256.HashData([]),
        1 => d[0],
        var n => NodeHash(Mth(d.Take(K(n)).ToList()), Mth(d.Skip(K(n)).ToList())),
    };

    /// <summary>PATH(m, D[n]), bottom-up.</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        if (d.Count == 1) return [];
        var k = K(d.Count);
        return m < k
            ? [.. Path(m, d.Take(k).ToList()), Mth(d.Skip(k).ToList())]
            : [.. Path(m - k, d.Skip(k).ToList()), Mth(d.Take(k).ToList())];
    }

    /// <summary>
    /// Recomputes MTH from a leaf hash and a path by following the PATH recursion's shape for (m, n), consuming the
    /// proof from its top (last) element; null when the proof is too short or too long.
    /// </summary>
    public static Hash32? RootFromPath(long m, long n, Hash32 leaf, IReadOnlyList<Hash32> proof)
    {
        var top = proof.Count;
        var root = Walk(m, n);
        return top == 0 ? root : null;

        Hash32? Walk(long m, long n)
        {
            if (n == 1) return leaf;
            if (top == 0) return null;
            var sibling = proof[--top];
            var k = 1L;
            while (2 * k < n) k *= 2;
            return m < k
                ? Walk(m, k) is { } l ? MerkleHash.Node(l, sibling) : null
                : Walk(m - k, n - k) is { } r ? MerkleHash.Node(sibling, r) : null;
        }
    }

    /// <summary>
    /// Checks a consistency proof by following the SUBPROOF recursion's shape for (m, n, true): each step yields the
    /// old and the new subtree hash; the proof is consumed from its top (last) element.
    /// </summary>
    public static bool Consistent(long m, long n, IReadOnlyList<Hash32> proof, Hash32 oldRoot, Hash32 newRoot)
    {
        if (m == n) return proof.Count == 0 && oldRoot == newRoot;
        if (m == 0) return proof.Count == 0 && oldRoot == MerkleHash.Empty;
        var top = proof.Count;
        var result = Sub(m, n, true);
        return top == 0 && result is (var o, var nw) && o == oldRoot && nw == newRoot;

        (Hash32 Old, Hash32 New)? Sub(long m, long n, bool whole)
        {
            if (m == n)
            {
                if (whole) return (oldRoot, oldRoot);
                if (top == 0) return null;
                var h = proof[--top];
                return (h, h);
            }

            if (top == 0) return null;
            var sibling = proof[--top];
            var k = 1L;
            while (2 * k < n) k *= 2;
            if (m <= k)
                return Sub(m, k, whole) is (var o, var nw) ? (o, MerkleHash.Node(nw, sibling)) : null;
            return Sub(m - k, n - k, false) is (var o2, var n2) ? (MerkleHash.Node(sibling, o2), MerkleHash.Node(sibling, n2)) : null;
        }
    }

    /// <summary>Seeded entries of 0..40 random bytes.</summary>
    public static List<byte[]> Entries(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var entry = new byte[random.Next(41)];
            random.NextBytes(entry);
            return entry;
        })];
    }

    public static Hash32 Flip(Hash32 hash, int bytePosition, byte mask = 0x01)
    {
        var bytes = hash.ToArray();
        bytes[bytePosition] ^= mask;
        return new Hash32(bytes);
    }

    public static Hash32[] With(IReadOnlyList<Hash32> proof, int position, Hash32 value)
    {
        var copy = proof.ToArray();
        copy[position] = value;
        return copy;
    }
}
