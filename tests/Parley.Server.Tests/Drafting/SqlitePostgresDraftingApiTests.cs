using Parley.Testing;

namespace Parley.Server.Tests.Drafting;

/// <summary>The drafting API tests on a SQLite file of their own (the embedded default).</summary>
public sealed class SqliteDraftingApiTests : DraftingApiTests
{
    private readonly SqliteApiDatabase _db = new();

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}

/// <summary>The same tests on a real PostgreSQL server: a fresh, empty database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDraftingApiTests(PostgresServer server) : DraftingApiTests
{
    private readonly PostgresApiDatabase _db = new(server);

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}
