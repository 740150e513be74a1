using System.Security.Cryptography;
using System.Text;
using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

/// <summary>Signing and opening notes: the format, the key ID, which signature lines count, and tampering.</summary>
public class SignedNoteTests
{
    private const string Text = "offer 3: price 120 €, delivery 14 days\nparty: Ünal & Co\n";
    private const string NameA = "parley.example/record";
    private const string NameB = "witness.example/w1";

    private static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The signature lines of a note signed over <paramref name="text"/>: what follows the text and the blank line.</summary>
    private static string SignatureLines(string note, string text) => note[(text.Length + 1)..];

    [Fact]
    public void SignThenOpen_ValidText_ReturnsText()
    {
        using var key = NewKey();

        var opened = SignedNote.Open(SignedNote.Sign(Text, NameA, key), NameA, key.ExportSubjectPublicKeyInfo());

        Assert.True(opened.Ok, opened.Error);
        Assert.Equal(Text, opened.Text);
        Assert.Equal(NoteFailure.None, opened.Failure);
        Assert.Null(opened.Error);
    }

    [Fact]
    public void Sign_Output_IsTextBlankLineAndOneLineOfKeyIdAndDerSignature()
    {
        using var key = NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();

        var note = SignedNote.Sign(Text, NameA, key);

        var prefix = Text + "\n\u2014 " + NameA + " ";
        Assert.StartsWith(prefix, note);
        Assert.EndsWith("\n", note);
        var payload = Convert.FromBase64String(note[prefix.Length..^1]);
        Assert.Equal(SHA256.HashData(spki)[..4], payload[..4]);
        Assert.Equal(0x30, payload[4]); // an ASN.1 SEQUENCE of r and s
        using var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(spki, out _);
        Assert.True(verifier.VerifyData(Encoding.UTF8.GetBytes(Text), payload[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void KeyId_Spki_IsFirstFourBytesOfSha256BigEndian()
    {
        using var key = NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();

        var digest = SHA256.HashData(spki);
        var expected = (uint)digest[0] << 24 | (uint)digest[1] << 16 | (uint)digest[2] << 8 | digest[3];

        Assert.Equal(expected, SignedNote.KeyId(spki));
    }

    [Fact]
    public void Open_AnyByteOfTextFlipped_Refused()
    {
        using var key = NewKey();
        var note = SignedNote.Sign(Text, NameA, key);
        var signatures = SignatureLines(note, Text);
        var bytes = Encoding.UTF8.GetBytes(Text);

        for (var i = 0; i < bytes.Length; i++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[i] ^= 0x01;
            var opened = SignedNote.Open(Encoding.UTF8.GetString(flipped) + "\n" + signatures, NameA, key.ExportSubjectPublicKeyInfo());

            Assert.False(opened.Ok, $"byte {i}");
            Assert.Null(opened.Text);
        }
    }

    [Fact]
    public void Open_AnyByteOfSignatureFlipped_RefusedAsOtherKeyOrBadSignature()
    {
        using var key = NewKey();
        var note = SignedNote.Sign(Text, NameA, key);
        var prefix = Text + "\n\u2014 " + NameA + " ";
        var payload = Convert.FromBase64String(note[prefix.Length..^1]);

        for (var i = 0; i < payload.Length; i++)
        {
            var flipped = (byte[])payload.Clone();
            flipped[i] ^= 0x01;
            var opened = SignedNote.Open(prefix + Convert.ToBase64String(flipped) + "\n", NameA, key.ExportSubjectPublicKeyInfo());

            // A changed key ID makes the line another key's, so nothing is left to verify.
            Assert.Equal(i < 4 ? NoteFailure.NoSignatureFromKey : NoteFailure.InvalidSignature, opened.Failure);
        }
    }

    [Fact]
    public void Open_AnyCharacterOfNoteChanged_Refused()
    {
        using var key = NewKey();
        var note = SignedNote.Sign(Text, NameA, key);

        for (var i = 0; i < note.Length; i++)
        {
            var changed = note[..i] + (char)(note[i] ^ 0x01) + note[(i + 1)..];

            Assert.False(SignedNote.Open(changed, NameA, key.ExportSubjectPublicKeyInfo()).Ok, $"character {i}");
        }
    }

    [Fact]
    public void Open_OnlyAnotherKeysSignature_NoSignatureFromThisKey()
    {
        using var a = NewKey();
        using var b = NewKey();

        var opened = SignedNote.Open(SignedNote.Sign(Text, NameB, b), NameA, a.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.NoSignatureFromKey, opened.Failure);
        Assert.StartsWith("no signature from this key", opened.Error);
    }

    [Fact]
    public void Open_SignedByBothKeys_OpensForEach()
    {
        using var a = NewKey();
        using var b = NewKey();
        var note = SignedNote.Sign(Text, NameA, a) + SignatureLines(SignedNote.Sign(Text, NameB, b), Text);

        Assert.Equal(Text, SignedNote.Open(note, NameA, a.ExportSubjectPublicKeyInfo()).Text);
        Assert.Equal(Text, SignedNote.Open(note, NameB, b.ExportSubjectPublicKeyInfo()).Text);
    }

    [Fact]
    public void Open_RightIdUnderAnotherName_Ignored()
    {
        using var key = NewKey();
        var note = SignedNote.Sign(Text, NameA, key).Replace(NameA, "other.example/log", StringComparison.Ordinal);

        var opened = SignedNote.Open(note, NameA, key.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.NoSignatureFromKey, opened.Failure);
        Assert.True(SignedNote.Open(note, "other.example/log", key.ExportSubjectPublicKeyInfo()).Ok);
    }

    [Fact]
    public void Open_RightNameFromAnotherKey_Ignored()
    {
        using var a = NewKey();
        using var b = NewKey();

        var opened = SignedNote.Open(SignedNote.Sign(Text, NameA, b), NameA, a.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.NoSignatureFromKey, opened.Failure);
    }

    [Fact]
    public void Open_MatchingLineDoesNotVerify_RefusedEvenBesideAValidOne()
    {
        using var a = NewKey();
        using var b = NewKey();
        var valid = SignedNote.Sign(Text, NameA, a);
        // A's name and key ID over B's signature: the line claims to be A's, so it must verify.
        var bPayload = Convert.FromBase64String(SignatureLines(SignedNote.Sign(Text, NameA, b), Text)[(NameA.Length + 3)..^1]);
        var aPayload = Convert.FromBase64String(SignatureLines(valid, Text)[(NameA.Length + 3)..^1]);
        var forged = $"\u2014 {NameA} {Convert.ToBase64String([.. aPayload[..4], .. bPayload[4..]])}\n";

        var opened = SignedNote.Open(valid + forged, NameA, a.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.InvalidSignature, opened.Failure);
        Assert.StartsWith("signature does not verify", opened.Error);
    }

    [Fact]
    public void Open_TextWithBlankLine_SplitsAtLastBlankLine()
    {
        // Sign refuses such text, but the spec allows it; a note signed elsewhere still opens.
        using var key = NewKey();
        const string text = "first\n\nsecond\n";
        var payload = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(payload, SignedNote.KeyId(key.ExportSubjectPublicKeyInfo()));
        var signature = key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var note = $"{text}\n\u2014 {NameA} {Convert.ToBase64String([.. payload, .. signature])}\n";

        Assert.Equal(text, SignedNote.Open(note, NameA, key.ExportSubjectPublicKeyInfo()).Text);
    }

    [Theory]
    [InlineData("no final newline")]
    [InlineData("")]
    [InlineData("blank\n\nline\n")]
    [InlineData("ends in blank line\n\n")]
    [InlineData("tab\there\n")]
    [InlineData("carriage return\r\n")]
    [InlineData("nul\0\n")]
    public void Sign_BadText_Throws(string text)
    {
        using var key = NewKey();

        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, NameA, key));
    }

    [Fact]
    public void Sign_UnpairedSurrogateInTextOrName_Throws()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD.
        using var key = NewKey();
        var high = ((char)0xD800).ToString();
        var low = ((char)0xDC00).ToString();

        Assert.Throws<ArgumentException>(() => SignedNote.Sign("a" + high + "\n", NameA, key));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("a" + low + high + "\n", NameA, key));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign(Text, NameA + high, key));
        Assert.True(SignedNote.Open(SignedNote.Sign("pair " + high + low + "\n", NameA, key), NameA, key.ExportSubjectPublicKeyInfo()).Ok);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has\u00a0nbsp")]
    [InlineData("has+plus")]
    [InlineData("has\nnewline")]
    public void Sign_BadKeyName_Throws(string keyName)
    {
        using var key = NewKey();

        Assert.Throws<ArgumentException>(() => SignedNote.Sign(Text, keyName, key));
    }

    [Fact]
    public void Sign_KeyNotOnP256_Throws()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => SignedNote.Sign(Text, NameA, key));
    }

    [Fact]
    public void Open_TrustedKeyNotP256OrNameInvalid_Throws()
    {
        using var key = NewKey();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        var note = SignedNote.Sign(Text, NameA, key);

        Assert.Throws<ArgumentException>(() => SignedNote.Open(note, NameA, p384.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => SignedNote.Open(note, NameA, rsa.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => SignedNote.Open(note, NameA, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => SignedNote.Open(note, NameA, [.. key.ExportSubjectPublicKeyInfo(), 0]));
        Assert.Throws<ArgumentException>(() => SignedNote.Open(note, "a b", key.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void Open_SignedCheckpointBody_ParsesBackToCheckpoint()
    {
        using var key = NewKey();
        var root = new MerkleTree(Enumerable.Range(0, 5).Select(i => MerkleHash.Leaf([(byte)i]))).Root();
        var checkpoint = new Checkpoint(NameA, 5, root, new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.Zero));

        var opened = SignedNote.Open(SignedNote.Sign(checkpoint.Body(), NameA, key), NameA, key.ExportSubjectPublicKeyInfo());

        Assert.True(opened.Ok, opened.Error);
        Assert.Equal(checkpoint, Checkpoint.ParseBody(opened.Text));
    }
}
