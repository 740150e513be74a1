
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Data.Record;

/// <summary>A stored row as the record sees it: its negotiation, its key and the digest of every column as stored.</summary>
/// <param name="Negotiation">The negotiation the row belongs to (its negotiation column).</param>
/// <param name="Key">The key columns' encoded values as a JSON array, e.g. <c>["t:berlin-2025","t:ua"]</c>.</param>
/// <param name="Digest">SHA-256 of the row's canonical form, lower-case hex.</param>
internal sealed record StoredRow(string Negotiation, string Key, string Digest);

/// <summary>
/// Digests of stored rows, read with plain SQL so that the digest is of what the database holds — the provider's own
/// values, not what EF would make of them (a boolean stored as 2 reads back as <c>true</c> but digests differently).
/// </summary>
/// <remarks>
/// A value is encoded with its type: <c>n</c> (null), <c>t:</c>text, <c>i:</c>integer, <c>r:</c>real (round-trip
/// form), <c>b:1</c>/<c>b:0</c>, <c>d:</c>ticks<c>:</c>kind (timestamps), <c>o:</c>UTC ticks<c>:</c>offset minutes,
/// <c>x:</c>hex (blobs). A row's canonical form is, for each column in ordinal order of the names, the netstrings
/// (<c>length:bytes,</c>, UTF-8 byte length in decimal) of the column's name and of its encoded value; its digest is
/// SHA-256 of that. Digests are compared only within one database, so a provider's own
/// representation (SQLite's INTEGER ticks, PostgreSQL's timestamptz) is what is digested.
/// </remarks>
internal static class RowDigests
{
    /// <summary>Above this many keys of one table, an entry's rows are read as the negotiation's whole table and filtered.</summary>
    private const int KeysPerQuery = 32;

    /// <summary>Every row of the table, of one negotiation or (null) of all.</summary>
    public static async Task<List<StoredRow>> ReadAsync(ParleyDbContext db, StateTable table, string? negotiationId, CancellationToken ct)
    {
        var where = negotiationId is null ? "" : $" WHERE {Quote(table.NegotiationColumn)} = @p0";
        return await QueryAsync(db, table, where, negotiationId is null ? [] : [negotiationId], ct);
    }

    /// <summary>The negotiations the table holds rows of.</summary>
    public static async Task<List<string>> NegotiationsAsync(ParleyDbContext db, StateTable table, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT DISTINCT {Quote(table.NegotiationColumn)} FROM {Quote(table.Name)}";
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                ids.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The rows of the table with these keys (CLR key values in key order); a key with no row is absent from the result.</summary>
    public static async Task<List<StoredRow>> ReadAsync(ParleyDbContext db, StateTable table, string negotiationId,
        IReadOnlyCollection<object?[]> keys, CancellationToken ct)
    {
        if (keys.Count > KeysPerQuery)
        {
            var wanted = keys.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
            return (await ReadAsync(db, table, negotiationId, ct)).Where(r => wanted.Contains(r.Key)).ToList();
        }
        var found = new List<StoredRow>();
        var where = " WHERE " + string.Join(" AND ", table.KeyColumns.Select((c, i) => $"{Quote(c)} = @p{i}"));
        foreach (var key in keys) found.AddRange(await QueryAsync(db, table, where, key, ct));
        return found;
    }

    /// <summary>The key of a row given as CLR values, encoded as the stored row's key is.</summary>
    public static string KeyOf(object?[] values)
    {
        // What JsonSerializer writes for the string[] of encoded values (same writer, default encoder), without its
        // per-call set-up: a bulk import keys 200,000 rows.
        var buffer = t_keyBuffer ??= new ArrayBufferWriter<byte>(128);
        var writer = t_keyWriter ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(Encode(value));
        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_keyBuffer;
    [ThreadStatic] private static Utf8JsonWriter? t_keyWriter;

    /// <summary>A key for people: <c>(berlin-2025, ua)</c>.</summary>
    public static string Readable(string key)
    {
        var values = JsonSerializer.Deserialize<string[]>(key) ?? [];
        return "(" + string.Join(", ", values.Select(v => v.Length > 2 && v[1] == ':' ? v[2..] : v)) + ")";
    }

    /// <summary>The typed encoding of one stored or CLR value (see the remarks).</summary>
    public static string Encode(object? value) => value switch
    {
        null or DBNull => "n",
        string s => "t:" + s,
        bool b => b ? "b:1" : "b:0",
        sbyte or byte or short or ushort or int or uint or long => "i:" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        ulong u => "i:" + u.ToString(CultureInfo.InvariantCulture),
        double d => "r:" + d.ToString("R", CultureInfo.InvariantCulture),
        float f => "r:" + ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => "m:" + m.ToString(CultureInfo.InvariantCulture),
        DateTime t => $"d:{t.Ticks.ToString(CultureInfo.InvariantCulture)}:{(int)t.Kind}",
        DateTimeOffset o => $"o:{o.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{o.Offset.TotalMinutes.ToString(CultureInfo.InvariantCulture)}",
        byte[] x => "x:" + Convert.ToHexStringLower(x),
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static async Task<List<StoredRow>> QueryAsync(ParleyDbContext db, StateTable table, string where, IReadOnlyList<object?> parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)}{where}";
            for (var i = 0; i < parameters.Count; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"@p{i}";
                p.Value = parameters[i] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            var keyOrdinals = table.KeyColumns.Select(c => IndexOf(table.Columns, c)).ToArray();
            var negotiationOrdinal = IndexOf(table.Columns, table.NegotiationColumn);
            var rows = new List<StoredRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new object?[table.Columns.Count];
            using var hasher = new RowHasher(table.Columns);
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(new StoredRow(Convert.ToString(values[negotiationOrdinal], CultureInfo.InvariantCulture) ?? "",
                    KeyOf(keyOrdinals.Select(k => values[k]).ToArray()), hasher.Digest(values)));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Digests rows from values given in another column order (a bulk insert's, fed through <see cref="Hasher"/>), as <see cref="ReadAsync(ParleyDbContext, StateTable, string?, CancellationToken)"/>
    /// would digest them once stored. One instance per thread.
    /// </summary>
    internal sealed class Digester : IDisposable
    {
        private readonly int[] _sorted;
        private readonly int[] _key;
        private readonly int _negotiation;
        private readonly RowHasher _hasher;

        public Digester(StateTable table, IReadOnlyList<string> boundColumns)
        {
            _sorted = table.Columns.Select(c => IndexOf(boundColumns, c)).ToArray();
            _key = table.KeyColumns.Select(c => IndexOf(boundColumns, c)).ToArray();
            _negotiation = IndexOf(boundColumns, table.NegotiationColumn);
            _hasher = new RowHasher(table.Columns);
        }

        /// <summary>For each column in ordinal order of names, its index in the bound order.</summary>
        public IReadOnlyList<int> SortedToBound => _sorted;

        /// <summary>The key columns' indices in the bound order, in key order.</summary>
        public IReadOnlyList<int> KeyToBound => _key;

        /// <summary>The negotiation column's index in the bound order.</summary>
        public int NegotiationIndex => _negotiation;

        /// <summary>The hasher to feed, column by column in ordinal order, before <see cref="Finish"/>.</summary>
        public RowHasher Hasher => _hasher;

        /// <summary>Writes the key of the row being fed from its values' bound forms, in key order, before <see cref="Finish"/>.</summary>
        public KeyWriter Key { get; } = new();

        /// <summary>
        /// The row fed to <see cref="Hasher"/> and <see cref="Key"/>, with its negotiation as UTF-8: the string of the
        /// previous row's negotiation when it is the same (a bulk insert's rows all name one).
        /// </summary>
        public StoredRow Finish(ReadOnlySpan<byte> negotiation)
        {
            if (!negotiation.SequenceEqual(_negotiationUtf8))
            {
                _negotiationUtf8 = negotiation.ToArray();
                _negotiationText = Encoding.UTF8.GetString(negotiation);
            }
            return new(_negotiationText, Key.Finish(), _hasher.Finish());
        }

        private byte[] _negotiationUtf8 = [];
        private string _negotiationText = "";

        public void Dispose() => _hasher.Dispose();
    }

    /// <summary>
    /// <see cref="KeyOf"/>'s text from values given as a bulk insert binds them (text as UTF-8, integers, reals), without
    /// a string or a boxed value per column: each value's <see cref="Encode"/> form is written as UTF-8 and the JSON
    /// writer escapes it as it escapes the string. Start, one call per key column in key order, then Finish.
    /// </summary>
    internal sealed class KeyWriter
    {
        private readonly ArrayBufferWriter<byte> _json = new(128);
        private readonly Utf8JsonWriter _writer;
        private byte[] _value = new byte[256];

        public KeyWriter() => _writer = new Utf8JsonWriter(_json);

        public void Start()
        {
            _json.ResetWrittenCount();
            _writer.Reset(_json);
            _writer.WriteStartArray();
        }

        /// <summary>A text value (<c>t:</c> and the text).</summary>
        public void Text(ReadOnlySpan<byte> utf8)
        {
            if (_value.Length < utf8.Length + 2) _value = new byte[Math.Max(utf8.Length + 2, 2 * _value.Length)];
            _value[0] = (byte)'t';
            _value[1] = (byte)':';
            utf8.CopyTo(_value.AsSpan(2));
            _writer.WriteStringValue(_value.AsSpan(0, utf8.Length + 2));
        }

        /// <summary>An integer value (<c>i:</c> and its invariant decimal form).</summary>
        public void Integer(long value)
        {
            Span<byte> text = stackalloc byte[24];
            text[0] = (byte)'i';
            text[1] = (byte)':';
            value.TryFormat(text[2..], out var written, default, CultureInfo.InvariantCulture);
            _writer.WriteStringValue(text[..(written + 2)]);
        }

        /// <summary>A real value (<c>r:</c> and its round-trip form).</summary>
        public void Real(double value)
        {
            Span<byte> text = stackalloc byte[40];
            text[0] = (byte)'r';
            text[1] = (byte)':';
            value.TryFormat(text[2..], out var written, "R", CultureInfo.InvariantCulture);
            _writer.WriteStringValue(text[..(written + 2)]);
        }

        /// <summary>A null value (<c>n</c>).</summary>
        public void Null() => _writer.WriteStringValue("n"u8);

        public string Finish()
        {
            _writer.WriteEndArray();
            _writer.Flush();
            return Encoding.UTF8.GetString(_json.WrittenSpan);
        }
    }

    /// <summary>SHA-256 of the row's canonical form: for each column in ordinal order, the netstrings of its name and its encoded value.</summary>
    internal sealed class RowHasher(IReadOnlyList<string> columns) : IDisposable
    {
        private readonly byte[][] _names = columns.Select(Netstring).ToArray();
        private byte[] _row = new byte[4096];
        private int _length;

        public string Digest(object?[] values)
        {
            for (var i = 0; i < _names.Length; i++) Any(i, values[i]);
            return Finish();
        }

        /// <summary>Column <paramref name="i"/> (ordinal order) holds this value: <see cref="Encode"/>'s form.</summary>
        public void Any(int i, object? value)
        {
            var text = Encode(value);
            var bytes = Encoding.UTF8.GetByteCount(text);
            Encoding.UTF8.GetBytes(text, Value(i, bytes));
        }

        /// <summary>Column <paramref name="i"/> holds text given as UTF-8: the bytes of <c>t:</c> and the text, without a string.</summary>
        public void Text(int i, ReadOnlySpan<byte> utf8)
        {
            var value = Value(i, utf8.Length + 2);
            value[0] = (byte)'t';
            value[1] = (byte)':';
            utf8.CopyTo(value[2..]);
        }

        /// <summary>Column <paramref name="i"/> holds a 64-bit integer (<c>i:</c> and its invariant decimal form).</summary>
        public void Integer(int i, long value)
        {
            Span<byte> text = stackalloc byte[24];
            text[0] = (byte)'i';
            text[1] = (byte)':';
            Utf8Formatter.TryFormat(value, text[2..], out var written);
            text[..(written + 2)].CopyTo(Value(i, written + 2));
        }

        /// <summary>Column <paramref name="i"/> holds a double (<c>r:</c> and its round-trip form).</summary>
        public void Real(int i, double value)
        {
            Span<byte> text = stackalloc byte[40];
            text[0] = (byte)'r';
            text[1] = (byte)':';
            value.TryFormat(text[2..], out var written, "R", CultureInfo.InvariantCulture);
            text[..(written + 2)].CopyTo(Value(i, written + 2));
        }

        /// <summary>Column <paramref name="i"/> is null (<c>n</c>).</summary>
        public void Null(int i) => Value(i, 1)[0] = (byte)'n';

        public string Finish()
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(_row.AsSpan(0, _length), hash);
            _length = 0;
            return LowerHex(hash);
        }

        public void Dispose()
        {
        }

        /// <summary>
        /// <see cref="Convert.ToHexStringLower(ReadOnlySpan{byte})"/>'s text, by a plain loop: the framework's vectorised
        /// version is not precompiled for this processor and ran unoptimised through most of a cold import's 200,000 rows.
        /// </summary>
        internal static string LowerHex(ReadOnlySpan<byte> bytes)
        {
            Span<char> text = stackalloc char[bytes.Length * 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
                text[2 * i + 1] = "0123456789abcdef"[bytes[i] & 0xF];
            }
            return new string(text);
        }

        /// <summary>
        /// Appends column <paramref name="i"/>'s name netstring and the start of its value's (<c>length:</c>), and the
        /// closing <c>,</c>: the <paramref name="bytes"/> between them, returned, are the caller's to fill. Everything is
        /// written once, straight into the row.
        /// </summary>
        private Span<byte> Value(int i, int bytes)
        {
            var name = _names[i];
            var need = _length + name.Length + 11 + bytes + 1;
            if (need > _row.Length) Array.Resize(ref _row, Math.Max(need, 2 * _row.Length));
            name.CopyTo(_row.AsSpan(_length));
            _length += name.Length;
            Utf8Formatter.TryFormat(bytes, _row.AsSpan(_length), out var digits);
            _row[_length + digits] = (byte)':';
            _length += digits + 1;
            var value = _row.AsSpan(_length, bytes);
            _length += bytes;
            _row[_length++] = (byte)',';
            return value;
        }

        private static byte[] Netstring(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            return [.. Encoding.ASCII.GetBytes($"{bytes.Length}:"), .. bytes, (byte)','];
        }
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i] == column) return i;
        throw new InvalidOperationException($"No column {column}.");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
