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

    internal override async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct) =>
        // Microsoft.Data.Sqlite begins non-deferred transactions with BEGIN IMMEDIATE: the writer lock is taken
        // here, before the aggregate is read, and other writers wait (busy timeout) instead of failing on upgrade.
        await Database.BeginTransactionAsync(ct);

    internal override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken ct)
    {
        // A deferred transaction reads one snapshot without taking the writer lock.
        await Database.OpenConnectionAsync(ct);
        var transaction = ((SqliteConnection)Database.GetDbConnection()).BeginTransaction(deferred: true);
        await Database.UseTransactionAsync(transaction, ct);
        return new Snapshot(this, transaction);
    }

    internal override async Task AfterMigrateAsync(CancellationToken ct)
    {
        // WAL lets readers go on while one writer writes; the setting is stored in the file.
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
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
