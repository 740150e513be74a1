using Microsoft.Data.Sqlite;
using Npgsql;
using Parley.Testing;

namespace Parley.Data.Tests.Support;

/// <summary>
/// Copies of a test's database as it is now, so that a test can damage a copy and throw it away: SQLite through the
/// online backup API into a new file, PostgreSQL with <c>CREATE DATABASE … TEMPLATE</c>.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>A new SQLite file holding what <paramref name="source"/> holds (readers and writers may stay connected).</summary>
    public static TestDatabase Sqlite(TestDatabase source)
    {
        var copy = new SqliteFileDatabase();
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source.Database, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy.Database, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        return copy;
    }

    /// <summary>
    /// A new database on <paramref name="server"/> copied from <paramref name="source"/>. PostgreSQL copies only a database
    /// nobody is connected to, so the pools are emptied first (the PostgreSQL tests run one after another).
    /// </summary>
    public static async Task<TestDatabase> PostgresAsync(PostgresServer server, TestDatabase source)
    {
        var from = new NpgsqlConnectionStringBuilder(source.Database).Database!;
        var name = "parley_copy_" + Guid.NewGuid().ToString("N")[..16];
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {from}", admin);
            await command.ExecuteNonQueryAsync();
        }
        return new PostgresTestDatabase(server, name, server.ConnectionStringFor(name));
    }

    /// <summary>A SQLite file in its own temporary folder, deleted on dispose.</summary>
    private sealed class SqliteFileDatabase : TestDatabase
    {
        private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "parley-copy-" + Guid.NewGuid().ToString("N"))).FullName;

        public override string Database => Path.Combine(_folder, "parley.db");

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
