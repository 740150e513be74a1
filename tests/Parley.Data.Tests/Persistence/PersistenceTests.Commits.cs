using System.Collections.Concurrent;
using Parley.Core.Talks;
using Parley.Data.History;
using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

// What a context's commits tell its history listener (the server's live updates): exactly what was stored.
public abstract partial class PersistenceTests
{
    /// <summary>Every (negotiation, visibility) pair heard, in order, from any number of contexts.</summary>
    private sealed class HeardChanges : IHistoryListener
    {
        public ConcurrentQueue<ChangedVisibility> Heard { get; } = new();

        public void Committed(IReadOnlyList<ChangedVisibility> changes)
        {
            foreach (var change in changes) Heard.Enqueue(change);
        }
    }

    [Fact]
    public async Task ChangesCommittedTogether_TheListenerHearsWhatWasStoredAndNothingOfTheRefused()
    {
        await ImportAsync(Samples.Small());
        await RefuseHistoryOfSaidRefusedAsync();
        await WithStore(s => s.AddStatementAsync("small", Said("said-taken", 0), "writer"));
        // Shared statements; one private to Russia that the rules refuse (an id stored before); one private to the mediator
        // that the database refuses after its row was written. Only "shared" was stored, so only "shared" may be heard.
        var statements = Enumerable.Range(0, 12).Select(i => i switch
        {
            4 => Said("said-taken", i, Visibility.PrivateTo("ru")),
            8 => Said("said-refused", i, Visibility.MediatorOnly),
            _ => Said($"said-{i}", i),
        }).ToArray();
        var listener = new HeardChanges();

        var writes = await WriteTogetherAsync(statements, listener: listener);

        Assert.Equal(2, writes.Count(w => w.IsFaulted));
        Assert.NotEmpty(listener.Heard);
        Assert.All(listener.Heard, h => Assert.Equal(new ChangedVisibility("small", "shared"), h));
    }

    [Fact]
    public async Task Transaction_RolledBackThenCommitted_IsHeardOnlyOnceCommitted()
    {
        await ImportAsync(Samples.Small());
        var listener = new HeardChanges();
        await using var db = Open();
        db.HistoryListener = listener;
        var log = new HistoryLog(db, Clock);

        await using (var rolledBack = await db.BeginWriteAsync(CancellationToken.None))
        {
            await log.AppendAsync("small", "writer", "note.added", "note", "n1", Visibility.PrivateTo("ua"), "{}", CancellationToken.None);
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Empty(listener.Heard);

        await using (var committed = await db.BeginWriteAsync(CancellationToken.None))
        {
            await log.AppendAsync("small", "writer", "note.added", "note", "n2", Visibility.MediatorOnly, "{}", CancellationToken.None);
            await log.AppendAsync("small", "writer", "note.added", "note", "n3", Visibility.MediatorOnly, "{}", CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Empty(listener.Heard); // not before the commit
            await committed.CommitAsync();
        }
        Assert.Equal([new ChangedVisibility("small", "mediator")], listener.Heard);
    }
}
