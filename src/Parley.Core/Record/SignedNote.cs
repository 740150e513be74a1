using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parley.Core.Record;

/// <summary>
/// C2SP signed notes (https://c2sp.org/signed-note) with ECDSA P-256 signatures of type 0x02, as implemented by
/// github.com/transparency-dev/witness: a text ending in a newline, a blank line, then one line per signature,
/// <c>— {key name} {base64(key ID ‖ signature)}\n</c> (em dash U+2014, space).
/// </summary>
/// <remarks>
/// <para>
/// The key ID is the first four bytes, read big-endian, of SHA-256 over the key's DER SubjectPublicKeyInfo; the
/// signature is ECDSA over SHA-256 of the note text's UTF-8 bytes (the final newline included, the blank line not),
/// in ASN.1 DER form. All cryptography is the BCL's (<see cref="ECDsa"/>, <see cref="SHA256"/>).
/// </para>
/// <para>
/// A signature is identified by its key name and key ID together: <see cref="Open"/> ignores a line from another key
/// (either differs), must verify a line where both match, and refuses the whole note if such a line fails. Key names
/// and public keys are the caller's trusted configuration, so bad ones throw; the note is untrusted input, so
/// <see cref="Open"/> answers any string with a <see cref="NoteVerification"/> and never throws for it.
/// </para>
/// </remarks>
public static class SignedNote
{
    /// <summary>The signature type byte of ECDSA notes in the signed-note registry.</summary>
    public const byte EcdsaSignatureType = 0x02;

    /// <summary>The most signature lines <see cref="Open"/> reads; the spec requires at least 16.</summary>
    internal const int MaxSignatures = 100;

    /// <summary>The largest note <see cref="Open"/> reads, in UTF-8 bytes: 1 MiB.</summary>
    internal const int MaxNoteBytes = 1 << 20;

    private const string SignaturePrefix = "\u2014 ";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The key ID: the first four bytes, big-endian, of SHA-256(<paramref name="subjectPublicKeyInfo"/>).</summary>
    /// <remarks>The bytes are hashed as given; the ID matches other implementations only for the canonical DER that
    /// <see cref="AsymmetricAlgorithm.ExportSubjectPublicKeyInfo"/> writes.</remarks>
    public static uint KeyId(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(subjectPublicKeyInfo, digest);
        return BinaryPrimitives.ReadUInt32BigEndian(digest);
    }

    /// <summary>
    /// Signs <paramref name="text"/> with <paramref name="key"/> under <paramref name="keyName"/> and returns the whole
    /// note: the text, a blank line and one signature line.
    /// </summary>
    /// <param name="text">The note text: ends in a newline, has no blank line, no control character other than newline and no unpaired surrogate.</param>
    /// <param name="keyName">Non-empty, without white space or '+'.</param>
    /// <param name="key">A P-256 key with its private part.</param>
    /// <exception cref="ArgumentException">The text, the key name or the key's curve is not as above.</exception>
    /// <exception cref="CryptographicException">The key has no private part.</exception>
    public static string Sign(string text, string keyName, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keyName);
        ArgumentNullException.ThrowIfNull(key);
        if (!text.EndsWith('\n')) throw new ArgumentException("The note text must end with a newline.", nameof(text));
        // The spec allows blank lines in the text, but refusing them keeps every note we sign splittable at its first blank line too.
        if (text.Contains("\n\n", StringComparison.Ordinal))
            throw new ArgumentException("The note text must not contain a blank line.", nameof(text));
        if (TextProblem(text) is { } problem) throw new ArgumentException($"The note text {problem}.", nameof(text));
        if (KeyNameProblem(keyName) is { } nameProblem) throw new ArgumentException($"The key name {nameProblem}.", nameof(keyName));
        if (!IsP256(key)) throw new ArgumentException("The key must be an ECDSA key on NIST P-256.", nameof(key));

        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var payload = new byte[4 + signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(payload, KeyId(key.ExportSubjectPublicKeyInfo()));
        signature.CopyTo(payload, 4);
        return $"{text}\n{SignaturePrefix}{keyName} {Convert.ToBase64String(payload)}\n";
    }

    /// <summary>
    /// Verifies <paramref name="note"/> against one trusted key and returns its text, or why it was refused: the text is
    /// split from the signatures at the last blank line; every signature line must be well-formed; lines whose key name
    /// or key ID differ from the key's are ignored; every line where both match must verify; at least one must.
    /// </summary>
    /// <param name="note">Untrusted input; any string gives a result. At most 100 signature lines and 1 MiB of UTF-8.</param>
    /// <param name="keyName">The trusted key's name.</param>
    /// <param name="subjectPublicKeyInfo">The trusted P-256 public key as canonical DER SubjectPublicKeyInfo.</param>
    /// <exception cref="ArgumentException">The key name is not a valid key name, or the bytes are not a canonical P-256 SubjectPublicKeyInfo.</exception>
    public static NoteVerification Open(string note, string keyName, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(keyName);
        if (KeyNameProblem(keyName) is { } nameProblem) throw new ArgumentException($"The key name {nameProblem}.", nameof(keyName));
        using var key = ImportP256(subjectPublicKeyInfo)
            ?? throw new ArgumentException("Not the canonical DER SubjectPublicKeyInfo of a P-256 key.", nameof(subjectPublicKeyInfo));
        var keyId = KeyId(subjectPublicKeyInfo);

        if (note.Length > MaxNoteBytes) return Malformed("longer than 1 MiB");
        if (TextProblem(note) is { } problem) return Malformed($"it {problem}");
        if (Encoding.UTF8.GetByteCount(note) > MaxNoteBytes) return Malformed("longer than 1 MiB");
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return Malformed("no blank line before the signatures");
        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || block[^1] != '\n') return Malformed("the signatures do not end with a newline");

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures) return Malformed($"more than {MaxSignatures} signature lines");
        var matching = new List<byte[]>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (ParseSignatureLine(lines[i]) is not (var name, var id, var signature))
                return Malformed($"signature line {i + 1} is not '— {{key name}} {{base64 of key ID and signature}}'");
            if (name == keyName && id == keyId) matching.Add(signature);
        }

        if (matching.Count == 0)
            return NoteVerification.Rejected(NoteFailure.NoSignatureFromKey, $"no signature from this key ({keyName}, key ID {keyId:x8})");
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var signature in matching)
        {
            if (!key.VerifyData(bytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
                return NoteVerification.Rejected(NoteFailure.InvalidSignature, $"signature does not verify ({keyName}, key ID {keyId:x8})");
        }

        return NoteVerification.Verified(text);
    }

    /// <summary>
    /// The verifier key text for a P-256 key, <c>{name}+{key ID as 8 lowercase hex digits}+{base64(0x02 ‖ SPKI)}</c>:
    /// the golang.org/x/mod/sumdb/note convention (name, key ID, signature type and public key in one line, as a
    /// verifier is configured) with the public key encoded as the DER SubjectPublicKeyInfo.
    /// </summary>
    /// <exception cref="ArgumentException">The key name is not a valid key name, or the bytes are not a canonical P-256 SubjectPublicKeyInfo.</exception>
    public static string VerifierKey(string keyName, ReadOnlySpan<byte> spki)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        if (KeyNameProblem(keyName) is { } problem) throw new ArgumentException($"The key name {problem}.", nameof(keyName));
        using var key = ImportP256(spki)
            ?? throw new ArgumentException("Not the canonical DER SubjectPublicKeyInfo of a P-256 key.", nameof(spki));
        return $"{keyName}+{KeyId(spki):x8}+{Convert.ToBase64String([EcdsaSignatureType, .. spki])}";
    }

    /// <summary>
    /// Reads a verifier key written by <see cref="VerifierKey"/>: a valid key name, '+', 8 hex digits (either case), '+',
    /// canonical base64 of 0x02 followed by a canonical P-256 SubjectPublicKeyInfo whose key ID is those 8 digits.
    /// </summary>
    /// <param name="text">Untrusted input; any string gives an answer.</param>
    /// <param name="name">The key name, or empty when the text is refused.</param>
    /// <param name="spki">The DER SubjectPublicKeyInfo, or empty when the text is refused.</param>
    /// <returns>Whether the text is such a verifier key.</returns>
    public static bool TryParseVerifierKey(string text, out string name, out byte[] spki)
    {
        name = string.Empty;
        spki = [];
        if (text is null) return false;
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || KeyNameProblem(parts[0]) is not null) return false;
        if (parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigit) ||
            !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id))
            return false;
        if (DecodeBase64(parts[2]) is not [EcdsaSignatureType, .. var key] || KeyId(key) != id) return false;
        using var imported = ImportP256(key);
        if (imported is null) return false;
        name = parts[0];
        spki = key;
        return true;
    }

    /// <summary>
    /// What is wrong with a key name (to follow "The key name"), or null when it is valid: non-empty, no white space,
    /// no '+', no control character, no unpaired surrogate. Checkpoint origins follow the same rule.
    /// </summary>
    internal static string? KeyNameProblem(string name)
    {
        if (name.Length == 0) return "is empty";
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c)) return $"has white space (U+{(int)c:X4}) at column {i + 1}";
            if (c == '+') return $"has a '+' at column {i + 1}";
        }

        return TextProblem(name, allowNewline: false);
    }

    /// <summary>What keeps a string from being note text (valid UTF-8 without control characters), or null.</summary>
    private static string? TextProblem(string s, bool allowNewline = true)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c < 0x20 && !(allowNewline && c == '\n'))
                return $"has a control character (U+{(int)c:X4}) at offset {i}";
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(c)) return $"has an unpaired surrogate (not valid UTF-8) at offset {i}";
        }

        return null;
    }

    private static (string Name, uint Id, byte[] Signature)? ParseSignatureLine(string line)
    {
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal)) return null;
        var rest = line[SignaturePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return null;
        var name = rest[..space];
        if (KeyNameProblem(name) is not null) return null;
        // A key ID and at least one byte of signature.
        if (DecodeBase64(rest[(space + 1)..]) is not { Length: > 4 } payload) return null;
        return (name, BinaryPrimitives.ReadUInt32BigEndian(payload), payload[4..]);
    }

    /// <summary>Standard base64 in its one canonical form (padding, zero pad bits, no white space), or null.</summary>
    private static byte[]? DecodeBase64(string s)
    {
        if (s.Length == 0 || s.Length % 4 != 0) return null;
        var buffer = new byte[s.Length / 4 * 3];
        // The decoder skips white space and ignores pad bits; re-encoding refuses both.
        if (!Convert.TryFromBase64String(s, buffer, out var written)) return null;
        var bytes = buffer[..written];
        return Convert.ToBase64String(bytes) == s ? bytes : null;
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1");
    }

    /// <summary>The key in <paramref name="spki"/> when it is the canonical DER SubjectPublicKeyInfo of a P-256 key, else null.</summary>
    private static ECDsa? ImportP256(ReadOnlySpan<byte> spki)
    {
        ECDsa? key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length || !IsP256(key) || !spki.SequenceEqual(key.ExportSubjectPublicKeyInfo())) return null;
            var imported = key;
            key = null;
            return imported;
        }
        catch (CryptographicException)
        {
            // The BCL reports undecodable key bytes only by throwing; here that is the answer "not a P-256 key".
            return null;
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static NoteVerification Malformed(string reason) => NoteVerification.Rejected(NoteFailure.Malformed, $"malformed note: {reason}");
}
