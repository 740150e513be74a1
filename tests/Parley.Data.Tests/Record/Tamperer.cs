using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>How a column's values are changed: by what they mean, whatever the provider stores.</summary>
internal enum ValueKind
{
    Text,
    Integer,
    Real,
    Boolean,
    Timestamp,
    Date,
}

/// <summary>One column as the model maps it.</summary>
internal sealed record TamperColumn(string Name, ValueKind Kind, Type ModelType, bool Nullable, ValueConverter? Converter);

/// <summary>One table as the model maps it: its columns and its primary key's columns, in key order.</summary>
internal sealed record TamperTable(Type RowType, string Name, IReadOnlyList<TamperColumn> Columns, IReadOnlyList<string> Key)
{
    public static TamperTable Of(IEntityType type)
    {
        var name = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = type.GetProperties().Select(p =>
        {
            var model = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            var converter = p.GetTypeMapping().Converter;
            var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? model) ?? converter?.ProviderClrType ?? model;
            var kind = model == typeof(DateTimeOffset) || model == typeof(DateTime) ? ValueKind.Timestamp
                : model == typeof(DateOnly) ? ValueKind.Date
                : provider == typeof(string) ? ValueKind.Text
                : provider == typeof(bool) ? ValueKind.Boolean
                : provider == typeof(int) || provider == typeof(long) || provider == typeof(short) ? ValueKind.Integer
                : provider == typeof(double) || provider == typeof(float) || provider == typeof(decimal) ? ValueKind.Real
                : throw new NotSupportedException($"{name}.{p.GetColumnName(store)}: no mutation for {p.ClrType.Name} stored as {provider.Name}.");
            return new TamperColumn(p.GetColumnName(store)!, kind, model, p.IsNullable, converter);
        }).OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        return new TamperTable(type.ClrType, name, columns, type.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToArray());
    }

    public TamperColumn Column(string name) => Columns.Single(c => c.Name == name);

    public string ColumnList => string.Join(", ", Columns.Select(c => Sql.Quote(c.Name)));

    public string KeyList => string.Join(", ", Key.Select(Sql.Quote));
}

internal enum MutationKind
{
    /// <summary>One column's value changed (a flipped character, ±1, a negated boolean, ±1 µs, NULL ↔ a value).</summary>
    Change,

    /// <summary>The row deleted (with whatever the database cascades).</summary>
    Delete,

    /// <summary>A copy of the row inserted under a key with one column changed.</summary>
    Duplicate,
}

/// <summary>A mutation the database took: the table, the row as it was, and the column changed (or the copy's key column).</summary>
internal sealed record Tampering(TamperTable Table, MutationKind Kind, IReadOnlyDictionary<string, object?> Before, string? Column, object? NewValue)
{
    public IReadOnlyList<object?> Key => Table.Key.Select(k => Before[k]).ToArray();

    /// <summary>The key of the changed row or of the copy; the old key when no key column changed.</summary>
    public IReadOnlyList<object?> NewKey => Table.Key.Select(k => k == Column ? NewValue : Before[k]).ToArray();

    /// <summary>The column's values before and after (one value when the mutation left it alone).</summary>
    public IReadOnlyList<object?> Values(string column) =>
        column == Column && Kind != MutationKind.Delete ? [Before[column], NewValue] : [Before[column]];

    public override string ToString() => Kind switch
    {
        MutationKind.Delete => $"{Table.Name}: deleted row {Show(Key)}",
        MutationKind.Duplicate => $"{Table.Name}: copied row {Show(Key)} as {Show(NewKey)}",
        _ => $"{Table.Name}.{Column} of row {Show(Key)}: {Difference(Before[Column!], NewValue)}",
    };

    /// <summary>The values, or for two long texts the part around the one character that differs.</summary>
    private static string Difference(object? before, object? after)
    {
        if (before is not string a || after is not string b || Math.Max(a.Length, b.Length) <= 80) return $"{Show(before)} → {Show(after)}";
        var at = 0;
        while (at < Math.Min(a.Length, b.Length) && a[at] == b[at]) at++;
        var from = Math.Max(0, at - 20);
        string Part(string s) => (from > 0 ? "…" : "") + s[from..Math.Min(s.Length, at + 20)] + (at + 20 < s.Length ? "…" : "");
        return $"at character {at}: '{Part(a)}' → '{Part(b)}'".ReplaceLineEndings("⏎");
    }

    public static string Show(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + (s.Length > 80 ? s[..40] + "…" + s[^40..] : s).ReplaceLineEndings("⏎") + "'",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IReadOnlyList<object?> list => "(" + string.Join(", ", list.Select(Show)) + ")",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// Draws and applies one random mutation of a random row of a table with plain SQL, as someone with write access to the
/// database could. A mutation the database refuses (a constraint) or stores as the same value changes nothing and is
/// reported as refused.
/// </summary>
internal sealed class Tamperer(Random random)
{
    // Letters of both cases, digits, JSON punctuation, a space and characters outside ASCII (2 and 3 UTF-8 bytes).
    private static readonly Rune[] Alphabet =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:,;{}[]\"'/\\éЖ✓".EnumerateRunes().ToArray();

    /// <summary>The mutation done, or why the database did not take it.</summary>
    public async Task<(Tampering? Done, string? Refused)> TryAsync(ParleyDbContext db, TamperTable table, IReadOnlyList<MutationKind> kinds)
    {
        var keys = await Sql.QueryAsync(db, $"SELECT {table.KeyList} FROM {Sql.Quote(table.Name)} ORDER BY {table.KeyList}");
        if (keys.Count == 0) throw new InvalidOperationException($"Table {table.Name} is empty: nothing to tamper with.");
        var key = keys[random.Next(keys.Count)];
        var row = Assert.Single(await Sql.QueryAsync(db, $"SELECT {table.ColumnList} FROM {Sql.Quote(table.Name)} WHERE {Sql.Where(table.Key)}", key));
        var before = table.Columns.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var kind = kinds[random.Next(kinds.Count)];
        var tampering = kind switch
        {
            MutationKind.Change => Change(table, before),
            MutationKind.Duplicate => Duplicate(table, before),
            _ => new Tampering(table, kind, before, null, null),
        };
        try
        {
            var (sql, values) = kind switch
            {
                MutationKind.Change => ($"UPDATE {Sql.Quote(table.Name)} SET {Sql.Quote(tampering.Column!)} = @p0 WHERE {Sql.Where(table.Key, 1)}",
                    (object?[])[tampering.NewValue, .. key]),
                MutationKind.Delete => ($"DELETE FROM {Sql.Quote(table.Name)} WHERE {Sql.Where(table.Key)}", key),
                _ => ($"INSERT INTO {Sql.Quote(table.Name)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})",
                    table.Columns.Select(c => c.Name == tampering.Column ? tampering.NewValue : before[c.Name]).ToArray()),
            };
            var count = await Sql.ExecuteAsync(db, sql, values);
            if (count != 1) throw new InvalidOperationException($"{tampering}: {count} rows changed, not 1.");
        }
        catch (DbException e)
        {
            return (null, $"{tampering}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (kind == MutationKind.Change)
        {
            var stored = Assert.Single(await Sql.QueryAsync(db,
                $"SELECT {Sql.Quote(tampering.Column!)} FROM {Sql.Quote(table.Name)} WHERE {Sql.Where(table.Key)}", tampering.NewKey.ToArray()))[0];
            if (Equals(stored, before[tampering.Column!])) return (null, $"{tampering}: stored as it was");
        }
        return (tampering, null);
    }

    private Tampering Change(TamperTable table, IReadOnlyDictionary<string, object?> before)
    {
        var column = table.Columns[random.Next(table.Columns.Count)];
        var value = before[column.Name];
        var changed = value is null ? Fresh(column)
            : column.Nullable && random.Next(4) == 0 ? null
            : Mutate(column, value);
        return new Tampering(table, MutationKind.Change, before, column.Name, changed);
    }

    private Tampering Duplicate(TamperTable table, IReadOnlyDictionary<string, object?> before)
    {
        var column = table.Column(table.Key[random.Next(table.Key.Count)]);
        return new Tampering(table, MutationKind.Duplicate, before, column.Name, Mutate(column, before[column.Name]!));
    }

    /// <summary>A different value of the same kind, in the provider's own representation.</summary>
    private object Mutate(TamperColumn column, object value) => column.Kind switch
    {
        ValueKind.Text => FlipCharacter((string)value),
        ValueKind.Integer => MutateInteger(column, value),
        ValueKind.Real => MutateReal(value),
        ValueKind.Boolean => value is bool b ? !b : Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0 ? 1L : 0L,
        ValueKind.Timestamp => MutateTimestamp(column, value, Sign() * TimeSpan.TicksPerMicrosecond),
        ValueKind.Date => MutateDate(column, value, Sign()),
        _ => throw new NotSupportedException(column.Kind.ToString()),
    };

    /// <summary>A value for a column that held NULL.</summary>
    private object Fresh(TamperColumn column) => column.Kind switch
    {
        ValueKind.Text => "tamper",
        ValueKind.Integer => column.ModelType == typeof(long) ? 7L : 7,
        ValueKind.Real => 0.5,
        ValueKind.Boolean => true,
        ValueKind.Timestamp => column.Converter?.ConvertToProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
                               ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ValueKind.Date => new DateOnly(2026, 1, 1),
        _ => throw new NotSupportedException(column.Kind.ToString()),
    };

    /// <summary>One character (Unicode scalar) replaced by a different one; an empty text gets one.</summary>
    private string FlipCharacter(string text)
    {
        var runes = text.EnumerateRunes().ToList();
        var replacement = Alphabet[random.Next(Alphabet.Length)];
        if (runes.Count == 0) return replacement.ToString();
        var at = random.Next(runes.Count);
        while (replacement == runes[at]) replacement = Alphabet[random.Next(Alphabet.Length)];
        runes[at] = replacement;
        return string.Concat(runes.Select(r => r.ToString()));
    }

    /// <summary>±1 or one bit flipped, within the model type's width, in the type the provider returned.</summary>
    private object MutateInteger(TamperColumn column, object value)
    {
        var v = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        var bits = column.ModelType == typeof(long) ? 64 : column.ModelType == typeof(short) ? 16 : 32;
        var changed = random.Next(3) switch
        {
            0 => v + 1,
            1 => v - 1,
            _ => v ^ (1L << random.Next(bits)),
        };
        if (bits < 64) changed = bits == 32 ? (int)changed : (short)changed; // wrap as the column's type would
        return value switch
        {
            int => (int)changed,
            short => (short)changed,
            _ => changed,
        };
    }

    private object MutateReal(object value)
    {
        var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var changed = random.Next(3) switch
        {
            0 => d + 1,
            1 => d == 0 ? 0.5 : -d,
            _ => Math.BitIncrement(d),
        };
        return value switch
        {
            float f => changed == d ? MathF.BitIncrement(f) : (float)changed == f ? MathF.BitIncrement(f) : (float)changed,
            decimal m => m + 0.01m,
            _ => changed,
        };
    }

    private static object MutateTimestamp(TamperColumn column, object value, long ticks) => value switch
    {
        long stored => stored + ticks,
        DateTime t => t.AddTicks(ticks),
        DateTimeOffset o => o.AddTicks(ticks),
        _ => throw new NotSupportedException($"{column.Name}: a timestamp stored as {value.GetType().Name}."),
    };

    private static object MutateDate(TamperColumn column, object value, int days) => value switch
    {
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.AddDays(days),
        DateOnly day => day.AddDays(days),
        _ => throw new NotSupportedException($"{column.Name}: a date stored as {value.GetType().Name}."),
    };

    private int Sign() => random.Next(2) == 0 ? -1 : 1;
}
