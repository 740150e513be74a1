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
