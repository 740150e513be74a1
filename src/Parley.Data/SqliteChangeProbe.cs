using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Parley.Data;

/// <summary>
/// Tells a reader of a SQLite file, for a few microseconds, whether anything was committed since it last read a
/// negotiation's head, so that the head is read again only then. It keeps one connection of its own per file and asks
/// it <c>PRAGMA data_version</c>, which SQLite changes whenever another connection — of this process or any other, such
/// as the <c>parley</c> command — commits to the file. A head read after the version is therefore at least as new as
/// every commit the version stands for; while the version stays, nothing was committed and the head is the same.
/// The per-request head query (a pooled connection opened and closed, its pragma set, a statement prepared) was the
/// largest part of a cached read's cost (docs/benchmarks.md, "Under load").
/// </summary>
internal sealed class SqliteChangeProbe
{
    private static readonly ConcurrentDictionary<string, SqliteChangeProbe> ByFile = new(StringComparer.Ordinal);

    /// <summary>How many negotiations' heads one probe remembers; beyond, it starts again empty.</summary>
    private const int Capacity = 10_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _version;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, (long Version, long Head)> _heads = new(StringComparer.Ordinal);

    private SqliteChangeProbe(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _version = _connection.CreateCommand();
        _version.CommandText = "PRAGMA data_version;";
    }

    /// <summary>The probe of the file <paramref name="connectionString"/> names; null for an in-memory database.</summary>
    public static SqliteChangeProbe? For(string connectionString) =>
        ByConnectionString.TryGetValue(connectionString, out var known) ? known : ByConnectionString.GetOrAdd(connectionString, Find);

    private static readonly ConcurrentDictionary<string, SqliteChangeProbe?> ByConnectionString = new(StringComparer.Ordinal);

    private static SqliteChangeProbe? Find(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return null;
        var file = Path.GetFullPath(builder.DataSource);
        return ByFile.GetOrAdd(file, _ => new SqliteChangeProbe(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()));
    }

    /// <summary>The head of negotiation <paramref name="id"/>: remembered while nothing was committed, else <paramref name="read"/>.</summary>
    public async Task<long> HeadAsync(string id, Func<Task<long>> read)
    {
        var version = Version();
        if (_heads.TryGetValue(id, out var known) && known.Version == version) return known.Head;
        var head = await read(); // read after the version: at least as new as what the version stands for
        if (_heads.Count >= Capacity) _heads.Clear();
        _heads[id] = (version, head);
        return head;
    }

    private long Version()
    {
        lock (_gate)
        {
            if (_connection.State != System.Data.ConnectionState.Open) _connection.Open();
            return (long)_version.ExecuteScalar()!;
        }
    }
}
