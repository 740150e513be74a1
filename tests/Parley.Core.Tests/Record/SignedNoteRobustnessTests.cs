using System.Security.Cryptography;
using System.Text;
using Parley.Core.Record;

namespace Parley.Core.Tests.Record;

/// <summary>Malformed and hostile notes, fuzzed notes, and verifier keys.</summary>
public class SignedNoteRobustnessTests
{
    private const string Text = "parley.example/record\n42\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 2025-03-14T12:00:05Z\n";
    private const string Name = "parley.example/record";
    private const string OtherLine = "\u2014 other.example/x AAAAAAE=\n"; // well-formed: key ID 0, one byte of signature

    private static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Theory]
    [InlineData("no blank line\n\u2014 other.example/x AAAAAAE=\n", "no blank line")]
    [InlineData("text\n\n", "do not end with a newline")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAAE=", "do not end with a newline")]
    [InlineData("text\n\n-- other.example/x AAAAAAE=\n", "signature line 1")]
    [InlineData("text\n\n\u2014other.example/x AAAAAAE=\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x\n", "signature line 1")]
    [InlineData("text\n\n\u2014  AAAAAAE=\n", "signature line 1")]
    [InlineData("text\n\n\u2014 a+b AAAAAAE=\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAA==\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAAE\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAAF=\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAA AAE=\n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAAE= \n", "signature line 1")]
    [InlineData("text\n\n\u2014 other.example/x AAAAAAE=\n\u2014 other.example/x !!!!\n", "signature line 2")]
    [InlineData("tab\there\n\n\u2014 other.example/x AAAAAAE=\n", "control character")]
    [InlineData("cr\r\n\n\u2014 other.example/x AAAAAAE=\r\n", "control character")]
    [InlineData("", "no blank line")]
    public void Open_Malformed_RefusedWithOneLineReason(string note, string reason)
    {
        using var key = NewKey();

        var opened = SignedNote.Open(note, Name, key.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.Malformed, opened.Failure);
        Assert.NotNull(opened.Error);
        Assert.StartsWith("malformed note: ", opened.Error);
        Assert.Contains(reason, opened.Error);
        Assert.DoesNotContain('\n', opened.Error);
    }

    [Fact]
    public void Open_UnpairedSurrogate_Malformed()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD.
        using var key = NewKey();
        var note = SignedNote.Sign(Text, Name, key);

        foreach (var broken in new[] { (char)0xDC00 + note, note.Insert(3, ((char)0xD800).ToString()), note + (char)0xD800 })
        {
            var opened = SignedNote.Open(broken, Name, key.ExportSubjectPublicKeyInfo());

            Assert.Equal(NoteFailure.Malformed, opened.Failure);
            Assert.Contains("unpaired surrogate", opened.Error);
        }
    }

    [Fact]
    public void Open_HundredSignatureLines_OpensButHundredAndOneMalformed()
    {
        using var key = NewKey();
        var note = SignedNote.Sign(Text, Name, key);

        var hundred = note + string.Concat(Enumerable.Repeat(OtherLine, SignedNote.MaxSignatures - 1));
        var hundredAndOne = hundred + OtherLine;

        Assert.True(SignedNote.Open(hundred, Name, key.ExportSubjectPublicKeyInfo()).Ok);
        Assert.Equal(NoteFailure.Malformed, SignedNote.Open(hundredAndOne, Name, key.ExportSubjectPublicKeyInfo()).Failure);
    }

    [Fact]
    public void Open_NoteOverOneMebibyte_Malformed()
    {
        using var key = NewKey();
        // 'é' is two UTF-8 bytes: the limit counts bytes, not characters.
        var text = new string('é', SignedNote.MaxNoteBytes / 2) + "\n";

        var opened = SignedNote.Open(SignedNote.Sign(text, Name, key), Name, key.ExportSubjectPublicKeyInfo());

        Assert.Equal(NoteFailure.Malformed, opened.Failure);
        Assert.Contains("1 MiB", opened.Error);
    }

    [Fact]
    public void Open_SeededRandomMutations_NeverThrowsNorVerifiesOtherText()
    {
        using var key = NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();
        var note = SignedNote.Sign(Text, Name, key) + OtherLine;
        var random = new Random(20250314);
        var outcomes = new HashSet<NoteFailure>();

        for (var round = 0; round < 2000; round++)
        {
            var mutated = note;
            var steps = 1 + random.Next(3);
            for (var s = 0; s < steps; s++) mutated = Mutate(mutated, random);

            var opened = SignedNote.Open(mutated, Name, spki);
            outcomes.Add(opened.Failure);

            if (opened.Ok)
            {
                Assert.Equal(Text, opened.Text);
            }
            else
            {
                Assert.NotEqual(NoteFailure.None, opened.Failure);
                Assert.False(string.IsNullOrEmpty(opened.Error));
                Assert.DoesNotContain('\n', opened.Error);
            }
        }

        // The mutations reach every answer, so the loop exercises every path of Open.
        Assert.Equal(Enum.GetValues<NoteFailure>().ToHashSet(), outcomes);
    }

    [Fact]
    public void Open_SeededRandomStringsAndBytes_NeverThrowsNorVerifies()
    {
        using var key = NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();
        var random = new Random(6962);

        for (var round = 0; round < 500; round++)
        {
            var bytes = new byte[random.Next(300)];
            random.NextBytes(bytes);
            var chars = Enumerable.Range(0, random.Next(300)).Select(_ => (char)random.Next(0x10000)).ToArray();

            foreach (var input in new[] { Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes), new string(chars) })
            {
                Assert.False(SignedNote.Open(input, Name, spki).Ok);
                Assert.False(SignedNote.Open(input + "\n\n\u2014 " + Name + " " + Convert.ToBase64String(bytes) + "\n", Name, spki).Ok);
            }
        }
    }

    [Fact]
    public void VerifierKey_OfKey_IsNameHexIdAndTypedSpkiAndParsesBack()
    {
        using var key = NewKey();
        var spki = key.ExportSubjectPublicKeyInfo();

        var vkey = SignedNote.VerifierKey(Name, spki);

        Assert.Equal($"{Name}+{SignedNote.KeyId(spki):x8}+{Convert.ToBase64String([0x02, .. spki])}", vkey);
        Assert.True(SignedNote.TryParseVerifierKey(vkey, out var name, out var parsed));
        Assert.Equal(Name, name);
        Assert.Equal(spki, parsed);
        Assert.True(SignedNote.TryParseVerifierKey(vkey.Replace($"+{SignedNote.KeyId(spki):x8}+", $"+{SignedNote.KeyId(spki):X8}+", StringComparison.Ordinal), out _, out _));
    }

    [Fact]
    public void TryParseVerifierKey_Malformed_ReturnsFalseWithEmptyOutputs()
    {
        using var key = NewKey();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var spki = key.ExportSubjectPublicKeyInfo();
        var id = $"{SignedNote.KeyId(spki):x8}";
        var typed = Convert.ToBase64String([0x02, .. spki]);
        var p384Spki = p384.ExportSubjectPublicKeyInfo();

        string[] refused =
        [
            "",
            Name,
            $"{Name}+{id}",
            $"+{id}+{typed}",
            $"a b+{id}+{typed}",
            $"{Name}+{id[..7]}+{typed}",
            $"{Name}+{id}0+{typed}",
            $"{Name}+{(SignedNote.KeyId(spki) ^ 1):x8}+{typed}",
            $"{Name}+ {id[1..]}+{typed}",
            $"{Name}+{id}+{Convert.ToBase64String([0x01, .. spki])}",
            $"{Name}+{id}+{Convert.ToBase64String(spki)}",
            $"{Name}+{id}+{typed[..^4]}",
            $"{Name}+{id}+{typed} ",
            $"{Name}+{SignedNote.KeyId(p384Spki):x8}+{Convert.ToBase64String([0x02, .. p384Spki])}",
        ];

        foreach (var text in refused)
        {
            Assert.False(SignedNote.TryParseVerifierKey(text, out var name, out var parsed), text);
            Assert.Equal("", name);
            Assert.Empty(parsed);
        }
    }

    [Fact]
    public void VerifierKey_BadNameOrKey_Throws()
    {
        using var key = NewKey();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => SignedNote.VerifierKey("a+b", key.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => SignedNote.VerifierKey(Name, p384.ExportSubjectPublicKeyInfo()));
        Assert.Throws<ArgumentException>(() => SignedNote.VerifierKey(Name, [0x30, 0x00]));
    }

    private static readonly string[] Fragments =
        ["\n", "\n\n", "\u2014 ", "\u2014", " ", "+", "=", "==", "A", "/", "\r", "\0", "\t", "\ud800", "\udfff", "\u00e9", "\u2003", "AAAA", Name];

    private static string Mutate(string s, Random random)
    {
        var at = s.Length == 0 ? 0 : random.Next(s.Length);
        switch (random.Next(7))
        {
            case 0 when s.Length > 0: // change one character
                return s[..at] + (char)(s[at] ^ (1 << random.Next(16))) + s[(at + 1)..];
            case 1: // delete a range
                return s.Remove(at, random.Next(Math.Min(20, s.Length - at) + 1));
            case 2: // insert a fragment that matters to the grammar
                return s.Insert(at, Fragments[random.Next(Fragments.Length)]);
            case 3: // truncate
                return s[..at];
            case 4: // duplicate a range
                return s.Insert(at, s.Substring(at, random.Next(Math.Min(40, s.Length - at) + 1)));
            case 5: // overwrite with base64 characters
                var base64 = Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64()));
                return s[..at] + base64 + s[Math.Min(s.Length, at + base64.Length)..];
            default: // swap two lines
                var lines = s.Split('\n');
                if (lines.Length < 2) return s + "\n";
                var (i, j) = (random.Next(lines.Length), random.Next(lines.Length));
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return string.Join('\n', lines);
        }
    }
}
