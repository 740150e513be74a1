using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Parley.Data.Guarantees;
using Parley.Data.Mapping;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

/// <summary>What the fast incident import on the embedded SQLite must keep: stored lists as before, connections as found.</summary>
public sealed class GuaranteesSqliteTests
{
    public static TheoryData<string[]> Lists => new()
    {
        new[] { "Military Forces of Russia (2000-)" },
        new[] { "Збройні сили України", "Civilians (Ukraine)" },
        new[] { "quote \" backslash \\ slash /", "<b>&amp;'+</b>", "tab\tnew line\ncontrol\u0001", "" },
        new[] { "emoji 🙂 and é", "a; b", "  spaced  " },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Json_List_WritesWhatTheSerializerWrites(string[] values)
    {
        Assert.Equal(StoredJson.Write(values), IncidentMapping.Json(values));
        Assert.Equal(values, StoredJson.Read<string[]>(IncidentMapping.Json(values)));
    }

    [Fact]
    public void Json_LongAndManyValues_WritesWhatTheSerializerWrites()
    {
        var values = Enumerable.Range(0, 300).Select(k => new string((char)('а' + k % 32), k * 7)).ToArray();

        Assert.Equal(StoredJson.Write(values), IncidentMapping.Json(values));
        Assert.Equal(StoredJson.Write(values[..1]), IncidentMapping.Json(values[..1])); // the reused buffer starts over
    }

    [Fact]
    public void ListJson_RepeatedAndNearlyEqualLists_WritesWhatTheSerializerWritesForEach()
    {
        var lists = new IncidentMapping.ListJson();
        string[][] rows =
        [
            ["Protesters (Ukraine)"], ["Protesters (Ukraine)"], ["protesters (ukraine)"], ["Protesters (Ukraine)", "Police"],
            ["Police", "Protesters (Ukraine)"], [], ["a", "b"], ["a", "b", ""], ["ab"], ["a;b"], ["Protesters (Ukraine)"],
        ];
        foreach (var values in rows) // fresh arrays each time: equal content, other instances
            Assert.Equal(StoredJson.Write(values), lists.Of([.. values]));
    }

    [Fact]
    public async Task Migrate_NewFile_Gets16KiBPages_AnExistingFileKeepsItsOwn()
    {
        var folder = Directory.CreateTempSubdirectory("parley-pages-").FullName;
        try
        {
            var fresh = Path.Combine(folder, "new.db");
            await using (var db = ParleyDatabase.Open(fresh)) await ParleyDatabase.MigrateAsync(db);
            var old = Path.Combine(folder, "old.db");
            await using (var connection = new SqliteConnection($"Data Source={old};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE kept (x INTEGER);";
                await command.ExecuteNonQueryAsync();
            }
            await using (var db = ParleyDatabase.Open(old)) await ParleyDatabase.MigrateAsync(db);

            Assert.Equal((16384L, "wal"), await PageSizeAndJournalAsync(fresh));
            Assert.Equal((4096L, "wal"), await PageSizeAndJournalAsync(old));
            await using var migrated = ParleyDatabase.Open(old);
            Assert.Equal(0, await migrated.Incidents.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long PageSize, string Journal)> PageSizeAndJournalAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size;";
        var size = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA journal_mode;";
        return (size, (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Import_LeavesThePooledConnectionsCacheAsItFoundIt()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using (var setup = database.Open())
            await new NegotiationStore(setup, TimeProvider.System).ImportAsync(Samples.Small(), "importer", false);
        await using var db = database.Open();
        var before = await CacheSizeAsync(db);
        var incident = new Incident("a", IncidentTime.At(new DateTimeOffset(2026, 2, 10, 4, 0, 0, TimeSpan.Zero)),
            new Location(50, 36, "Ukraine", "Kharkiv"), "Battles");

        var stored = await new GuaranteesStore(db, TimeProvider.System).ImportIncidentsAsync("small", [incident], "importer", "t", "h");

        Assert.Equal(1, stored!.Imported);
        Assert.Equal(before, await CacheSizeAsync(db));
        Assert.NotEqual(-SqliteParleyDbContext.LargeCacheKiB, before);
    }

    private static async Task<long> CacheSizeAsync(ParleyDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
