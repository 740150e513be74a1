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
    // A queue, not a bag: a slot is mostly handed back on another thread than took it, and a bag then steals under a lock.
    private readonly ConcurrentQueue<Slot> _idle = new();
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

        public void Close() => _connection.Dispose();

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

    private static readonly Lock Files = new();

    /// <summary>At most this many files are probed at once (a server has one; a test run opens many, then deletes them).</summary>
    private const int MaxFiles = 8;

    private static SqliteChangeProbe? Find(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return null;
        var file = Path.GetFullPath(builder.DataSource);
        lock (Files)
        {
            if (ByFile.TryGetValue(file, out var known)) return known;
            if (ByFile.Count >= MaxFiles)
            {
                // Forget another file's probe and close its connections (a later read of that file starts a new one).
                var (oldFile, old) = ByFile.First();
                ByFile.TryRemove(oldFile, out _);
                foreach (var entry in ByConnectionString.Where(e => ReferenceEquals(e.Value, old))) ByConnectionString.TryRemove(entry);
                old.Close();
            }
            return ByFile[file] = new SqliteChangeProbe(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        }
    }

    private volatile bool _closed;

    // Closes the idle connections; those in use are closed when handed back.
    private void Close()
    {
        _closed = true;
        while (_idle.TryDequeue(out var slot)) slot.Close();
    }

    /// <summary>The head of negotiation <paramref name="id"/>: remembered while nothing was committed, else <paramref name="read"/>.</summary>
    public async Task<long> HeadAsync(string id, Func<Task<long>> read)
    {
        if (!_idle.TryDequeue(out var slot))
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
            slot.Close(); // this connection is dropped; the head is read as before
            Interlocked.Decrement(ref _slots);
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
            if (_closed) slot.Close();
            else _idle.Enqueue(slot);
        }
    }

    /// <summary>At most this many probing connections per file.</summary>
    private const int MaxSlots = 8;
}
