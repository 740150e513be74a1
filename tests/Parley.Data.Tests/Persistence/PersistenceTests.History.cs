using Microsoft.EntityFrameworkCore;
using Parley.Core.Talks;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

public abstract partial class PersistenceTests
{
    /// <summary>Import plus three changes: four entries, sequences 1–4.</summary>
    private async Task FourEntriesAsync()
    {
        await ImportAsync(Samples.Small());
        foreach (var action in new[] { "position.recorded", "proposal.responded", "round.added" })
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            await WithStore(s => ChangeCase.All[action].Apply(s, "small", "analyst"));
        }
    }

    [Fact]
    public async Task History_ImportAndChanges_ListsEntriesInOrderEachHashedWithItsOwnSalt()
    {
        await FourEntriesAsync();

        var history = await HistoryAsync("small");

        Assert.Equal([1L, 2, 3, 4], history.Select(h => h.Sequence));
        Assert.Equal([0L, 1, 2, 3], history.Select(h => h.Index));
        Assert.Equal(["negotiation.imported", "position.recorded", "proposal.responded", "round.added"], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal(h.EntryHash, Record.RecordEntry.EntryHash(h, h.Salt!).ToString()));
        Assert.Equal(4, history.Select(h => h.Salt).Distinct().Count());
        Assert.Equal(history.Select(h => h.RecordedAt).Order(), history.Select(h => h.RecordedAt));
    }

    [Fact]
    public async Task History_OtherNegotiation_IsNotListedAndHasItsOwnTree()
    {
        await ImportAsync(Samples.Small("one"));
        await ImportAsync(Samples.Small("two"));

        Assert.Equal(["one"], (await HistoryAsync("one")).Select(h => h.NegotiationId));
        var two = Assert.Single(await HistoryAsync("two"));
        Assert.Equal((2L, 0L), (two.Sequence, two.Index));
    }

    [Fact]
    public async Task VerifyRecord_Untouched_IsOkWithTheRootOfItsEntries()
    {
        await FourEntriesAsync();

        var verdict = await VerifyAsync();

        Assert.True(verdict.Ok, string.Join("; ", verdict.Negotiations.SelectMany(n => n.Findings).Select(f => f.Place + ": " + f.Message)));
        var small = Assert.Single(verdict.Negotiations);
        var leaves = (await HistoryAsync("small")).Select(h => Record.RecordEntry.Leaf(Core.Record.Hash32.Parse(h.EntryHash)));
        Assert.Equal((4L, new Core.Record.MerkleTree(leaves).Root().ToString()), (small.Entries, small.Root));
    }

    [Fact]
    public async Task VerifyRecord_Empty_IsOk()
    {
        var verdict = await VerifyAsync();

        Assert.True(verdict.Ok);
        Assert.Empty(verdict.Negotiations);
    }

    [Theory]
    [InlineData("UPDATE history SET actor = 'mallory' WHERE sequence = 2", "entry 1")]
    [InlineData("UPDATE history SET change = 'forged' WHERE sequence = 3", "entry 2")]
    [InlineData("UPDATE history SET action = 'position.withdrawn' WHERE sequence = 1", "entry 0")]
    [InlineData("DELETE FROM history WHERE sequence = 2", "entry 1")]
    [InlineData("DELETE FROM history WHERE sequence = 4", "record head")]
    [InlineData("DELETE FROM history", "record head")]
    [InlineData("UPDATE rounds SET venue = 'Geneva'", "table rounds row (small, ")]
    [InlineData("DELETE FROM positions", "table positions row (small, ")]
    public async Task VerifyRecord_TamperedLogOrRows_NamesThePlace(string tamper, string place)
    {
        await FourEntriesAsync();

        await ExecuteSqlAsync(tamper);
        var verdict = await VerifyAsync();

        Assert.False(verdict.Ok);
        Assert.Contains(verdict.Negotiations.SelectMany(n => n.Findings), f => f.Place.StartsWith(place, StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_ParallelWriters_KeepOneTreeAndLoseNoUpdate()
    {
        const int writers = 8;
        var parties = Enumerable.Range(1, writers).Select(i => $"p{i}").ToArray();
        var n = new Negotiation("crowd", "Crowded talks");
        n.AddParty(new Party("chair", "Chair", [PartyRole.Mediator]));
        foreach (var p in parties) n.AddParty(new Party(p, p.ToUpperInvariant(), [PartyRole.Principal]));
        n.AddIssue(new Issue("x", "X", "", 1, [new Option("a", "A"), new Option("b", "B")]));
        n.AddProposal(new Proposal("offer", "chair", "Offer", new Dictionary<string, string> { ["x"] = "a" }, parties, Samples.At(12, 1, 9, 0)));
        await ImportAsync(n);

        // Each writer answers the same proposal (one row rewritten by all) and records a position (a new row each).
        var start = new TaskCompletionSource();
        var tasks = parties.Select((p, i) => Task.Run(async () =>
        {
            await start.Task;
            await WithStore(s => s.RespondAsync("crowd", "offer", new Response(p, ResponseKind.Accept, Samples.At(12, 2, 9, 0).AddMinutes(i)), p));
            return await WithStore(s => s.RecordPositionAsync("crowd",
                new Position($"pos-{p}", p, "x", Samples.At(12, 3, 9, 0), new Dictionary<string, Stance> { ["a"] = Stance.Acceptable }), p));
        })).ToArray();
        start.SetResult();
        Assert.All(await Task.WhenAll(tasks), Assert.True);

        var loaded = (await LoadAsync("crowd"))!;
        Assert.Equal(parties.Order(), loaded.FindProposal("offer")!.Responses.Select(r => r.Party).Order());
        Assert.Equal(writers, loaded.Positions.Count);
        Assert.Equal(Core.Talks.ProposalState.Accepted, loaded.FindProposal("offer")!.StateAsOf(Samples.At(12, 31, 0, 0))!.Value.State);
        Assert.Equal(Enumerable.Range(1, 1 + 2 * writers).Select(i => (long)i), (await HistoryAsync("crowd")).Select(h => h.Sequence));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Change_WhileAnotherWriteIsOpen_WaitsForItsCommit()
    {
        await ImportAsync(Samples.Small());
        await using var holder = Open();
        var holding = await holder.BeginWriteAsync(CancellationToken.None);

        // On the thread pool: Microsoft.Data.Sqlite waits for a lock synchronously, inside the async call.
        var waiting = Task.Run(() => WithStore(s => ChangeCase.All["round.added"].Apply(s, "small", "second")));
        // No clock: either the second writer is seen queued at the writer lock, or it finishes. With the lock held
        // it can only be the first; without a lock it finishes and is never queued.
        Assert.True(await QueuedBeforeDoneAsync(waiting), "A second writer went ahead while the writer lock was held.");
        Assert.False(waiting.IsCompleted, "A second writer went ahead while the writer lock was held.");

        await holding.CommitAsync();
        await holding.DisposeAsync();
        Assert.True(await waiting);
        Assert.Equal(2, await HistoryCountAsync());
    }

    /// <summary>True once a writer waits at the database's writer lock; false if <paramref name="writer"/> finishes first.</summary>
    private async Task<bool> QueuedBeforeDoneAsync(Task writer)
    {
        while (!writer.IsCompleted)
        {
            await using (var db = Open())
            {
                var queued = db is SqliteParleyDbContext
                    ? SqliteWriterGate.Waiting(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) > 0
                    : await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").SingleAsync() > 0;
                if (queued) return true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5)); // a poll interval, not a deadline: the outcome never depends on it
        }
        return false;
    }
}
