using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Data.History;

/// <summary>
/// Hears, in this process, what each committed transaction appended to the history log: the negotiation and the
/// visibility label of every entry, each pair once. Called after the commit, on the committing thread, so it must be
/// quick (the server's live updates only signal the open pages). Changes made by other processes are not heard here;
/// <see cref="HistoryFeed"/> reads them from the log.
/// </summary>
public interface IHistoryListener
{
    /// <summary>A transaction committed entries with these (negotiation, visibility) pairs; never empty.</summary>
    void Committed(IReadOnlyList<ChangedVisibility> changes);
}

/// <summary>
/// Hands the entries a context's transaction appended (<see cref="ParleyDbContext.Appended"/>) to its
/// <see cref="ParleyDbContext.HistoryListener"/> once the transaction has committed, and forgets them when it is rolled
/// back — or rolled back to a savepoint, for the entries appended since the savepoint. So the listener hears exactly what
/// is stored, from one place, whatever wrote it: the API, a page's form, an import, a batch of queued changes.
/// One stateless instance serves every context.
/// </summary>
internal sealed class HistoryCommits : DbTransactionInterceptor
{
    internal static HistoryCommits Instance { get; } = new();

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Reset(Of(eventData)); // what a transaction left unfinished (e.g. disposed without a rollback) is not this one's
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Reset(Of(eventData));
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(Of(eventData));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(Of(eventData));
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Reset(Of(eventData));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Reset(Of(eventData));
        return Task.CompletedTask;
    }

    public override void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) => Mark(Of(eventData));

    public override Task CreatedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Mark(Of(eventData));
        return Task.CompletedTask;
    }

    public override void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) => Of(eventData)?.AppendMarks.TryPop(out _);

    public override Task ReleasedSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Of(eventData)?.AppendMarks.TryPop(out _);
        return Task.CompletedTask;
    }

    public override void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => Forget(Of(eventData));

    public override Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(Of(eventData));
        return Task.CompletedTask;
    }

    private static ParleyDbContext? Of(TransactionEventData data) => data.Context as ParleyDbContext;

    // Savepoints nest and end in reverse order (EF reports no name): a mark is the number of entries appended before the
    // savepoint; releasing it keeps them, rolling back to it drops those appended since.
    private static void Mark(ParleyDbContext? db) => db?.AppendMarks.Push(db.Appended.Count);

    private static void Forget(ParleyDbContext? db)
    {
        if (db is null || !db.AppendMarks.TryPop(out var mark)) return;
        if (mark < db.Appended.Count) db.Appended.RemoveRange(mark, db.Appended.Count - mark);
    }

    private static void Publish(ParleyDbContext? db)
    {
        if (db is null || db.Appended.Count == 0) return;
        var pairs = db.Appended.Distinct().ToArray();
        Reset(db);
        db.HistoryListener?.Committed(pairs);
    }

    private static void Reset(ParleyDbContext? db)
    {
        if (db is null) return;
        db.Appended.Clear();
        db.AppendMarks.Clear();
    }
}
