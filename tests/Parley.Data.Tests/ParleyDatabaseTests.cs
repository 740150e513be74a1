using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests;

/// <summary>Opening databases by name: the default path, provider detection, first start, clear errors.</summary>
public sealed class ParleyDatabaseTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-open-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void DefaultSqlitePath_NoOverride_IsParleyDbInLocalApplicationData()
    {
        var path = ParleyDatabase.DefaultSqlitePath(_ => null);

        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.Equal(Path.Combine(appData, "Parley", "parley.db"), path);
    }

    [Theory]
    [InlineData("/srv/parley/talks.db", "/srv/parley/talks.db")]
    [InlineData("  Host=db;Database=parley ", "Host=db;Database=parley")]
    public void DefaultSqlitePath_EnvironmentOverride_IsUsed(string value, string expected)
    {
        Assert.Equal(expected, ParleyDatabase.DefaultSqlitePath(name => name == "PARLEY_DATABASE" ? value : null));
    }

    [Fact]
    public void DefaultSqlitePath_BlankOverride_IsIgnored()
    {
        Assert.Equal(ParleyDatabase.DefaultSqlitePath(_ => null), ParleyDatabase.DefaultSqlitePath(_ => "  "));
    }

    [Theory]
    [InlineData("Host=localhost;Database=parley", true)]
    [InlineData("server = db.example ; database = parley", true)]
    [InlineData("postgres://u:p@db:5433/parley", true)]
    [InlineData("POSTGRESQL://db/parley", true)]
    [InlineData("/var/lib/parley/parley.db", false)]
    [InlineData("Data Source=/var/lib/parley/parley.db", false)]
    [InlineData("host.db", false)]
    public void IsPostgres_DatabaseName_DetectsProvider(string database, bool postgres)
    {
        Assert.Equal(postgres, ParleyDatabase.IsPostgres(database));
    }

    [Fact]
    public void Open_PostgresConnectionString_GivesPostgresContextWithoutConnecting()
    {
        using var db = ParleyDatabase.Open("postgresql://parley:secret@db.invalid:5433/talks");

        Assert.IsType<PostgresParleyDbContext>(db);
        Assert.Equal("PostgreSQL db.invalid:5433/talks", db.Target);
    }

    [Fact]
    public void Open_SqlitePathOrConnectionString_GivesSqliteContext()
    {
        var path = Path.Combine(_folder, "a.db");

        using var byPath = ParleyDatabase.Open(path);
        using var byConnectionString = ParleyDatabase.Open($"Data Source={path}");

        Assert.IsType<SqliteParleyDbContext>(byPath);
        Assert.Equal($"SQLite file {path}", byPath.Target);
        Assert.IsType<SqliteParleyDbContext>(byConnectionString);
    }

    [Fact]
    public void FromUri_EveryPart_MapsToKeywords()
    {
        var b = ParleyDatabase.FromUri("postgres://al%40ice:s%3Acret@db.example:5433/par%20ley?sslmode=require&Timeout=7");

        Assert.Equal(("db.example", 5433, "al@ice", "s:cret", "par ley", SslMode.Require, 7),
            (b.Host, b.Port, b.Username, b.Password, b.Database, b.SslMode, b.Timeout));
    }

    [Theory]
    [InlineData("Host=db;No Such Keyword=1")]
    [InlineData("postgres://db/parley?nosuchkeyword=1")]
    public void Open_MalformedPostgres_ThrowsParleyDatabaseException(string database)
    {
        var e = Assert.Throws<ParleyDatabaseException>(() => ParleyDatabase.Open(database));

        Assert.StartsWith("Not a usable PostgreSQL connection string", e.Message);
    }

    [Fact]
    public async Task Migrate_SqliteFileInMissingFolder_CreatesFolderFileAndSchema()
    {
        var path = Path.Combine(_folder, "first", "start", "parley.db");

        await using (var db = ParleyDatabase.Open(path)) await ParleyDatabase.MigrateAsync(db);

        Assert.True(File.Exists(path));
        await using var again = ParleyDatabase.Open(path);
        var store = new NegotiationStore(again, new FakeTimeProvider());
        Assert.Equal(ImportOutcome.Created, await store.ImportAsync(Samples.Small(), "first-start", replace: false));
        Assert.Equal(Snapshot.Of(Samples.Small()), Snapshot.Of(await store.LoadAsync("small")));
    }

    [Fact]
    public async Task Migrate_SqlitePathIsAFolder_ThrowsParleyDatabaseException()
    {
        Directory.CreateDirectory(_folder);
        await using var db = ParleyDatabase.Open(_folder);

        var e = await Assert.ThrowsAsync<ParleyDatabaseException>(() => ParleyDatabase.MigrateAsync(db));

        Assert.Contains(_folder, e.Message);
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_ThrowsOneLineParleyDatabaseException()
    {
        var port = FreePort();
        await using var db = ParleyDatabase.Open($"Host=127.0.0.1;Port={port};Username=parley;Password=hunter2;Database=talks;Timeout=5");

        var e = await Assert.ThrowsAsync<ParleyDatabaseException>(() => ParleyDatabase.MigrateAsync(db));

        Assert.Contains($"PostgreSQL 127.0.0.1:{port}/talks", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What only PostgreSQL does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServer server)
{
    [Fact]
    public async Task Migrate_DatabaseMissing_CreatesIt()
    {
        var name = "parley_fresh_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var db = ParleyDatabase.Open(server.ConnectionStringFor(name));

            await ParleyDatabase.MigrateAsync(db);

            Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
        }
        finally
        {
            await server.DropDatabaseAsync(name);
        }
    }
}
