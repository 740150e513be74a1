using System.Linq.Expressions;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Parley.Data.Guarantees;

/// <summary>
/// One single-row INSERT prepared once on a SQLite connection and stepped per row: each column's value is read by a
/// compiled, typed accessor (the property through EF's value converter, so no boxing) and bound by ordinal. A row is
/// first encoded (<see cref="Encode"/>: text to UTF-8 in the row's own buffer, numbers copied), then bound and stepped
/// (<see cref="Insert"/>; SQLite copies the bytes): the two halves can run on two threads, so reading and
/// encoding the next rows overlaps SQLite's work on this one. Runs inside the connection's current transaction.
/// </summary>
internal sealed class SqliteRowBinder<T> : IDisposable where T : class
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Column[] _columns;

    public SqliteRowBinder(SqliteConnection connection, string sql, IReadOnlyList<IProperty> properties)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = properties.Select(Compile).ToArray();
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        if (raw.sqlite3_bind_parameter_count(_statement) != _columns.Length)
            throw new InvalidOperationException("The statement's parameters do not match the columns, one each in order.");
    }

    /// <summary>An empty encoded row for this statement's columns, to be filled by <see cref="Encode"/> and reused.</summary>
    public EncodedRow NewRow() => new(_columns.Length);

    /// <summary>Reads <paramref name="row"/>'s values into <paramref name="into"/>. Touches no SQLite state: any thread.</summary>
    public void Encode(T row, EncodedRow into)
    {
        var used = 0;
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var kind = ColumnKind.Null;
            if (column.Text is { } text)
            {
                if (text(row) is { } value)
                {
                    var max = Encoding.UTF8.GetMaxByteCount(value.Length);
                    if (used + max > into.Bytes.Length) Array.Resize(ref into.Bytes, Math.Max(used + max, into.Bytes.Length * 2));
                    var length = Encoding.UTF8.GetBytes(value, into.Bytes.AsSpan(used));
                    (into.Numbers[c], into.Lengths[c], kind) = (used, length, ColumnKind.Text);
                    used += length;
                }
            }
            else if (column.Integer is { } integer)
            {
                if (integer(row) is { } i) (into.Numbers[c], kind) = (i, ColumnKind.Integer);
            }
            else if (column.Real!(row) is { } d) (into.Numbers[c], kind) = (BitConverter.DoubleToInt64Bits(d), ColumnKind.Real);
            into.Kinds[c] = kind;
        }
    }

    /// <summary>The record digest of an encoded row, from its bound bytes and numbers (no string but the key's and the digest's).</summary>
    public Record.StoredRow Digest(EncodedRow row, Record.RowDigests.Digester digester)
    {
        var hasher = digester.Hasher;
        for (var i = 0; i < digester.SortedToBound.Count; i++)
        {
            var c = digester.SortedToBound[i];
            switch (row.Kinds[c])
            {
                case ColumnKind.Text: hasher.Text(i, row.Bytes.AsSpan((int)row.Numbers[c], row.Lengths[c])); break;
                case ColumnKind.Integer: hasher.Integer(i, row.Numbers[c]); break;
                case ColumnKind.Real: hasher.Real(i, BitConverter.Int64BitsToDouble(row.Numbers[c])); break;
                default: hasher.Null(i); break;
            }
        }
        var key = digester.Key;
        key.Start();
        for (var k = 0; k < digester.KeyToBound.Count; k++)
        {
            var c = digester.KeyToBound[k];
            switch (row.Kinds[c])
            {
                case ColumnKind.Text: key.Text(row.Bytes.AsSpan((int)row.Numbers[c], row.Lengths[c])); break;
                case ColumnKind.Integer: key.Integer(row.Numbers[c]); break;
                case ColumnKind.Real: key.Real(BitConverter.Int64BitsToDouble(row.Numbers[c])); break;
                default: key.Null(); break;
            }
        }
        var n = digester.NegotiationIndex;
        return digester.Finish(row.Kinds[n] == ColumnKind.Text ? row.Bytes.AsSpan((int)row.Numbers[n], row.Lengths[n]) : default);
    }

    /// <summary>Binds an encoded row's values and runs the statement once. On the connection's thread.</summary>
    /// <exception cref="SqliteException">SQLite refused the row (a constraint, a full disk).</exception>
    public void Insert(EncodedRow row)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            var ordinal = c + 1;
            var rc = row.Kinds[c] switch
            {
                ColumnKind.Text => raw.sqlite3_bind_text(_statement, ordinal, row.Bytes.AsSpan((int)row.Numbers[c], row.Lengths[c])),
                ColumnKind.Integer => raw.sqlite3_bind_int64(_statement, ordinal, row.Numbers[c]),
                ColumnKind.Real => raw.sqlite3_bind_double(_statement, ordinal, BitConverter.Int64BitsToDouble(row.Numbers[c])),
                _ => raw.sqlite3_bind_null(_statement, ordinal),
            };
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        var step = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : step, _db);
    }

    public void Dispose() => _statement.Dispose();

    /// <summary>What a column of an <see cref="EncodedRow"/> holds.</summary>
    internal enum ColumnKind : byte { Null, Text, Integer, Real }

    /// <summary>
    /// One row's values, ready to bind: per column its kind and either a number (a double by its bits) or the offset
    /// and length of its UTF-8 text in <see cref="Bytes"/>. Reused from row to row.
    /// </summary>
    internal sealed class EncodedRow(int columns)
    {
        internal byte[] Bytes = new byte[1024];
        internal readonly long[] Numbers = new long[columns];
        internal readonly int[] Lengths = new int[columns];
        internal readonly ColumnKind[] Kinds = new ColumnKind[columns];
    }

    /// <summary>One column's accessor: exactly one of the three is set, by the provider type of its value.</summary>
    private sealed record Column(Func<T, string?>? Text, Func<T, long?>? Integer, Func<T, double?>? Real);

    private static Column Compile(IProperty property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression value = Expression.Property(row, property.PropertyInfo
            ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is not a CLR property."));
        if (property.GetTypeMapping().Converter is { } converter)
        {
            var underlying = Nullable.GetUnderlyingType(value.Type);
            var plain = underlying is null ? value : Expression.Property(value, "Value");
            var converted = Inline(converter.ConvertToProviderExpression, plain);
            value = underlying is null ? converted : Expression.Condition(Expression.Property(value, "HasValue"),
                Expression.Convert(converted, NullableOf(converted.Type)), Expression.Constant(null, NullableOf(converted.Type)));
        }
        var type = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (type == typeof(string)) return new(Lambda<string?>(value, row), null, null);
        if (type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(bool) && value.Type == typeof(bool))
            return new(null, Lambda<long?>(type == typeof(bool) ? Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)) : value, row), null);
        if (type == typeof(double) || type == typeof(float)) return new(null, null, Lambda<double?>(value, row));
        throw new NotSupportedException($"Bulk inserts into SQLite do not bind {value.Type.Name} ({typeof(T).Name}.{property.Name}).");
    }

    private static Type NullableOf(Type t) => t.IsValueType && Nullable.GetUnderlyingType(t) is null ? typeof(Nullable<>).MakeGenericType(t) : t;

    private static Func<T, TValue> Lambda<TValue>(Expression value, ParameterExpression row) =>
        Expression.Lambda<Func<T, TValue>>(value.Type == typeof(TValue) ? value : Expression.Convert(value, typeof(TValue)), row).Compile();

    private static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new Replace(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
