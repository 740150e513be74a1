using Parley.Testing;

namespace Parley.Server.Tests;

/// <summary>The API tests on a SQLite file of their own (the embedded default).</summary>
public sealed class SqliteApiTests : ApiTests
{
    private readonly SqliteApiDatabase _db = new();

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}

/// <summary>The same tests on a real PostgreSQL server: a fresh, empty database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTests(PostgresServer server) : ApiTests
{
    private readonly PostgresApiDatabase _db = new(server);

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}
