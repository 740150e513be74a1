using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Parley.Data.Record;

/// <summary>
/// Rows a change wrote that the change tracker does not see (bulk inserts, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>),
/// declared by the writer: single rows by key, or whole tables of the negotiation (<see cref="Reset"/>: every row the
/// table holds for it after the change, replacing what the record knew).
/// </summary>
internal sealed class RowChanges
{
    private readonly HashSet<Type> _resets = [];
    private readonly List<(Type Row, object?[] Key)> _rows = [];

    /// <summary>Every covered table: a whole negotiation written or deleted.</summary>
    public static RowChanges All() => new RowChanges().Reset(StateTables.Rows);

    /// <summary>Every covered table but the memberships: a negotiation imported or replaced (members are kept).</summary>
    public static RowChanges AllButMembers() =>
        new RowChanges().Reset(StateTables.Rows.Where(t => t != typeof(Access.MembershipRow)).ToArray());

    public RowChanges Reset(params Type[] rowTypes)
    {
        foreach (var t in rowTypes) _resets.Add(t);
        return this;
    }

    /// <summary>One row by its key values, in key order.</summary>
    public RowChanges Row<T>(params object?[] key)
    {
        _rows.Add((typeof(T), key));
        return this;
    }

    /// <summary>Rows already digested as stored (a bulk insert's, <see cref="Guarantees.BulkInsert{T}"/>): not read back.</summary>
    public RowChanges Digested<T>(IEnumerable<StoredRow> rows)
    {
        _digested.Add((typeof(T), rows));
        return this;
    }

    private readonly List<(Type Row, IEnumerable<StoredRow> Rows)> _digested = [];

    public IReadOnlyList<(Type Row, IEnumerable<StoredRow> Rows)> DigestedRows => _digested;

    public IReadOnlyCollection<Type> Resets => _resets;

    public IReadOnlyList<(Type Row, object?[] Key)> Rows => _rows;
}

/// <summary>
/// The <c>rows</c> field of an entry: <c>{"reset":[table,…],"rows":[[table,[key…],digest|null],…]}</c> — tables whose
/// rows of the negotiation were replaced as a whole, then each row written with the digest of what is stored (null: the
/// row is gone). Tables and rows are sorted (ordinal), so the field depends only on what is stored.
/// </summary>
internal static class RecordedRows
{
    /// <summary>What one entry says: tables reset, then rows set (digest) or removed (null).</summary>
    public sealed record Parsed(IReadOnlyList<string> Resets, IReadOnlyList<(string Table, string Key, string? Digest)> Rows);

    /// <summary>
    /// Saves the pending changes, then digests every row they and <paramref name="declared"/> touched, as stored now.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tracked change of another negotiation (a bug of the caller).</exception>
    public static async Task<string> WriteAsync(ParleyDbContext db, string negotiationId, RowChanges? declared, CancellationToken ct)
    {
        declared ??= new RowChanges();
        var keys = new Dictionary<StateTable, List<object?[]>>();
        void Add(StateTable table, object?[] key)
        {
            if (!keys.TryGetValue(table, out var list)) keys[table] = list = [];
            list.Add(key);
        }
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (StateTables.Of(db, entry.Metadata.ClrType) is not { } table) continue;
            var key = table.Key.Select(p => entry.State == EntityState.Deleted ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue).ToArray();
            var negotiation = entry.Property(table.NegotiationColumn == "id" ? "Id" : "NegotiationId").CurrentValue as string;
            if (negotiation != negotiationId)
                throw new InvalidOperationException($"An entry of '{negotiationId}' would record a row of '{negotiation}' ({table.Name}).");
            Add(table, key);
        }
        foreach (var (row, key) in declared.Rows) Add(StateTables.Of(db, row)!, key);
        await db.SaveChangesAsync(ct);

        var resets = declared.Resets.Select(t => StateTables.Of(db, t)!).ToArray();
        var digestedCount = 0;
        foreach (var (_, digested) in declared.DigestedRows) digestedCount += digested.TryGetNonEnumeratedCount(out var c) ? c : 0;
        var rows = new Dictionary<(string Table, string Key), string?>(digestedCount);
        foreach (var table in resets)
            foreach (var stored in await RowDigests.ReadAsync(db, table, negotiationId, ct))
                rows[(table.Name, stored.Key)] = stored.Digest;
        foreach (var (table, list) in keys)
        {
            if (resets.Contains(table)) continue;
            foreach (var key in list) rows[(table.Name, RowDigests.KeyOf(key))] = null;
            foreach (var stored in await RowDigests.ReadAsync(db, table, negotiationId, list, ct))
                rows[(table.Name, stored.Key)] = stored.Digest;
        }
        foreach (var (type, digested) in declared.DigestedRows)
        {
            var table = StateTables.Of(db, type)!;
            foreach (var stored in digested)
                if (stored.Negotiation != negotiationId)
                    throw new InvalidOperationException($"An entry of '{negotiationId}' would record a row of '{stored.Negotiation}' ({table.Name}).");
                else rows[(table.Name, stored.Key)] = stored.Digest;
        }
        var sorted = new (string Table, string Key, string? Digest)[rows.Count];
        var n = 0;
        foreach (var (k, digest) in rows) sorted[n++] = (k.Table, k.Key, digest);
        sorted.AsSpan().Sort(new ByTableThenKey());
        return Write(resets.Select(t => t.Name).Order(StringComparer.Ordinal), sorted);
    }

    public static string Write(IEnumerable<string> resets, IEnumerable<(string Table, string Key, string? Digest)> rows)
    {
        // An import's field runs to tens of megabytes: one growing buffer, the keys (written by RowDigests.KeyOf, so
        // valid JSON) copied without being parsed again, and one string made of it.
        var buffer = new ArrayBufferWriter<byte>(rows.TryGetNonEnumeratedCount(out var count) ? 32 + count * 128 : 256);
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
                w.WriteRawValue(key, skipInputValidation: true);
                if (digest is null) w.WriteNullValue();
                else w.WriteStringValue(digest);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Rows in the field's order: table, then key (ordinal). A struct, so the sort calls it directly.</summary>
    private readonly struct ByTableThenKey : IComparer<(string Table, string Key, string? Digest)>
    {
        public int Compare((string Table, string Key, string? Digest) a, (string Table, string Key, string? Digest) b) =>
            string.CompareOrdinal(a.Table, b.Table) is var c and not 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>Reads the field back; null when it is not in this form (an entry written before rows were recorded, or altered).</summary>
    public static Parsed? Parse(string rows)
    {
        if (string.IsNullOrEmpty(rows)) return null;
        try
        {
            using var doc = JsonDocument.Parse(rows);
            var resets = doc.RootElement.GetProperty("reset").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var list = doc.RootElement.GetProperty("rows").EnumerateArray().Select(r =>
                (r[0].GetString()!, KeyText(r[1]), r[2].ValueKind == JsonValueKind.Null ? null : r[2].GetString())).ToArray();
            return new Parsed(resets, list);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A row's key as written: an array of encoded values (strings), else the field was not written by Parley.</summary>
    private static string KeyText(JsonElement key) =>
        key.ValueKind == JsonValueKind.Array && key.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? key.GetRawText()
            : throw new InvalidOperationException("A row's key is not an array of strings.");
}
