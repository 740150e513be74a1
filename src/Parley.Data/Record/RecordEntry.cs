using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Core.Record;

namespace Parley.Data.Record;

/// <summary>
/// How an entry becomes a leaf of its negotiation's tree. The canonical form is a sequence of netstrings
/// (<c>length:bytes,</c> with the UTF-8 byte length in decimal) of, in order: <c>parley-record-v1</c>, negotiation,
/// index (decimal), actor, recorded at (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), action, item kind, item id, visibility,
/// change, rows. The entry hash is SHA-256(salt ‖ canonical form) with the 32-byte salt, and the leaf hash is
/// RFC 6962's SHA-256(0x00 ‖ entry hash) — so a reader who is not given an entry (nor its salt) learns nothing from
/// its leaf, and one who is can recompute the leaf from the fields alone.
/// </summary>
public static class RecordEntry
{
    /// <summary>The first field of every canonical form: the format's name and version.</summary>
    public const string Format = "parley-record-v1";

    /// <summary>The canonical bytes of an entry (see the type's summary).</summary>
    public static byte[] Canonical(HistoryEntry e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(e, bytes => buffer.Write(bytes));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>SHA-256(salt ‖ canonical form): the entry hash, the data of its leaf.</summary>
    /// <exception cref="ArgumentException">The salt is not 64 hex digits.</exception>
    public static Hash32 EntryHash(HistoryEntry e, string salt)
    {
        ArgumentNullException.ThrowIfNull(e);
        var s = Hash32.Parse(salt);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(s.ToArray());
        Write(e, bytes => sha.AppendData(bytes));
        return new Hash32(sha.GetHashAndReset());
    }

    private delegate void Sink(ReadOnlySpan<byte> bytes);

    // The fields as netstrings, piece by piece and each field in slices of at most 64 KiB of UTF-8: an import's rows
    // field runs to tens of megabytes, and a buffer of its size would be one more large-object allocation (each can set
    // off a full collection of a heap that holds the whole import).
    private static void Write(HistoryEntry e, Sink sink)
    {
        ArgumentNullException.ThrowIfNull(e);
        const int SliceChars = 16 * 1024; // at most 3 bytes of UTF-8 per char
        byte[]? slice = null;
        var encoder = Encoding.UTF8.GetEncoder();
        foreach (var field in new[]
                 {
                     Format, e.NegotiationId, e.Index.ToString(CultureInfo.InvariantCulture), e.Actor, Time(e.RecordedAt), e.Action,
                     e.ItemKind, e.ItemId, e.Visibility, e.Change, e.Rows,
                 })
        {
            var length = Encoding.UTF8.GetByteCount(field);
            sink(Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture) + ":"));
            slice ??= new byte[Encoding.UTF8.GetMaxByteCount(SliceChars)];
            var rest = field.AsSpan();
            do
            {
                // A surrogate pair cut by the slice is kept by the encoder for the next slice; the last slice flushes.
                var take = Math.Min(rest.Length, SliceChars);
                encoder.Convert(rest[..take], slice, flush: take == rest.Length, out var used, out var bytes, out _);
                sink(slice.AsSpan(0, bytes));
                rest = rest[used..];
            }
            while (!rest.IsEmpty);
            sink(","u8);
        }
    }

    /// <summary>The leaf hash of an entry hash: SHA-256(0x00 ‖ entry hash).</summary>
    public static Hash32 Leaf(Hash32 entryHash) => MerkleHash.Leaf(entryHash.ToArray());

    /// <summary>A fresh 256-bit salt from the system's CSPRNG, as 64 hex digits.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Hash32.Length));

    /// <summary>The record time as the canonical form writes it.</summary>
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
