using Microsoft.Data.Sqlite;

namespace Parley.Data.Tests.Support;

/// <summary>A fresh, empty database for one test, named by the string <see cref="ParleyDatabase.Open"/> takes.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>A SQLite path or a PostgreSQL connection string.</summary>
    public abstract string Database { get; }

    /// <summary>A new context on this database.</summary>
    public ParleyDbContext Open() => ParleyDatabase.Open(Database);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}

/// <summary>A SQLite file in its own temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-sqlite-" + Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public override string Database => Path.Combine(_folder, "parley.db");

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
