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
