using Parley.Testing;

namespace Parley.Server.Tests;

/// <summary>A fresh, empty database for one API test: what the app is pointed at, and how to drop it afterwards.</summary>
public interface IApiDatabase
{
    /// <summary>Creates the database; returns the SQLite path or PostgreSQL connection string.</summary>
    Task<string> CreateAsync();

    /// <summary>Drops what <see cref="CreateAsync"/> made.</summary>
    Task DropAsync();
}

/// <summary>A SQLite file in its own temporary folder (the embedded default), migrated by the app on start.</summary>
public sealed class SqliteApiDatabase : IApiDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-api-").FullName;

    public Task<string> CreateAsync() => Task.FromResult(Path.Combine(_folder, "parley.db"));

    public Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A fresh, empty database on the shared PostgreSQL server, migrated by the app on start.</summary>
public sealed class PostgresApiDatabase(PostgresServer server) : IApiDatabase
{
    private TestDatabase? _database;

    public async Task<string> CreateAsync()
    {
        _database = await server.CreateDatabaseAsync();
        return _database.Database;
    }

    public async Task DropAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_database is not null) await _database.DisposeAsync();
    }
}
