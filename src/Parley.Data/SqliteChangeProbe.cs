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

    private readonly string _connectionString;
    private readonly ConcurrentBag<Slot> _idle = [];
    private int _slots;

    private SqliteChangeProbe(string connectionString) => _connectionString = connectionString;

    /// <summary>
    /// One probing connection and the heads it has seen. A connection's <c>data_version</c> is its own (values of two
    /// connections do not compare), so each remembers its own heads; a slot serves one request at a time, so readers
    /// never wait for each other here.
    /// </summary>
    private sealed class Slot(string connectionString)
    {
        private readonly SqliteConnection _connection = new(connectionString);
        private SqliteCommand? _version;

        public Dictionary<string, (long Version, long Head)> Heads { get; } = new(StringComparer.Ordinal);

        public long Version()
        {
            if (_version is null)
            {
                _connection.Open();
                _version = _connection.CreateCommand();
                _version.CommandText = "PRAGMA data_version;";
            }
            return (long)_version.ExecuteScalar()!;
        }
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
        if (!_idle.TryTake(out var slot))
        {
            if (Interlocked.Increment(ref _slots) > MaxSlots)
            {
                Interlocked.Decrement(ref _slots);
                return await read(); // every slot busy: read the head as before
            }
            slot = new Slot(_connectionString);
        }
        long version;
        try
        {
            version = slot.Version();
        }
        catch (SqliteException)
        {
            Interlocked.Decrement(ref _slots); // this connection is dropped; the head is read as before
            return await read();
        }
        try
        {
            if (slot.Heads.TryGetValue(id, out var known) && known.Version == version) return known.Head;
            var head = await read(); // read after the version: at least as new as what the version stands for
            if (slot.Heads.Count >= Capacity) slot.Heads.Clear();
            slot.Heads[id] = (version, head);
            return head;
        }
        finally
        {
            _idle.Add(slot);
        }
    }

    /// <summary>At most this many probing connections per file.</summary>
    private const int MaxSlots = 8;
}
