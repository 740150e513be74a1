using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Parley.Data;

/// <summary>
/// Queues this process's writers to one SQLite file before they ask SQLite for its writer lock. SQLite lets one writer in
/// at a time and makes the others poll (its busy handler sleeps 1, 2, 5 … 100 ms between tries), so with several
/// writers most of a write's time was spent asleep: about 40 statements/s with a p99 over a second. Waiting in an
/// async queue instead hands the lock on the moment it is released. Writers in other processes (the CLI on the same
/// file) still meet at SQLite's own lock and its busy timeout.
/// </summary>
internal static class SqliteWriterGate
{
    private static readonly ConcurrentDictionary<string, Turn> Gates = new(StringComparer.Ordinal);

    /// <summary>How long a writer waits for the ones before it, as long as SQLite's own busy timeout.</summary>
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits for this file's turn, then begins the transaction with <paramref name="begin"/>; the turn passes on when it ends.</summary>
    /// <exception cref="ParleyDatabaseException">The writers before it held the file for longer than <see cref="Patience"/>.</exception>
    public static async Task<IDbContextTransaction> BeginAsync(string file, Func<Task<IDbContextTransaction>> begin, CancellationToken ct)
    {
        var turn = Gates.GetOrAdd(file, _ => new Turn());
        var gate = turn.Gate;
        bool entered;
        Interlocked.Increment(ref turn.Waiting);
        try { entered = await gate.WaitAsync(Patience, ct); }
        finally { Interlocked.Decrement(ref turn.Waiting); }
        if (!entered)
            throw new ParleyDatabaseException($"The database is busy: other writes held SQLite file {file} for more than {Patience.TotalSeconds:0} s.");
        try
        {
            return new GatedTransaction(await begin(), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>How many of this process's writers are waiting for <paramref name="file"/>'s turn: what a test watches to see the lock hold.</summary>
    internal static int Waiting(string file) => Gates.TryGetValue(file, out var turn) ? Volatile.Read(ref turn.Waiting) : 0;

    /// <summary>One file's turn and the writers queued for it.</summary>
    private sealed class Turn
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Waiting;
    }

    /// <summary>The transaction, releasing the file's turn once when disposed.</summary>
    private sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction, IInfrastructure<DbTransaction>
    {
        private int _released;

        public Guid TransactionId => inner.TransactionId;

        public DbTransaction Instance => inner.GetDbTransaction();

        public void Commit() => inner.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);

        public void Rollback() => inner.Rollback();

        public bool SupportsSavepoints => inner.SupportsSavepoints;

        public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

        public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.CreateSavepointAsync(name, cancellationToken);

        public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

        public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.RollbackToSavepointAsync(name, cancellationToken);

        public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

        public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) => inner.ReleaseSavepointAsync(name, cancellationToken);

        public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            try { inner.Dispose(); }
            finally { Release(); }
        }

        public async ValueTask DisposeAsync()
        {
            try { await inner.DisposeAsync(); }
            finally { Release(); }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
