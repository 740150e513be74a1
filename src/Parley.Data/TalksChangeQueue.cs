using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Talks;

namespace Parley.Data;

/// <summary>
/// Group commit of talks changes (<see cref="NegotiationStore"/>'s <c>ChangeAsync</c>). A change is queued, then its
/// writer waits for the database's turn; whoever gets the turn first takes every change queued by then (at most
/// <see cref="MaxBatch"/>) and writes them in one transaction, each behind a savepoint of its own — so a change the talks'
/// rules or the database refuse is rolled back alone and fails alone, with nothing of it written, while the others commit.
/// Each writer's answer comes after the one commit that holds its change: an acknowledged change is durable, exactly as
/// when each committed alone, but many changes arriving together pay for one commit (one fsync on SQLite, one round
/// trip and WAL flush on PostgreSQL) instead of one each. A writer that finds its change already written by another
/// returns its answer without a transaction of its own.
/// One queue per database (provider and connection string) in this process; writers in other processes meet at the
/// database's own writer lock, as before.
/// </summary>
internal sealed class TalksChangeQueue
{
    private static readonly ConcurrentDictionary<string, TalksChangeQueue> Queues = new(StringComparer.Ordinal);

    /// <summary>The most changes one transaction takes, so that one commit never holds the lock for long.</summary>
    internal const int MaxBatch = 64;

    /// <summary>How long a writer waits for its turn, as long as SQLite's own busy timeout.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<PendingChange> _waiting = new();

    /// <summary>The queue of the database <paramref name="db"/> points at.</summary>
    public static TalksChangeQueue For(ParleyDbContext db) =>
        Queues.GetOrAdd($"{db.GetType().Name}|{db.Database.GetConnectionString()}", _ => new TalksChangeQueue());

    /// <summary>
    /// Queues <paramref name="change"/> and returns once it is committed or refused: the first writer to get the turn
    /// runs the queued changes through <paramref name="writeBatch"/>, which settles each of them.
    /// </summary>
    /// <exception cref="ParleyDatabaseException">The writers before it held the database for longer than the patience allowed.</exception>
    public async Task<bool> RunAsync(PendingChange change, Func<IReadOnlyList<PendingChange>, Task> writeBatch)
    {
        lock (_waiting) _waiting.Enqueue(change);
        if (!await _turn.WaitAsync(Patience, change.Cancellation).ConfigureAwait(false))
        {
            lock (_waiting)
                if (!change.Taken) change.Fail(new ParleyDatabaseException($"The database is busy: other writes held it for more than {Patience.TotalSeconds:0} s."));
            return await change.Outcome; // a change another writer has taken is answered by its commit
        }
        try
        {
            if (!change.Outcome.IsCompleted) await writeBatch(Take());
        }
        finally
        {
            _turn.Release();
        }
        return await change.Outcome;
    }

    // Every change queued so far, oldest first, up to MaxBatch; those already settled (e.g. a writer that gave up) are dropped.
    private List<PendingChange> Take()
    {
        var batch = new List<PendingChange>();
        lock (_waiting)
            while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next))
                if (!next.Outcome.IsCompleted)
                {
                    next.Taken = true;
                    batch.Add(next);
                }
        return batch;
    }
}

/// <summary>One talks change waiting in a <see cref="TalksChangeQueue"/>, and the answer its writer waits for.</summary>
/// <param name="Id">The negotiation.</param>
/// <param name="Apply">Applies the change to the negotiation (its rules may refuse) and says what to write.</param>
/// <param name="Actor">Who makes the change (the history entry's actor).</param>
/// <param name="Cancellation">The writer's cancellation: a change not yet begun when it fires is not written.</param>
internal sealed record PendingChange(string Id, Func<Negotiation, NegotiationStore.Change> Apply, string Actor, CancellationToken Cancellation)
{
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once committed, false when there is no such negotiation; faulted with the reason it was refused.</summary>
    public Task<bool> Outcome => _outcome.Task;

    /// <summary>Set, under the queue's lock, once a writer has taken the change into its transaction.</summary>
    public bool Taken { get; set; }

    public void Succeed(bool written) => _outcome.TrySetResult(written);

    public void Fail(Exception reason) => _outcome.TrySetException(reason);
}
