using Microsoft.EntityFrameworkCore;
using Parley.Cli.Tests.Crash;
using Parley.Data;
using Parley.Server.Access;
using Parley.Testing;

namespace Parley.Cli.Tests.Operations;

/// <summary>
/// Two <c>parley serve</c> processes started at the same moment on one empty database (what a compose file with two app
/// nodes does): both come up and answer <c>/readyz</c>, and the demo is loaded once. Without the set-up lock the second
/// dies migrating (PostgreSQL: 42P07 "relation … already exists") or seeding.
/// </summary>
public abstract class ConcurrentStartTests : IAsyncLifetime
{
    protected readonly string Folder = Directory.CreateTempSubdirectory("parley-start-").FullName;

    protected abstract Task<string> CreateDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TwoServers_StartedTogetherOnAnEmptyDatabase_BothServe_WithOneDemo()
    {
        var database = await CreateDatabaseAsync();
        var key = Path.Combine(Folder, "record-key.pem");
        var starts = new[]
        {
            ServerProcess.StartAsync(database, key, TimeSpan.FromMinutes(3)),
            ServerProcess.StartAsync(database, key, TimeSpan.FromMinutes(3)),
        };
        try
        {
            await Task.WhenAll(starts); // each start waits until its /readyz answers 200; a node that dies fails it
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) await (await start).DisposeAsync();
        }

        await using var db = ParleyDatabase.Open(database);
        Assert.Equal(1, await db.Negotiations.CountAsync());
        Assert.Equal(1, await db.History.CountAsync(h => h.NegotiationId == DemoAccounts.Negotiation && h.Action == "negotiation.imported"));
        var names = DemoAccounts.All.Select(a => a.Name).ToArray();
        Assert.Equal(names.Length, await db.Users.CountAsync(u => names.Contains(u.UserName!)));
    }
}

/// <summary>Two servers on one SQLite file (two processes sharing a volume).</summary>
public sealed class SqliteConcurrentStartTests : ConcurrentStartTests
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(Folder, "parley.db"));
}

/// <summary>Two servers on one fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentStartTests(PostgresServer server) : ConcurrentStartTests
{
    private TestDatabase? _database;

    protected override async Task<string> CreateDatabaseAsync() => (_database = await server.CreateDatabaseAsync()).Database;

    public override async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_database is not null) await _database.DisposeAsync();
        await base.DisposeAsync();
    }
}
