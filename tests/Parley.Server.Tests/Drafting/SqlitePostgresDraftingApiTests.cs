using Parley.Testing;

namespace Parley.Server.Tests.Drafting;

/// <summary>The drafting API tests on a SQLite file of their own.</summary>
public sealed class SqliteDraftingApiTests : DraftingApiTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-drafting-api-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(_folder, "parley.db"));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The drafting API tests on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDraftingApiTests(PostgresServer server) : DraftingApiTests
{
    private TestDatabase? _database;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await server.CreateDatabaseAsync();
        return _database.Database;
    }

    protected override async Task DropDatabaseAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_database is not null) await _database.DisposeAsync();
    }
}
