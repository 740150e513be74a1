using Npgsql;
using Parley.Data;

namespace Parley.Testing;

/// <summary>
/// A PostgreSQL server for the persistence tests, shared by each test assembly's PostgreSQL collection: the server
/// named by <c>PARLEY_TEST_POSTGRES</c> (a role allowed to CREATE DATABASE) when set, else a throwaway cluster
/// started from the PostgreSQL binaries and stopped on dispose. Each test gets its own fresh database.
/// When neither works the fixture fails, and with it every PostgreSQL test, saying how to provide one.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PARLEY_TEST_POSTGRES";

    public const string HowToProvide =
        "The PostgreSQL persistence tests need a server. Either set PARLEY_TEST_POSTGRES to the connection string " +
        "of a role that may CREATE DATABASE (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=secret\"), " +
        "or install the PostgreSQL server binaries (Debian: apt-get install postgresql-15; looked in " +
        "PARLEY_TEST_PGBIN, then /usr/lib/postgresql/*/bin) so the tests start a throwaway cluster.";

    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string? _admin;
    private PostgresCluster? _cluster;
    private string? _template;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString => _admin ?? throw new InvalidOperationException(HowToProvide);

    /// <summary>"PARLEY_TEST_POSTGRES" or "throwaway cluster on port N".</summary>
    public string Description { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        try
        {
            if (!string.IsNullOrWhiteSpace(configured))
            {
                _admin = configured;
                Description = EnvironmentVariable;
            }
            else
            {
                _cluster = await PostgresCluster.StartAsync();
                _admin = _cluster.ConnectionString;
                Description = $"throwaway cluster on port {_cluster.Port}";
            }
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
        }
        catch (Exception e)
        {
            var attempt = string.IsNullOrWhiteSpace(configured) ? "Starting a throwaway cluster" : $"Connecting with {EnvironmentVariable}";
            throw new InvalidOperationException($"{HowToProvide} {attempt} failed: {e.Message}", e);
        }
    }

    /// <summary>A new empty database on the server, dropped when the returned object is disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new PostgresTestDatabase(this, name, ConnectionStringFor(name));
    }

    /// <summary>
    /// A new database holding the migrated, empty schema, copied from a template migrated once per run
    /// (CREATE DATABASE … TEMPLATE), dropped when the returned object is disposed.
    /// </summary>
    public async Task<TestDatabase> CreateMigratedDatabaseAsync()
    {
        var template = await TemplateAsync();
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return new PostgresTestDatabase(this, name, ConnectionStringFor(name));
    }

    private async Task<string> TemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            var name = "parley_template_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync($"CREATE DATABASE {name}");
            await using (var db = ParleyDatabase.Open(ConnectionStringFor(name))) await ParleyDatabase.MigrateAsync(db);
            // A template must have no open connection when it is copied.
            await using (var c = new NpgsqlConnection(ConnectionStringFor(name))) NpgsqlConnection.ClearPool(c);
            return _template = name;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    /// <summary>The connection string for database <paramref name="name"/> on this server (which may not exist yet).</summary>
    public string ConnectionStringFor(string name) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;

    /// <summary>Drops a database, closing whatever connections still use it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using (var c = new NpgsqlConnection(ConnectionStringFor(name))) NpgsqlConnection.ClearPool(c);
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.StopAsync();
        else if (_template is not null) await DropDatabaseAsync(_template);
        _templateLock.Dispose();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One test's database on the shared server.</summary>
public sealed class PostgresTestDatabase(PostgresServer server, string name, string connectionString) : TestDatabase
{
    /// <inheritdoc />
    public override string Database => connectionString;

    /// <inheritdoc />
    public override async ValueTask DisposeAsync() => await server.DropDatabaseAsync(name);
}
