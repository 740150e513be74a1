using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace Parley.Core.Record;

/// <summary>
/// The compact range [0, n) of an RFC 6962 tree: the roots of the perfect subtrees that together hold the first n
/// leaves — one subtree of 2ʰ leaves for each set bit h of n, largest (leftmost) first. Enough to compute the root of
/// the n leaves and to append leaf n + 1 without the leaves themselves.
/// </summary>
/// <remarks>
/// <para>
/// For n = 2^a + 2^b + … with a &gt; b &gt; …, <see cref="Hashes"/> = [MTH(D[0:2^a]), MTH(D[2^a:2^a+2^b]), …]. Since
/// the RFC splits a tree of n leaves at the largest power of two below n, which is 2^a whenever n is not itself a power
/// of two, the root is the right fold MTH(D[0:n]) = Node(h₀, Node(h₁, … Node(hₖ₋₂, hₖ₋₁))).
/// </para>
/// <para>
/// Appending a leaf adds a subtree of one leaf and merges equal-sized neighbours, as binary addition of 1 carries:
/// t = the number of trailing one bits of n hash merges, so O(log n) time and an O(log n) copy. The value is
/// immutable; every operation returns a new frontier.
/// </para>
/// </remarks>
public sealed class MerkleFrontier
{
    private readonly ImmutableArray<Hash32> _hashes;

    private MerkleFrontier(long size, ImmutableArray<Hash32> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    /// <summary>The frontier of the empty tree: size 0, no hashes, root <see cref="MerkleHash.Empty"/>.</summary>
    public static MerkleFrontier Empty { get; } = new(0, []);

    /// <summary>The number of leaves n covered.</summary>
    public long Size { get; }

    /// <summary>The perfect-subtree roots, largest subtree first; popcount(n) of them.</summary>
    public ImmutableArray<Hash32> Hashes => _hashes;

    /// <summary>
    /// Rebuilds a frontier from its parts, e.g. as kept by another process; the hashes are taken on trust, since only
    /// the leaves could show they are right.
    /// </summary>
    /// <param name="size">The number of leaves n ≥ 0.</param>
    /// <param name="hashes">The popcount(n) subtree roots, largest subtree first.</param>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative.</exception>
    /// <exception cref="ArgumentException">The number of hashes is not the number of set bits of the size.</exception>
    public static MerkleFrontier FromHashes(long size, IReadOnlyList<Hash32> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var expected = SubtreeCount(size);
        if (hashes.Count != expected)
            throw new ArgumentException(
                $"A tree of {size} leaves has {expected} perfect subtrees (one per set bit of the size); got {hashes.Count} hashes.",
                nameof(hashes));
        return new MerkleFrontier(size, [.. hashes]);
    }

    /// <summary>The frontier of the n + 1 leaves made by adding the leaf with hash <paramref name="leafHash"/>.</summary>
    /// <exception cref="InvalidOperationException">The size is already <see cref="long.MaxValue"/>.</exception>
    public MerkleFrontier Append(Hash32 leafHash)
    {
        if (Size == long.MaxValue)
            throw new InvalidOperationException($"A frontier holds at most {long.MaxValue} leaves.");
        // Each trailing one bit of n is a subtree of the size the carry has reached: merge it in, right to left.
        var merges = BitOperations.TrailingZeroCount(~(ulong)Size);
        var kept = _hashes.Length - merges;
        var carry = leafHash;
        for (var i = _hashes.Length - 1; i >= kept; i--) carry = MerkleHash.Node(_hashes[i], carry);
        var next = ImmutableArray.CreateBuilder<Hash32>(kept + 1);
        for (var i = 0; i < kept; i++) next.Add(_hashes[i]);
        next.Add(carry);
        return new MerkleFrontier(Size + 1, next.MoveToImmutable());
    }

    /// <summary>
    /// The root MTH(D[0:n]) of the leaves covered: the right fold of <see cref="Hashes"/> with
    /// <see cref="MerkleHash.Node"/>, or <see cref="MerkleHash.Empty"/> when n = 0.
    /// </summary>
    public Hash32 Root()
    {
        if (_hashes.IsEmpty) return MerkleHash.Empty;
        var root = _hashes[^1];
        for (var i = _hashes.Length - 2; i >= 0; i--) root = MerkleHash.Node(_hashes[i], root);
        return root;
    }

    /// <summary>
    /// The one-line text form <c>{size}:{hex},{hex},…</c>: the size in decimal, a colon, then the hashes as 64 lowercase
    /// hex digits separated by commas (<c>0:</c> for the empty frontier). Each frontier has exactly one text form.
    /// </summary>
    public string Serialize() =>
        Size.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(',', _hashes.Select(h => h.ToString()));

    /// <summary>Reads the text form written by <see cref="Serialize"/>, exactly (no spaces, lowercase hex only).</summary>
    /// <exception cref="FormatException">
    /// The text is not that form: no colon, a size that is not a non-negative decimal without leading zeros, a hash that
    /// is not 64 lowercase hex digits, or a number of hashes other than the number of set bits of the size. The message
    /// names the column and quotes the offending part.
    /// </exception>
    public static MerkleFrontier Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            throw Malformed(text, 1, $"expected '{{size}}:{{hashes}}' but there is no ':' in '{Excerpt(text)}'");
        var sizeText = text[..colon];
        if (sizeText.StartsWith('-'))
            throw Malformed(text, 1, $"the size {Excerpt(sizeText)} is negative");
        if (!IsCanonicalDecimal(sizeText) || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw Malformed(text, 1, $"the size '{Excerpt(sizeText)}' is not a decimal number of leaves without leading zeros");

        var hashTexts = colon == text.Length - 1 ? [] : text[(colon + 1)..].Split(',');
        var expected = SubtreeCount(size);
        if (hashTexts.Length != expected)
            throw Malformed(text, colon + 2, $"a size of {size} needs {expected} hashes (one per set bit); found {hashTexts.Length}");

        var hashes = ImmutableArray.CreateBuilder<Hash32>(expected);
        var column = colon + 2;
        for (var i = 0; i < hashTexts.Length; i++)
        {
            var hex = hashTexts[i];
            if (hex.Length != 2 * Hash32.Length || !hex.All(char.IsAsciiHexDigitLower))
                throw Malformed(text, column, $"hash {i + 1} of {expected} is not 64 lowercase hex digits: '{Excerpt(hex)}'");
            hashes.Add(Hash32.Parse(hex));
            column += hex.Length + 1;
        }

        return new MerkleFrontier(size, hashes.MoveToImmutable());
    }

    /// <summary>The number of perfect subtrees in a tree of <paramref name="size"/> leaves: its set bits.</summary>
    private static int SubtreeCount(long size) => BitOperations.PopCount((ulong)size);

    private static bool IsCanonicalDecimal(string s) =>
        s.Length > 0 && s.All(char.IsAsciiDigit) && (s == "0" || s[0] != '0');

    private static FormatException Malformed(string text, int column, string problem) =>
        new($"Merkle frontier '{Excerpt(text)}', column {column}: {problem}.");

    private static string Excerpt(string s) => s.Length <= 24 ? s : s[..24] + "…";
}
