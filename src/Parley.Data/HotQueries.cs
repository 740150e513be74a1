using Microsoft.EntityFrameworkCore;
using Parley.Data.Access;
using Parley.Data.Rows;

namespace Parley.Data;

/// <summary>
/// The queries every request or every write runs, compiled once (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, TResult}})"/>).
/// A LINQ query is otherwise translated from its expression tree on each run — cached, but its parameters are still
/// extracted through a lambda compiled for the occasion, whose dynamic method the finalizer thread later collects: under
/// load that was a fifth of the server's CPU (docs/benchmarks.md, "Under load"). EF recompiles one of these when it meets
/// another model (SQLite and PostgreSQL in one process, as in the tests).
/// </summary>
internal sealed class HotQueries
{
    // One set per model: a compiled query refuses to run on a model other than the one it first ran on.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, HotQueries> PerModel = new();

    /// <summary>The compiled queries for <paramref name="db"/>'s model.</summary>
    public static HotQueries For(ParleyDbContext db) => PerModel.GetValue(db.Model, _ => new HotQueries());

    /// <summary>The size of a negotiation's record (0 when it has none).</summary>
    public readonly Func<ParleyDbContext, string, Task<long>> RecordSize =
        EF.CompileAsyncQuery((ParleyDbContext db, string id) =>
            db.RecordHeads.AsNoTracking().Where(h => h.NegotiationId == id).Select(h => h.Size).FirstOrDefault());

    /// <summary>The head row of a negotiation's record tree, or null.</summary>
    public readonly Func<ParleyDbContext, string, Task<RecordHeadRow?>> RecordHead =
        EF.CompileAsyncQuery((ParleyDbContext db, string id) =>
            db.RecordHeads.AsNoTracking().SingleOrDefault(h => h.NegotiationId == id));

    /// <summary>The sequence of the log's last entry, or null while the log is empty.</summary>
    public readonly Func<ParleyDbContext, Task<long?>> LastSequence =
        EF.CompileAsyncQuery((ParleyDbContext db) =>
            db.HistoryHead.AsNoTracking().Where(h => h.Id == History.HistoryLog.HeadId).Select(h => (long?)h.LastSequence).SingleOrDefault());

    /// <summary>A user's membership of a negotiation, or null.</summary>
    public readonly Func<ParleyDbContext, string, string, Task<MembershipRow?>> Membership =
        EF.CompileAsyncQuery((ParleyDbContext db, string negotiationId, string userId) =>
            db.Memberships.AsNoTracking().SingleOrDefault(m => m.NegotiationId == negotiationId && m.UserId == userId));

    /// <summary>The unrevoked token with this secret hash and its owner, or null.</summary>
    public readonly Func<ParleyDbContext, string, Task<TokenMatch?>> Token =
        EF.CompileAsyncQuery((ParleyDbContext db, string hash) =>
            db.ApiTokens.AsNoTracking().Where(t => t.SecretHash == hash && t.RevokedAt == null)
                .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new TokenMatch(t.Id, t.NegotiationId, t.ExpiresAt, u.Id, u.UserName))
                .SingleOrDefault());
}

/// <summary>What a token lookup reads: the token's id, reach and expiry, and its owner.</summary>
internal sealed record TokenMatch(string Id, string? NegotiationId, DateTimeOffset? ExpiresAt, string UserId, string? UserName);
