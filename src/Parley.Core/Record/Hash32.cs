using System.Buffers.Binary;

namespace Parley.Core.Record;

/// <summary>
/// A 32-byte SHA-256 digest — a leaf hash, an interior node hash or a tree root of the record's Merkle tree — held by
/// value, so two hashes are equal exactly when their 32 bytes are equal.
/// </summary>
/// <remarks>
/// Stored as four big-endian 64-bit words rather than a <c>byte[]</c>, so it cannot be mutated through a shared array,
/// <c>default</c> is a valid value (32 zero bytes, which is no hash the tree produces in practice), and record equality
/// compares contents. <see cref="ToString"/> is the 64-character lowercase hex form used by RFC 6962 test data and CT
/// tooling; <see cref="Parse"/> reads it back (either case).
/// </remarks>
public readonly record struct Hash32
{
    /// <summary>The number of bytes in a hash: 32.</summary>
    public const int Length = 32;

    private readonly ulong _w0, _w1, _w2, _w3;

    /// <summary>Copies exactly 32 bytes into a new hash.</summary>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
            throw new ArgumentException($"A hash is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>Reads 64 hex digits (either case, no prefix or separators).</summary>
    /// <exception cref="ArgumentException">The text is not 64 hex digits.</exception>
    public static Hash32 Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 2 * Length || !hex.All(Uri.IsHexDigit))
            throw new ArgumentException($"A hash is {2 * Length} hex digits; got '{hex}'.", nameof(hex));
        return new Hash32(Convert.FromHexString(hex));
    }

    /// <summary>Writes the 32 bytes, in order, to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"The destination needs {Length} bytes; it has {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>The 32 bytes in a new array the caller owns.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The 64-character lowercase hex form, e.g. <c>e3b0c442…b855</c> for SHA-256 of nothing.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
