using Parley.Testing;

namespace Parley.Server.Tests;

/// <summary>The API tests on a SQLite file of their own (the embedded default), migrated by the app on start.</summary>
public sealed class SqliteApiTests : ApiTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-api-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(_folder, "parley.db"));

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The API tests on a real PostgreSQL server: a fresh, empty database per test, migrated by the app on start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTests(PostgresServer server) : ApiTests
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
