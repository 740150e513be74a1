using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Parley.Data;

/// <summary>
/// The database-wide lock held while a process sets a database up (migrations, then the demo seed), so that nodes
/// started at the same moment on one empty database take turns: the first migrates and seeds, the others wait and then
/// find nothing to do. Without it two nodes both create the same tables (42P07 "relation already exists") or both load
/// the demo. Writers are not affected: the lock is separate from the writer lock and held only during start-up.
/// </summary>
internal static class SetupLock
{
    // Any constant; only the same for every Parley process ("ParleySetup" folded to 63 bits). Distinct from the writer lock.
    private const long PostgresKey = 0x5061726C_65795375;

    /// <summary>How long a start waits for another process's set-up before giving up.</summary>
    internal static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>
    /// PostgreSQL: a session-level advisory lock (<c>pg_advisory_lock</c>) on a connection of its own, outside the pool, so
    /// closing it releases the lock even if the process dies. The database is created first when missing (a concurrent
    /// creation by another node is taken as done), since the lock lives in the database.
    /// </summary>
    public static async Task<IAsyncDisposable> PostgresAsync(DbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it between the two calls.
            }
        }
        var unpooled = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, CommandTimeout = 0 };
        var connection = new NpgsqlConnection(unpooled.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SET lock_timeout = '{(int)Patience.TotalMilliseconds}ms'; SELECT pg_advisory_lock({PostgresKey})", connection);
            await command.ExecuteNonQueryAsync(ct);
            return new Held(async () =>
            {
                try
                {
                    await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresKey})", connection);
                    await unlock.ExecuteNonQueryAsync(CancellationToken.None);
                }
                finally
                {
                    await connection.DisposeAsync(); // unpooled: the session ends, and with it any lock still held
                }
            });
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite: an exclusive lock (flock) on <c>FILE-setup.lock</c> beside the database, polled every 50 ms. The file stays
    /// (deleting it would let a waiter lock a file a third process no longer sees); the operating system drops the lock
    /// when the process ends. An in-memory database needs none.
    /// </summary>
    public static async Task<IAsyncDisposable> SqliteAsync(string? file, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(file) || file == ":memory:") return new Held(() => Task.CompletedTask);
        var path = Path.GetFullPath(file) + "-setup.lock";
        var started = System.Diagnostics.Stopwatch.GetTimestamp(); // elapsed time, not a clock reading
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Held(() => stream.DisposeAsync().AsTask());
            }
            catch (IOException) when (System.Diagnostics.Stopwatch.GetElapsedTime(started) < Patience)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    private sealed class Held(Func<Task> release) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) await release();
        }
    }
}
