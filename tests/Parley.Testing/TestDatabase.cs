using Microsoft.Data.Sqlite;
using Parley.Data;

namespace Parley.Testing;

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
    // Migrated once per test run and copied per test: migrating every test's file costs more than the test.
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-sqlite-" + Guid.NewGuid().ToString("N"));

    /// <summary>A fresh file holding the migrated, empty schema.</summary>
    public static async Task<SqliteTestDatabase> CreateMigratedAsync()
    {
        var template = await Template.Value;
        var database = new SqliteTestDatabase();
        Directory.CreateDirectory(database._folder);
        File.Copy(template, database.Database);
        return database;
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-sqlite-template-" + Guid.NewGuid().ToString("N") + ".db");
        await using (var db = ParleyDatabase.Open(path))
        {
            // Plain EF migration: the template stays in rollback-journal mode, so the file alone holds everything.
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        }
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

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
