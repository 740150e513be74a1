using System.Text;
using System.Text.Json;
using Parley.Data.Record;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>
/// The rows field and row keys are part of every entry's hash: written without the serializer's per-call set-up (a bulk
/// import writes 200,000 of them), they must stay byte for byte what the serializer wrote, or old entries stop verifying.
/// </summary>
public sealed class RecordedRowsTests
{
    private static readonly object?[][] Keys =
    [
        ["berlin-2025", "UKR12345-7"],
        ["neg", 3L],
        ["quote \" backslash \\ slash / <b>&amp;'+`</b>", "tab\tnew line\ncontrol\u0001\u001f"],
        ["Kyïv – Dnipró’s “Zaporizhzhia” € 🙂", null],
        [true, 1.5, -0.0, 1e-5, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(2))],
        [],
    ];

    [Fact]
    public void KeyOf_TrickyValues_IsWhatTheSerializerWrites_AndStartsOverEachTime()
    {
        foreach (var key in Keys)
            Assert.Equal(JsonSerializer.Serialize(key.Select(RowDigests.Encode).ToArray()), RowDigests.KeyOf(key));
        Assert.Equal("[\"t:a\"]", RowDigests.KeyOf(["a"])); // the reused buffer holds nothing of the longer key before
    }

    [Fact]
    public void KeyWriter_BoundValues_WritesWhatKeyOfWrites()
    {
        // A bulk insert keys its rows from the values it binds: text as UTF-8, integers, reals, nulls.
        var writer = new RowDigests.KeyWriter();
        object?[][] keys = [.. Keys.Where(k => k.All(v => v is null or string or long or double)), ["neg", -12L, 0.1, double.NaN, "a\uD83D\uDE42b"]];
        foreach (var key in keys)
        {
            writer.Start();
            foreach (var value in key)
                switch (value)
                {
                    case string s: writer.Text(System.Text.Encoding.UTF8.GetBytes(s)); break;
                    case long l: writer.Integer(l); break;
                    case double d: writer.Real(d); break;
                    default: writer.Null(); break;
                }
            Assert.Equal(RowDigests.KeyOf(key), writer.Finish());
        }
    }

    [Fact]
    public void RowHasher_MixedRows_IsSha256OfTheNetstringsOfNamesAndEncodedValues()
    {
        // The canonical form as RowDigests documents it, written plainly: digests recorded by earlier versions must still match.
        static string Reference(string[] names, object?[] values)
        {
            static string Net(string s) => $"{Encoding.UTF8.GetByteCount(s)}:{s},";
            var form = string.Concat(names.Select((n, i) => Net(n) + Net(RowDigests.Encode(values[i]))));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(form)));
        }
        string[] names = ["a", "end", "id", "latitude", "notes", "überschrift"];
        using var hasher = new RowDigests.RowHasher(names);
        var random = new Random(14);
        for (var k = 0; k < 300; k++)
        {
            object?[] values =
            [
                k % 7 == 0 ? null : new string('x', random.Next(0, k * 40)), (long)random.Next() * (k % 2 == 0 ? -1 : 1) * k,
                Keys[k % Keys.Length].FirstOrDefault() as string ?? "", k % 5 == 0 ? double.NaN : random.NextDouble() * 180 - 90,
                k % 3 == 0 ? "Kyïv – “notes” 🙂, with: colons" : null, k % 11 == 0 ? -0.0 : 1e-5 * k,
            ];
            Assert.Equal(Reference(names, values), hasher.Digest(values));
            // The bulk insert's typed feeding digests the same row to the same digest.
            for (var i = 0; i < names.Length; i++)
                switch (values[i])
                {
                    case string s: hasher.Text(i, Encoding.UTF8.GetBytes(s)); break;
                    case long l: hasher.Integer(i, l); break;
                    case double d: hasher.Real(i, d); break;
                    default: hasher.Null(i); break;
                }
            Assert.Equal(Reference(names, values), hasher.Finish());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16 * 1024 - 1)] // a surrogate pair across the first slice's end
    [InlineData(16 * 1024)]
    [InlineData(100_003)]
    public void EntryHash_LongFieldsWithSurrogatePairs_IsSha256OfSaltAndTheDocumentedForm(int padding)
    {
        var rows = new string('r', padding) + "🙂 \uD800 lone, then " + string.Concat(Enumerable.Repeat("🙂é€", 30_000));
        var entry = new HistoryEntry(7, "berlin-2025", 3, "Kyïv 🙂", new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero),
            "incidents.imported", "incidents", "berlin-2025", "shared", new string('c', padding / 2) + "🙂", rows, null, "");
        static string Net(string s) => $"{Encoding.UTF8.GetByteCount(s)}:{s},";
        var form = string.Concat(new[] { RecordEntry.Format, entry.NegotiationId, "3", entry.Actor, "2026-12-04T12:00:00.000000Z",
            entry.Action, entry.ItemKind, entry.ItemId, entry.Visibility, entry.Change, entry.Rows }.Select(Net));
        var salt = new string('a', 64);

        Assert.Equal(Encoding.UTF8.GetBytes(form), RecordEntry.Canonical(entry));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. Convert.FromHexString(salt), .. Encoding.UTF8.GetBytes(form)])),
            RecordEntry.EntryHash(entry, salt).ToString());
    }

    [Fact]
    public void LowerHex_RandomDigests_IsWhatConvertWrites()
    {
        var random = new Random(14);
        for (var k = 0; k < 1000; k++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            Assert.Equal(Convert.ToHexStringLower(bytes), RowDigests.RowHasher.LowerHex(bytes));
        }
    }

    [Fact]
    public void Write_ManyRows_IsWhatTheValidatingWriterWrote()
    {
        var rows = Keys.SelectMany((key, k) => new[]
        {
            ("incidents", RowDigests.KeyOf(key), (string?)$"{k:x64}"),
            ("parties \"x\"", RowDigests.KeyOf(key), (string?)null),
        }).ToArray();
        string[] resets = ["commitments", "incident_reviews"];

        Assert.Equal(Reference(resets, rows), RecordedRows.Write(resets, rows));
        Assert.Equal(Reference([], []), RecordedRows.Write([], []));
    }

    /// <summary>The field as written before, through a stream and with every key parsed as it is copied.</summary>
    private static string Reference(IEnumerable<string> resets, IEnumerable<(string Table, string Key, string? Digest)> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("reset");
            foreach (var t in resets) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var (table, key, digest) in rows)
            {
                w.WriteStartArray();
                w.WriteStringValue(table);
                w.WriteRawValue(key);
                if (digest is null) w.WriteNullValue();
                else w.WriteStringValue(digest);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
