using System.Linq.Expressions;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using SQLitePCL;

namespace Parley.Data.Guarantees;

/// <summary>
/// One single-row INSERT prepared once on a SQLite connection and stepped per row: each column's value is read by a
/// compiled, typed accessor (the property through EF's value converter, so no boxing) and bound by ordinal; text is
/// encoded into one reused buffer (SQLite copies it). Runs inside the connection's current transaction.
/// </summary>
internal sealed class SqliteRowBinder<T> : IDisposable where T : class
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Column[] _columns;
    private byte[] _buffer = new byte[1024];

    public SqliteRowBinder(SqliteConnection connection, string sql, IReadOnlyList<IProperty> properties)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _columns = properties.Select(Compile).ToArray();
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        if (raw.sqlite3_bind_parameter_count(_statement) != _columns.Length)
            throw new InvalidOperationException("The statement's parameters do not match the columns, one each in order.");
    }

    /// <summary>Binds the row's values and runs the statement once.</summary>
    /// <exception cref="SqliteException">SQLite refused the row (a constraint, a full disk).</exception>
    public void Insert(T row)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            var ordinal = c + 1;
            var rc = column switch
            {
                { Text: { } text } => BindText(ordinal, text(row)),
                { Integer: { } integer } => integer(row) is { } i ? raw.sqlite3_bind_int64(_statement, ordinal, i) : raw.sqlite3_bind_null(_statement, ordinal),
                { Real: { } real } => real(row) is { } d ? raw.sqlite3_bind_double(_statement, ordinal, d) : raw.sqlite3_bind_null(_statement, ordinal),
                _ => throw new InvalidOperationException("A column without an accessor."),
            };
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }
        var step = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : step, _db);
    }

    public void Dispose() => _statement.Dispose();

    private int BindText(int ordinal, string? value)
    {
        if (value is null) return raw.sqlite3_bind_null(_statement, ordinal);
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        return raw.sqlite3_bind_text(_statement, ordinal, _buffer.AsSpan(0, length));
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
