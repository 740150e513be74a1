using Parley.Data.Tests.Support;

namespace Parley.Data.Tests.Persistence;

// The head a cached read checks (NegotiationStore.CurrentHeadAsync): on SQLite remembered until anyone commits to the
// file (SqliteChangeProbe), on PostgreSQL read each time. Either way a commit made elsewhere shows at once.
public abstract partial class PersistenceTests
{
    [Fact]
    public async Task CurrentHead_AfterACommitThroughAnotherConnection_IsTheNewHead()
    {
        await ImportAsync(Samples.Small());
        long before;
        await using (var reader = Open()) before = await new NegotiationStore(reader, Clock).CurrentHeadAsync("small");
        await using (var reader = Open()) Assert.Equal(before, await new NegotiationStore(reader, Clock).CurrentHeadAsync("small"));

        // Another connection (another node, or the parley command) commits a statement.
        await using (var writer = Open()) Assert.True(await new NegotiationStore(writer, Clock).AddStatementAsync("small", Said("s-new", 1), "other"));
        long after;
        await using (var reader = Open()) after = await new NegotiationStore(reader, Clock).CurrentHeadAsync("small");
        await using (var reader = Open()) Assert.Equal(after, await new NegotiationStore(reader, Clock).HeadAsync("small"));

        Assert.True(after > before, $"head {before} → {after}");
    }
}

public abstract partial class PersistenceTests
{
    [Fact]
    public async Task CurrentHead_ReadByManyAtOnceWhileOneCommits_IsNeverOlderThanACommitAcknowledgedBeforeTheRead()
    {
        await ImportAsync(Samples.Small());
        long acknowledged;
        await using (var db = Open()) acknowledged = await new NegotiationStore(db, Clock).HeadAsync("small");
        var writing = true;
        var writer = Task.Run(async () =>
        {
            for (int i = 0; i < 20; i++)
            {
                await using var db = Open();
                var store = new NegotiationStore(db, Clock);
                Assert.True(await store.AddStatementAsync("small", Said($"s-race-{i}", i), "other"));
                Volatile.Write(ref acknowledged, await store.HeadAsync("small"));
            }
            Volatile.Write(ref writing, false);
        });
        var stale = new System.Collections.Concurrent.ConcurrentBag<string>();
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int reads = 0;
            while (Volatile.Read(ref writing) || reads < 5)
            {
                var floor = Volatile.Read(ref acknowledged);
                await using var db = Open();
                var head = await new NegotiationStore(db, Clock).CurrentHeadAsync("small");
                if (head < floor) stale.Add($"{head} < {floor}");
                reads++;
            }
        })).ToArray();
        await writer;
        await Task.WhenAll(readers);
        Assert.Empty(stale);
        await using (var db = Open()) Assert.Equal(Volatile.Read(ref acknowledged), await new NegotiationStore(db, Clock).CurrentHeadAsync("small"));
    }
}

public abstract partial class PersistenceTests
{
    [Fact]
    public async Task LatestHeads_KeptByAServerWithoutAContext_SeeACommitMadeElsewhereAtOnce()
    {
        await ImportAsync(Samples.Small());
        LatestHeads heads;
        await using (var db = Open()) heads = LatestHeads.Of(db); // a server learns it once, then reads with no context
        var reads = 0;
        async Task<long> Read(CancellationToken ct)
        {
            Interlocked.Increment(ref reads);
            await using var db = Open();
            return await new NegotiationStore(db, Clock).HeadAsync("small", ct);
        }

        var before = await heads.OfAsync("small", Read);
        Assert.Equal(before, await heads.OfAsync("small", Read));
        await using (var writer = Open()) Assert.True(await new NegotiationStore(writer, Clock).AddStatementAsync("small", Said("s-elsewhere", 1), "other"));
        var after = await heads.OfAsync("small", Read);

        Assert.True(after > before, $"head {before} → {after}");
        await using (var db = Open()) Assert.Equal(await new NegotiationStore(db, Clock).HeadAsync("small"), after);
        Assert.True(reads >= 2, "the commit was noticed without reading the head again");
    }
}
