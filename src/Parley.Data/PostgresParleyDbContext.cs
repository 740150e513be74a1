using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Parley.Data;

/// <summary>The storage model on PostgreSQL (instants as timestamptz). Migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresParleyDbContext(DbContextOptions<PostgresParleyDbContext> options) : ParleyDbContext(options)
{
    // Any constant works; it only has to be the same for every Parley process on the database ("Parley" in ASCII).
    private const long WriterLockKey = 0x506172_6C6579;

    /// <inheritdoc />
    public override string Target
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(Database.GetConnectionString());
            return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
        }
    }

    internal override async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        try
        {
            // Released at commit or rollback. Statements after it see every write committed before it (read committed).
            await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriterLockKey})", ct);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    internal override Task<IAsyncDisposable> AcquireSetupLockAsync(CancellationToken ct) => SetupLock.PostgresAsync(this, ct);

    internal override async Task<IAsyncDisposable> BeginSnapshotAsync(CancellationToken ct) =>
        await Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresParleyDbContext>
{
    public PostgresParleyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresParleyDbContext>().UseNpgsql("Host=localhost;Database=parley").Options);
}
