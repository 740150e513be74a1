using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Data.Guarantees;

/// <summary>
/// Inserts many rows of one entity type inside the current transaction through the connection under EF, values
/// converted exactly as EF would (its value converters and column names come from the model, so both providers store
/// what EF reads back). Bypasses the change tracker, which costs more than the database at this volume.
/// SQLite: one single-row statement prepared once and stepped per row, each value bound by ordinal with typed
/// accessors (<see cref="SqliteRowBinder{T}"/>) — Microsoft.Data.Sqlite would look every parameter up by name and box
/// every value on each execution. PostgreSQL: 40-row INSERTs, one round trip each.
/// </summary>
internal sealed class BulkInsert<T> where T : class
{
    private const int RowsPerStatement = 40;
    private readonly IProperty[] _properties;
    private readonly string[] _columnNames;
    private readonly string _table;

    public BulkInsert(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        _table = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(_table, entity.GetSchema());
        _properties = entity.GetProperties().ToArray();
        _columnNames = _properties.Select(p => p.GetColumnName(table)!).ToArray();
    }

    /// <summary>Inserts <paramref name="rows"/>; reports the count written after each thousand rows and at the end.</summary>
    public async Task InsertAsync(DbContext db, IReadOnlyList<T> rows, IProgress<int>? progress, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the store's write transaction.");
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var binder = new SqliteRowBinder<T>(sqlite, Sql(1), _properties);
            for (var r = 0; r < rows.Count; r++)
            {
                if ((r & 1023) == 0) ct.ThrowIfCancellationRequested();
                binder.Insert(rows[r]);
                if (progress is not null && (r + 1) % 1000 == 0) progress.Report(r + 1);
            }
            progress?.Report(rows.Count);
            return;
        }
        var values = _properties.Select(Value).ToArray();
        // Npgsql infers parameter types at prepare time, before any value is bound; it parses each execution instead.
        await using var full = Command(connection, transaction, RowsPerStatement);
        var done = 0;
        while (done < rows.Count)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(RowsPerStatement, rows.Count - done);
            await using var rest = count < RowsPerStatement ? Command(connection, transaction, count) : null;
            var command = rest ?? full;
            var k = 0;
            for (var r = done; r < done + count; r++)
                foreach (var value in values) command.Parameters[k++].Value = value(rows[r]) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
            done += count;
            if (progress is not null && done % 1000 < count) progress.Report(done);
        }
        progress?.Report(rows.Count);
    }

    private static Func<T, object?> Value(IProperty p)
    {
        var getter = p.GetGetter();
        var convert = p.GetTypeMapping().Converter?.ConvertToProvider;
        return convert is null ? row => getter.GetClrValue(row) : row => getter.GetClrValue(row) is { } v ? convert(v) : null;
    }

    private string Sql(int rowCount)
    {
        var sql = new System.Text.StringBuilder($"INSERT INTO {Quote(_table)} (")
            .AppendJoin(", ", _columnNames.Select(Quote)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 0; c < _columnNames.Length; c++) sql.Append(c > 0 ? ", " : "").Append($"@p{r}_{c}");
            sql.Append(')');
        }
        return sql.ToString();
    }

    private DbCommand Command(DbConnection connection, DbTransaction transaction, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql(count);
        for (var r = 0; r < count; r++)
            for (var c = 0; c < _columnNames.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                command.Parameters.Add(parameter);
            }
        return command;
    }

    private static string Quote(string name) => $"\"{name}\"";
}
