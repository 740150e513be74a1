using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Parley.Data;

/// <summary>
/// Where the data lives and how to open it. A database is named by one string: a SQLite file path (the
/// embedded default), a SQLite connection string (<c>Data Source=…</c>), or a PostgreSQL connection string
/// (<c>Host=…;Database=…</c>, <c>Server=…</c>, or a <c>postgres://user:pass@host:port/db</c> URI).
/// </summary>
public static class ParleyDatabase
{
    /// <summary>Environment variable that overrides <see cref="DefaultSqlitePath()"/> (a path or any connection string <see cref="Open"/> accepts).</summary>
    public const string EnvironmentVariable = "PARLEY_DATABASE";

    /// <summary>
    /// The default database: <c>PARLEY_DATABASE</c> when set, else <c>parley.db</c> in the <c>Parley</c> folder of the
    /// user's local application data (<c>~/.local/share/Parley/parley.db</c> on Linux).
    /// </summary>
    public static string DefaultSqlitePath() => DefaultSqlitePath(Environment.GetEnvironmentVariable);

    internal static string DefaultSqlitePath(Func<string, string?> environment)
    {
        var overridden = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return overridden.Trim();
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "Parley", "parley.db");
    }

    /// <summary>True when <paramref name="database"/> names a PostgreSQL database rather than a SQLite file.</summary>
    public static bool IsPostgres(string database)
    {
        var text = database.Trim();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || HasKey(text, "host") || HasKey(text, "server");
    }

    /// <summary>
    /// A context for <paramref name="database"/> (null: <see cref="DefaultSqlitePath()"/>). Nothing is connected yet;
    /// for a SQLite file the folder is created if missing. Call <see cref="MigrateAsync"/> before first use.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">A malformed connection string, or a folder that cannot be created.</exception>
    public static ParleyDbContext Open(string? database) => Factory(database)();

    /// <summary>
    /// Makes contexts for <paramref name="database"/> (see <see cref="Open"/>), its options read and checked once: a
    /// server opens one per request, and a context made from options it has seen before skips EF's service set-up.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">A malformed connection string, or a folder that cannot be created.</exception>
    private static Func<ParleyDbContext> Factory(string? database)
    {
        var target = string.IsNullOrWhiteSpace(database) ? DefaultSqlitePath() : database.Trim();
        if (IsPostgres(target))
        {
            var postgres = PostgresOptions(target);
            return () => new PostgresParleyDbContext(postgres);
        }
        var sqlite = SqliteOptions(target);
        return () => new SqliteParleyDbContext(sqlite);
    }

    /// <summary>
    /// As <see cref="Factory"/>, but the contexts come from EF's pool (<see cref="PooledDbContextFactory{TContext}"/>):
    /// disposing one resets it and hands it back, so a server that opens one per request does not set up a new one
    /// each time (that set-up was a tenth of a cheap read's cost). A context must not be used after it is disposed.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">A malformed connection string, or a folder that cannot be created.</exception>
    public static Func<ParleyDbContext> PooledFactory(string? database, int poolSize = 256)
    {
        var target = string.IsNullOrWhiteSpace(database) ? DefaultSqlitePath() : database.Trim();
        if (IsPostgres(target))
        {
            var postgres = new PooledDbContextFactory<PostgresParleyDbContext>(PostgresOptions(target), poolSize);
            return postgres.CreateDbContext;
        }
        var sqlite = new PooledDbContextFactory<SqliteParleyDbContext>(SqliteOptions(target), poolSize);
        return sqlite.CreateDbContext;
    }

    /// <summary>
    /// Creates the database if needed (a SQLite file, or a PostgreSQL database when the role may) and applies
    /// every pending migration. Safe to call on every start.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">The server is unreachable, the login is refused, or the file cannot be written.</exception>
    public static async Task MigrateAsync(ParleyDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            // Nodes starting together take turns (see SetupLock); a caller already holding the lock goes straight on.
            await using var turn = db.HoldsSetupLock ? null : await db.AcquireSetupLockAsync(ct);
            await db.BeforeMigrateAsync(ct);
            await db.Database.MigrateAsync(ct);
            await db.AfterMigrateAsync(ct);
            await Record.RecordUpgrade.RunAsync(db, TimeProvider.System, ct);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or IOException or UnauthorizedAccessException
                                      || (e is InvalidOperationException && e.InnerException is NpgsqlException or SqliteException))
        {
            throw new ParleyDatabaseException($"Cannot open the database ({db.Target}): {Reason(e)}", e);
        }
    }

    /// <summary>
    /// Takes the database's set-up lock for <paramref name="db"/> until the result is disposed: other processes (and other
    /// contexts of this one) starting on the same database wait in <see cref="MigrateAsync"/> or here. Hold it around
    /// <see cref="MigrateAsync"/> and any check-then-insert that must happen once per database (the demo seed); calls to
    /// <see cref="MigrateAsync"/> on <paramref name="db"/> meanwhile do not take it again.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">The server is unreachable, or another process held the lock for minutes.</exception>
    public static async Task<IAsyncDisposable> LockForSetupAsync(ParleyDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            var held = await db.AcquireSetupLockAsync(ct);
            db.HoldsSetupLock = true;
            return new SetupTurn(db, held);
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or IOException or UnauthorizedAccessException
                                      || (e is InvalidOperationException && e.InnerException is NpgsqlException or SqliteException))
        {
            throw new ParleyDatabaseException($"Cannot open the database ({db.Target}): {Reason(e)}", e);
        }
    }

    private sealed class SetupTurn(ParleyDbContext db, IAsyncDisposable held) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            db.HoldsSetupLock = false;
            await held.DisposeAsync();
        }
    }

    private static DbContextOptions<SqliteParleyDbContext> SqliteOptions(string target)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = HasKey(target, "data source") || HasKey(target, "datasource") || HasKey(target, "filename")
                ? new SqliteConnectionStringBuilder(target)
                : new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(target) };
        }
        catch (ArgumentException e)
        {
            throw new ParleyDatabaseException($"Not a usable SQLite path or connection string: {e.Message}", e);
        }
        builder.ForeignKeys ??= true; // the cascade from negotiations to their items needs it
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30; // how long a writer waits for the writer lock
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            try
            {
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ParleyDatabaseException($"Cannot create the folder for the SQLite file {file}: {e.Message}", e);
            }
        }
        return new DbContextOptionsBuilder<SqliteParleyDbContext>()
            .UseSqlite(builder.ToString()).AddInterceptors(SqliteDurability.Instance, History.HistoryCommits.Instance).Options;
    }

    private static DbContextOptions<PostgresParleyDbContext> PostgresOptions(string target)
    {
        string connectionString;
        try
        {
            var builder = target.Contains("://", StringComparison.Ordinal) ? FromUri(target) : new NpgsqlConnectionStringBuilder(target);
            connectionString = builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            throw new ParleyDatabaseException($"Not a usable PostgreSQL connection string: {e.Message}", e);
        }
        return new DbContextOptionsBuilder<PostgresParleyDbContext>().UseNpgsql(connectionString).AddInterceptors(History.HistoryCommits.Instance).Options;
    }

    /// <summary><c>postgres://user:password@host:port/database?sslmode=require</c> as a keyword connection string.</summary>
    internal static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        var u = new Uri(uri);
        var builder = new NpgsqlConnectionStringBuilder { Host = u.Host };
        if (u.Port > 0) builder.Port = u.Port;
        if (u.UserInfo.Length > 0)
        {
            var colon = u.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? u.UserInfo : u.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(u.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] =
                eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return builder;
    }

    private static bool HasKey(string text, string key) =>
        text.Split(';').Any(part =>
        {
            var eq = part.IndexOf('=');
            return eq > 0 && part[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase);
        });

    private static string Reason(Exception e)
    {
        var inner = e;
        while (inner is InvalidOperationException && inner.InnerException is not null) inner = inner.InnerException;
        var reason = inner is NpgsqlException { InnerException: System.Net.Sockets.SocketException s } ? s.Message : inner.Message;
        return reason.ReplaceLineEndings(" ").Trim();
    }
}
