using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Server.Access;
using Parley.Testing;

namespace Parley.Server.Tests.Operations;

/// <summary>
/// Two app nodes started at the same moment on one empty database (what a compose file with two replicas does): both
/// come up and answer <c>/readyz</c>, and the demo is loaded once. Without the set-up lock the second node dies
/// migrating (PostgreSQL: 42P07 "relation … already exists") or seeding (the demo accounts twice).
/// </summary>
public abstract class ConcurrentStartTests : IAsyncLifetime
{
    private readonly List<ParleyFactory> _nodes = [];

    protected abstract IApiDatabase Database { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await Database.DropAsync();
    }

    [Fact]
    public async Task TwoNodes_StartedTogetherOnAnEmptyDatabase_BothServe_WithOneDemo()
    {
        var database = await Database.CreateAsync();
        for (var i = 0; i < 3; i++) _nodes.Add(new ParleyFactory(database));

        // Started on separate threads at one signal, as separate processes would be.
        using var go = new ManualResetEventSlim();
        var starts = _nodes.Select(node => Task.Run(() =>
        {
            go.Wait();
            _ = node.Server;
        })).ToArray();
        go.Set();
        await Task.WhenAll(starts);

        foreach (var node in _nodes)
        {
            using var anyone = node.Anonymous();
            Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/readyz")).StatusCode);
        }
        await using var db = ParleyDatabase.Open(database);
        Assert.Equal(1, await db.Negotiations.CountAsync());
        Assert.Equal(1, await db.History.CountAsync(h => h.NegotiationId == DemoAccounts.Negotiation && h.Action == "negotiation.imported"));
        var names = DemoAccounts.All.Select(a => a.Name).ToArray();
        Assert.Equal(names.Length, await db.Users.CountAsync(u => names.Contains(u.UserName!)));
    }
}

/// <summary>Three nodes on one SQLite file (server processes sharing a volume).</summary>
public sealed class SqliteConcurrentStartTests : ConcurrentStartTests
{
    protected override IApiDatabase Database { get; } = new SqliteApiDatabase();
}

/// <summary>Three nodes on one fresh PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentStartTests(PostgresServer server) : ConcurrentStartTests
{
    protected override IApiDatabase Database { get; } = new PostgresApiDatabase(server);
}
