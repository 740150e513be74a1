
using System.Globalization;
using System.Security.Cryptography;
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
/// <c>x:</c>hex (blobs). A row's canonical form is the UTF-8 JSON array <c>[[column, value], …]</c> with columns in
/// ordinal order; its digest is SHA-256 of that. Digests are compared only within one database, so a provider's own
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
    public static string KeyOf(object?[] values) => JsonSerializer.Serialize(values.Select(Encode).ToArray());

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
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(new StoredRow(Convert.ToString(values[negotiationOrdinal], CultureInfo.InvariantCulture) ?? "",
                    KeyOf(keyOrdinals.Select(k => values[k]).ToArray()), Digest(table.Columns, values)));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Digest(IReadOnlyList<string> columns, object?[] values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            for (var i = 0; i < columns.Count; i++)
            {
                w.WriteStartArray();
                w.WriteStringValue(columns[i]);
                w.WriteStringValue(Encode(values[i]));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i] == column) return i;
        throw new InvalidOperationException($"No column {column}.");
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
