using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Live;
using Parley.Testing;

namespace Parley.Server.Tests;

/// <summary>
/// Two app nodes on one database: a change stored through node A reaches the pages open on node B (through B's
/// history watcher) without a reload. Node B's clock is a fake one, so its polling interval passes only when the test
/// advances it.
/// </summary>
public abstract class LiveAcrossNodesTests : IAsyncLifetime
{
    private ParleyFactory _a = null!;
    private ParleyFactory _b = null!;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        var database = await CreateDatabaseAsync();
        _a = new ParleyFactory(database);
        _a.CreateClient().Dispose(); // node A starts first: it migrates and seeds the demo
        _b = new ParleyFactory(database);
        _ = _b.Server; // starts node B without signing anyone in (a grant would be a change B reports)
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await DropDatabaseAsync();
    }

    [Fact]
    public async Task PositionRecordedOnNodeA_ReachesSubscribersOnNodeB_AfterItsInterval()
    {
        var arrived = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var other = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var changes = _b.Services.GetRequiredService<NegotiationChanges>();
        using var berlin = changes.Subscribe("berlin-2025", () => { arrived.TrySetResult("berlin-2025"); return Task.CompletedTask; });
        using var unrelated = changes.Subscribe("another", () => { other.TrySetResult("another"); return Task.CompletedTask; });

        // Nothing changed yet: B's intervals pass without telling anyone.
        await PassIntervalsAsync(3);
        Assert.False(arrived.Task.IsCompleted, "node B reported a change before anything changed");

        using var client = _a.ClientAs("node-a-delegate", Core.Access.MemberRole.Delegation, "ru");
        var recorded = await client.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ru", issue = "nuclear-plant", validFrom = "2025-12-16T00:00:00Z",
            stances = new Dictionary<string, string> { ["ua-us-venture"] = "unacceptable" },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        for (var i = 0; i < 300 && !arrived.Task.IsCompleted; i++) await PassIntervalsAsync(1);
        Assert.True(arrived.Task.IsCompleted, "node B never learnt of the position stored through node A");
        Assert.False(other.Task.IsCompleted, "node B reported a change to a negotiation nobody touched");
    }

    [Fact]
    public async Task StatusOnNodeB_FollowsAPositionRecordedOnNodeA_OnItsNextRequest()
    {
        // Node B keeps the negotiation in memory between requests; it must notice at once that node A changed it.
        using var reader = _b.ClientAs("node-b-mediator", Core.Access.MemberRole.Mediator);
        const string status = "/api/negotiations/berlin-2025/status?asOf=2025-12-16T12:00:00Z";
        var before = await reader.GetStringAsync(status);
        Assert.Equal(before, await reader.GetStringAsync(status));

        using var writer = _a.ClientAs("node-a-delegate", Core.Access.MemberRole.Delegation, "ru");
        var recorded = await writer.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ru", issue = "nuclear-plant", validFrom = "2025-12-16T00:00:00Z",
            stances = new Dictionary<string, string> { ["ua-us-venture"] = "preferred" },
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var after = await reader.GetStringAsync(status);
        Assert.NotEqual(before, after);
    }

    private async Task PassIntervalsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _b.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100); // the watcher's read runs on the thread pool; give it time to finish
        }
    }
}

/// <summary>Two nodes on one SQLite file (a server and, say, a second server process on the same machine).</summary>
public sealed class SqliteLiveAcrossNodesTests : LiveAcrossNodesTests
{
    private readonly SqliteApiDatabase _db = new();

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}

/// <summary>Two nodes on one PostgreSQL database (the team setup behind a load balancer).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveAcrossNodesTests(PostgresServer server) : LiveAcrossNodesTests
{
    private readonly PostgresApiDatabase _db = new(server);

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}
