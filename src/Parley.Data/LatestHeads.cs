using Microsoft.EntityFrameworkCore;

namespace Parley.Data;

/// <summary>
/// The head of a negotiation's record as of now, for a reader outside any transaction (the read cache), on one database:
/// on a SQLite file, remembered until anyone commits to the file (<see cref="SqliteChangeProbe"/>); on PostgreSQL, read by
/// a query that started after the call, shared with concurrent callers (<see cref="HeadReads"/>). The one rule for both
/// <see cref="NegotiationStore.CurrentHeadAsync"/> and a server's readers, which know it without a database context:
/// when the head is remembered, or another caller's query reads it, no context is leased.
/// </summary>
public sealed class LatestHeads
{
    private readonly string _connectionString;
    private readonly bool _sqlite;

    private LatestHeads(string connectionString, bool sqlite)
    {
        _connectionString = connectionString;
        _sqlite = sqlite;
    }

    /// <summary>The heads of the database <paramref name="db"/> is connected to.</summary>
    public static LatestHeads Of(ParleyDbContext db) => new(db.Database.GetConnectionString()!, db is SqliteParleyDbContext);

    /// <summary>
    /// The head of negotiation <paramref name="id"/>, reading it by <paramref name="read"/> only when needed. On PostgreSQL
    /// the query may serve other callers too, so it is given no cancellation; the caller still stops waiting at
    /// <paramref name="ct"/>.
    /// </summary>
    public Task<long> OfAsync(string id, Func<CancellationToken, Task<long>> read, CancellationToken ct = default)
    {
        if (!_sqlite) return HeadReads.For(_connectionString).HeadAsync(id, () => read(CancellationToken.None), ct);
        return SqliteChangeProbe.For(_connectionString) is { } probe ? probe.HeadAsync(id, () => read(ct)) : read(ct);
    }
}
