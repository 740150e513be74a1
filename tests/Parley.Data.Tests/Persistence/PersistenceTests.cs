using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Parley.Core.Talks;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

/// <summary>
/// The persistence suite, run once per provider by the concrete subclasses. Each test gets a fresh migrated
/// database; each step uses its own context, as the server's requests would.
/// </summary>
public abstract partial class PersistenceTests : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>Record time for the history log; starts at a whole second so stored values compare exactly.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>A new empty (not migrated) database on this provider.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>A new database with the migrated, empty schema.</summary>
    protected abstract Task<TestDatabase> CreateMigratedDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateMigratedDatabaseAsync();
        // What every start does; here it finds nothing to migrate (and puts SQLite in WAL mode).
        await using var db = _database.Open();
        await ParleyDatabase.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    protected ParleyDbContext Open() => Database.Open();

    /// <summary>Runs <paramref name="action"/> on a store over a fresh context.</summary>
    protected async Task<T> WithStore<T>(Func<NegotiationStore, Task<T>> action)
    {
        await using var db = Open();
        return await action(new NegotiationStore(db, Clock));
    }

    protected Task<Negotiation?> LoadAsync(string id) => WithStore(s => s.LoadAsync(id));

    protected Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id) => WithStore(s => s.HistoryAsync(id));

    /// <summary>Checks the whole record (trees, stored rows, checkpoints signed with <see cref="RecordKeys.Test"/>).</summary>
    protected async Task<Record.RecordVerification> VerifyAsync(string? negotiation = null, string? savedCheckpoint = null)
    {
        await using var db = Open();
        return await new Record.RecordVerifier(db).VerifyAsync(RecordKeys.Test, negotiation, savedCheckpoint);
    }

    protected Task<ImportOutcome> ImportAsync(Negotiation n, string actor = "importer", bool replace = false) =>
        WithStore(s => s.ImportAsync(n, actor, replace));

    protected async Task<int> HistoryCountAsync()
    {
        await using var db = Open();
        return await db.History.CountAsync();
    }

    /// <summary>Runs raw SQL (tampering with the log the way someone with database access could).</summary>
    protected async Task ExecuteSqlAsync(string sql)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}

/// <summary>The suite on a SQLite file per test.</summary>
public sealed class SqlitePersistenceTests : PersistenceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override async Task<TestDatabase> CreateMigratedDatabaseAsync() => await SqliteTestDatabase.CreateMigratedAsync();
}

/// <summary>The suite on a fresh PostgreSQL database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceTests(PostgresServer server) : PersistenceTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => server.CreateDatabaseAsync();

    protected override Task<TestDatabase> CreateMigratedDatabaseAsync() => server.CreateMigratedDatabaseAsync();
}
