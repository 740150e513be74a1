using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Parley.Data.Tests;

/// <summary>
/// <c>PRAGMA synchronous</c> is FULL on every SQLite connection Parley opens (docs/storage.md, "Durability"): an
/// acknowledged write is synced to the WAL before the commit returns. The setting is per connection, so it is read
/// back on a connection the pool hands out after someone else lowered it.
/// </summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private const long Full = 2; // what PRAGMA synchronous reads back for FULL (NORMAL is 1, OFF 0)

    private readonly string _folder = Directory.CreateTempSubdirectory("parley-sync-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_MigratedFile_SynchronousIsFull()
    {
        await using var db = ParleyDatabase.Open(Path.Combine(_folder, "parley.db"));
        await ParleyDatabase.MigrateAsync(db);

        Assert.Equal(Full, await SynchronousAsync(db));
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
    }

    [Fact]
    public async Task Open_PooledConnectionLoweredToOff_IsFullAgain()
    {
        var path = Path.Combine(_folder, "parley.db");
        await using (var first = ParleyDatabase.Open(path)) await ParleyDatabase.MigrateAsync(first);
        await using (var db = ParleyDatabase.Open(path))
        {
            // Another user of the same connection string lowers the setting and hands the connection back to the pool.
            await using var raw = new SqliteConnection(db.Database.GetConnectionString());
            await raw.OpenAsync();
            await using (var lower = raw.CreateCommand())
            {
                lower.CommandText = "PRAGMA synchronous = OFF;";
                await lower.ExecuteNonQueryAsync();
            }
        }

        await using var reopened = ParleyDatabase.Open(path);

        Assert.Equal(Full, await SynchronousAsync(reopened));
    }

    private static async Task<long> SynchronousAsync(ParleyDbContext db) =>
        Convert.ToInt64(await PragmaAsync(db, "synchronous"), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string?> PragmaAsync(ParleyDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
