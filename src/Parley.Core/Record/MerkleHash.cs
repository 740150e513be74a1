using System.Security.Cryptography;

namespace Parley.Core.Record;

/// <summary>
/// The hashes of an RFC 6962 / RFC 9162 Merkle tree with SHA-256 (the BCL's <see cref="SHA256"/>):
/// the empty tree's root MTH({}) = SHA-256(), a leaf's hash MTH({d}) = SHA-256(0x00 ‖ d) and an interior node's hash
/// SHA-256(0x01 ‖ left ‖ right).
/// </summary>
/// <remarks>
/// The distinct 0x00 / 0x01 prefixes keep a leaf from ever being passed off as an interior node (second-preimage
/// resistance, RFC 6962 §2.1).
/// </remarks>
public static class MerkleHash
{
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the tree with no leaves: SHA-256 of the empty string, e3b0c442…b855.</summary>
    public static Hash32 Empty { get; } = new(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>The hash of one entry: SHA-256(0x00 ‖ <paramref name="data"/>).</summary>
    public static Hash32 Leaf(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(data);
        Span<byte> digest = stackalloc byte[Hash32.Length];
        sha.GetHashAndReset(digest);
        return new Hash32(digest);
    }

    /// <summary>The hash of an interior node: SHA-256(0x01 ‖ <paramref name="left"/> ‖ <paramref name="right"/>).</summary>
    public static Hash32 Node(Hash32 left, Hash32 right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Hash32.Length];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + Hash32.Length)..]);
        Span<byte> digest = stackalloc byte[Hash32.Length];
        SHA256.HashData(input, digest);
        return new Hash32(digest);
    }
}
