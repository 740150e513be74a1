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
    /// The SQLite insert in up to three stages on their own threads: a worker encodes batches of
    /// <see cref="BatchRows"/> rows (at most <see cref="BatchesAhead"/> waiting), this method binds and steps them on the
    /// connection, and (with <paramref name="digester"/>) another worker digests each stepped batch before it is reused,
    /// so that the encoding, SQLite and the digests — each about a third of the work — keep both cores busy. A failure on
    /// any side stops all and is thrown here; nothing is left running.
    /// </summary>
    private static async Task InsertPipelinedAsync(SqliteRowBinder<T> binder, IEnumerator<T> row, IProgress<int>? progress,
        Record.RowDigests.Digester? digester, List<Record.StoredRow>? digests, CancellationToken ct)
    {
        var options = new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true };
        var full = Channel.CreateBounded<Batch>(options);
        var stepped = Channel.CreateBounded<Batch>(options);
        var free = Channel.CreateUnbounded<SqliteRowBinder<T>.EncodedRow[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        for (var b = 0; b < 2 * BatchesAhead + 2; b++)
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
                        binder.Encode(row.Current, batch[count++]);
                        more = row.MoveNext();
                    }
                    while (more && count < BatchRows);
                    await full.Writer.WriteAsync(new Batch(batch, count), stop.Token);
                }
            }
            finally
            {
                full.Writer.TryComplete();
            }
        }, stop.Token);
        // Digested on a worker after SQLite took the values, from exactly the values it was given (and will return).
        var digesting = digester is null ? Task.CompletedTask : Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in stepped.Reader.ReadAllAsync(stop.Token))
                {
                    for (var k = 0; k < batch.Count; k++) digests!.Add(binder.Digest(batch.Rows[k], digester));
                    free.Writer.TryWrite(batch.Rows);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await stop.CancelAsync(); // the other sides wait on this one's batches: they stop too
                throw;
            }
        }, stop.Token);
        var done = 0;
        try
        {
            await foreach (var batch in full.Reader.ReadAllAsync(stop.Token))
            {
                for (var k = 0; k < batch.Count; k++)
                {
                    binder.Insert(batch.Rows[k]);
                    if (++done % 1000 == 0) progress?.Report(done);
                }
                if (digester is null) free.Writer.TryWrite(batch.Rows);
                else await stepped.Writer.WriteAsync(batch, stop.Token);
            }
            stepped.Writer.TryComplete();
            await producer; // rethrows what made the producer stop early
            await digesting;
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            stepped.Writer.TryComplete();
            Exception? cause = null;
            foreach (var side in new[] { producer, digesting })
                try
                {
                    await side;
                }
                catch (Exception other) when (stop.IsCancellationRequested)
                {
                    // A side that failed first is the cause of this side's cancellation; one that was stopped is not.
                    if (other is not OperationCanceledException) cause ??= other;
                }
            if (e is OperationCanceledException && !ct.IsCancellationRequested && cause is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
        }
        progress?.Report(done);
    }

    /// <summary>Encoded rows, the first <see cref="Count"/> of them filled.</summary>
    private readonly record struct Batch(SqliteRowBinder<T>.EncodedRow[] Rows, int Count);

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
