using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Parley.Data;

/// <summary>The storage model on a SQLite file (the embedded default). Migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteParleyDbContext(DbContextOptions<SqliteParleyDbContext> options) : ParleyDbContext(options)
{
    /// <inheritdoc />
    public override string Target =>
        $"SQLite file {new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource}";

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // EF's SQLite provider cannot compare or order DateTimeOffset; UTC ticks (INTEGER) order correctly.
        // The offset the user wrote is kept in its own column, see ItemRows.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    internal override Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct) =>
        // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE: the writer lock is taken
        // here, before the aggregate is read, and other writers wait (busy timeout) instead of failing on upgrade.
        // This process's writers queue first (SqliteWriterGate), so they do not poll SQLite's lock.
        SqliteWriterGate.BeginAsync(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource,
            () => Database.BeginTransactionAsync(ct), ct);

    internal override Task<IAsyncDisposable> AcquireSetupLockAsync(CancellationToken ct) =>
        new SqliteConnectionStringBuilder(Database.GetConnectionString()) is var b && b.Mode != SqliteOpenMode.Memory
            ? SetupLock.SqliteAsync(b.DataSource, ct)
            : SetupLock.SqliteAsync(null, ct);

    internal override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken ct)
    {
        // A deferred transaction reads one snapshot without taking the writer lock.
        await Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        await Database.UseTransactionAsync(transaction, ct);
        return new Snapshot(this, transaction);
    }

    /// <summary>
    /// A new file gets 16 KiB pages instead of SQLite's 4 KiB: an incident report is about 500 bytes, and with four
    /// times fewer pages a large import splits fewer B-tree pages and writes fewer WAL frames (insert and commit of
    /// 200,000 ACLED reports about a quarter faster in docs/benchmarks.md); a single-row change writes one 16 KiB page.
    /// The size can only be chosen before the first table: an existing file keeps its own.
    /// </summary>
    internal const int NewFilePageSize = 16 * 1024;

    internal override async Task BeforeMigrateAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA page_count;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0) return;
            // Writing the journal mode writes the header, which fixes the page size for the file's life.
            command.CommandText = $"PRAGMA page_size = {NewFilePageSize}; PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    internal override async Task AfterMigrateAsync(CancellationToken ct)
    {
        // WAL lets readers go on while one writer writes; the setting is stored in the file.
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Opens the connection and raises its page cache to <see cref="LargeCacheKiB"/> until disposed, for one write of
    /// many rows: with SQLite's default 2 MiB the pages of the primary-key index, which a batch of reports touches all
    /// over, are spilled to the WAL and written again many times inside the one transaction. The setting belongs to
    /// the connection, which the pool keeps, so it is put back afterwards; pages are only taken as they are used.
    /// </summary>
    internal async Task<IAsyncDisposable> LargeCacheAsync(CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)Database.GetDbConnection();
        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "PRAGMA cache_size;";
            var previous = Convert.ToInt64(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            await SetCacheAsync(connection, -LargeCacheKiB, ct);
            return new CacheScope(this, connection, previous);
        }
        catch
        {
            await Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>
    /// Page cache of a large write, in KiB: 1 GiB, taken only as pages are used. A 200,000-report import writes about
    /// 140 MB of pages in its one transaction; with 64 MiB, SQLite spilled dirty pages to the WAL before the commit and
    /// wrote many of them again (37,000 writes of the WAL and the file against 26,000, measured with strace, and the
    /// kernel's copying of them a sixth of a cold import's CPU). Past 1 GiB it spills again, which is only slower.
    /// </summary>
    internal const int LargeCacheKiB = 1024 * 1024;

    private static async Task SetCacheAsync(SqliteConnection connection, long size, CancellationToken ct)
    {
        await using var set = connection.CreateCommand();
        set.CommandText = $"PRAGMA cache_size = {size.ToString(System.Globalization.CultureInfo.InvariantCulture)};";
        await set.ExecuteNonQueryAsync(ct);
    }

    private sealed class CacheScope(SqliteParleyDbContext db, SqliteConnection connection, long previous) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await SetCacheAsync(connection, previous, CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class Snapshot(SqliteParleyDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without a running app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteParleyDbContext>
{
    public SqliteParleyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteParleyDbContext>().UseSqlite("Data Source=parley-design.db").Options);
}
