using System.Data.Common;
using System.Threading.Channels;
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
/// every value on each execution —; a worker thread reads and encodes the rows in batches while the caller's binds and
/// steps them, so the producer's work (building rows, UTF-8) overlaps SQLite's. PostgreSQL: 40-row INSERTs, one round
/// trip each.
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

    /// <summary>
    /// Inserts <paramref name="rows"/>; reports the count written after each thousand rows and at the end. Each row's
    /// values are read once, before the next row is asked for: a producer may refill one instance. On SQLite the rows
    /// are enumerated on a worker thread, so the enumeration must not touch the context.
    /// </summary>
    /// <returns>
    /// True when <paramref name="digests"/> was filled with every inserted row's record digest, computed from the values
    /// bound (SQLite, where they are exactly what the database returns); false when the caller must read the rows back.
    /// </returns>
    public async Task<bool> InsertAsync(DbContext db, IEnumerable<T> rows, IProgress<int>? progress, CancellationToken ct,
        List<Record.StoredRow>? digests = null)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the store's write transaction.");
        var done = 0;
        using var row = rows.GetEnumerator();
        if (!row.MoveNext()) return true;
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            using var binder = new SqliteRowBinder<T>(sqlite, Sql(1), _properties);
            using var digester = digests is null ? null : new Record.RowDigests.Digester(Record.StateTables.Of((ParleyDbContext)db, typeof(T))!, _columnNames);
            await InsertPipelinedAsync(binder, row, progress, digester, digests, ct);
            return true;
        }
        var values = _properties.Select(Value).ToArray();
        // Npgsql infers parameter types at prepare time, before any value is bound; it parses each execution instead.
        await using var full = Command(connection, transaction, RowsPerStatement);
        var more = true;
        var batch = new object?[RowsPerStatement * values.Length];
        while (more)
        {
            ct.ThrowIfCancellationRequested();
            var count = 0;
            var k = 0;
            do
            {
                foreach (var value in values) batch[k++] = value(row.Current) ?? DBNull.Value;
                count++;
                more = row.MoveNext();
            }
            while (more && count < RowsPerStatement);
            await using var rest = count < RowsPerStatement ? Command(connection, transaction, count) : null;
            var command = rest ?? full;
            for (var p = 0; p < k; p++) command.Parameters[p].Value = batch[p];
            await command.ExecuteNonQueryAsync(ct);
            done += count;
            if (progress is not null && done % 1000 < count) progress.Report(done);
        }
        progress?.Report(done);
        return false;
    }

    private const int BatchRows = 256;
    private const int BatchesAhead = 4;

    /// <summary>
    /// The SQLite insert in two stages: a worker encodes batches of <see cref="BatchRows"/> rows (at most
    /// <see cref="BatchesAhead"/> waiting) while this method binds and steps them on the connection, returning each
    /// batch for reuse. A failure on either side stops both and is thrown here; nothing is left running.
    /// </summary>
    private static async Task InsertPipelinedAsync(SqliteRowBinder<T> binder, IEnumerator<T> row, IProgress<int>? progress,
        Record.RowDigests.Digester? digester, List<Record.StoredRow>? digests, CancellationToken ct)
    {
        var full = Channel.CreateBounded<(SqliteRowBinder<T>.EncodedRow[] Rows, int Count)>(
            new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<SqliteRowBinder<T>.EncodedRow[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        for (var b = 0; b < BatchesAhead + 2; b++)
            free.Writer.TryWrite(Enumerable.Range(0, BatchRows).Select(_ => binder.NewRow()).ToArray());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                var more = true;
                while (more)
                {
                    var batch = await free.Reader.ReadAsync(stop.Token);
                    var count = 0;
                    do
                    {
                        binder.Encode(row.Current, batch[count]);
                        // Digested here, on the worker, from exactly the values SQLite is given (and will return).
                        if (digester is not null) digests!.Add(binder.Digest(batch[count], digester));
                        count++;
                        more = row.MoveNext();
                    }
                    while (more && count < BatchRows);
                    await full.Writer.WriteAsync((batch, count), stop.Token);
                }
            }
            finally
            {
                full.Writer.TryComplete();
            }
        }, stop.Token);
        var done = 0;
        try
        {
            await foreach (var (batch, count) in full.Reader.ReadAllAsync(stop.Token))
            {
                for (var k = 0; k < count; k++)
                {
                    binder.Insert(batch[k]);
                    if (++done % 1000 == 0) progress?.Report(done);
                }
                free.Writer.TryWrite(batch);
            }
        }
        catch
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The producer stopped because this side failed or was cancelled: the exception to throw is this side's.
            }
            throw;
        }
        await producer; // rethrows what made the producer stop early
        progress?.Report(done);
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
