using System.Net;
using System.Net.Http.Json;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Access;
using Parley.Server.Live;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The randomized leak test: seeded random changes to two small negotiations whose private items carry unique
/// canaries; after each change, every read path is called for every member of the changed negotiation (and a member of
/// the other one), and no body may hold a canary of an item the reader may not see; nor may a live update of a change
/// reach a member who may not see what it wrote. CI runs
/// <see cref="DefaultOperations"/> changes; the full run is
/// <c>PARLEY_LEAK_OPERATIONS=10000 ./test.sh --filter LeakTests</c> (seed: <c>PARLEY_LEAK_SEED</c>, default 20261203).
/// </summary>
public sealed class LeakTests : IAsyncLifetime
{
    /// <summary>Changes per CI run: enough to make every kind of change on both negotiations many times.</summary>
    public const int DefaultOperations = 60;

    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;
    private readonly Dictionary<(string Negotiation, string Member), HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await _database.CreateAsync(), seedDemo: false);
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients.Values) c.Dispose();
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    [Fact]
    public async Task RandomChanges_NoReadPathEverServesAnItemTheReaderMayNotSee()
    {
        var seed = Setting("PARLEY_LEAK_SEED", 20261203);
        var operations = Setting("PARLEY_LEAK_OPERATIONS", DefaultOperations);
        var world = new LeakWorld(seed);
        using var admin = _factory.ClientAs("leak-admin", administrator: true);
        foreach (var n in LeakWorld.Negotiations)
        {
            var created = await admin.PostAsync("/api/negotiations", new StringContent(world.Scenario(n), Encoding.UTF8, "application/yaml"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            foreach (var (member, (role, party)) in LeakWorld.Members)
                _clients[(n, member)] = _factory.ClientAs(LeakWorld.User(n, member), role, party, negotiation: n);
        }
        var live = new ConcurrentDictionary<(string, string), int>();
        var changes = _factory.Services.GetRequiredService<NegotiationChanges>();
        var subscriptions = (from n in LeakWorld.Negotiations
                             from m in LeakWorld.Members
                             let viewer = new Viewer(LeakWorld.User(n, m.Key), m.Value.Role, m.Value.Party)
                             select changes.Subscribe(n, () => viewer, () => { live.AddOrUpdate((n, m.Key), 1, (_, c) => c + 1); return Task.CompletedTask; }))
                            .ToArray();
        var leaks = new List<string>();
        var stored = 0;
        for (var k = 0; k < operations && leaks.Count == 0; k++)
        {
            var negotiation = world.Pick(LeakWorld.Negotiations);
            var op = world.Next(negotiation);
            var response = await _clients[(negotiation, op.Member)].PostAsJsonAsync($"/api/negotiations/{negotiation}/{op.Path}", op.Body);
            Assert.True((int)response.StatusCode is 201 or 400 or 403, $"change {k} {op.Path} by {op.Member}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.Created) stored++;
            foreach (var ((n, member), count) in live)
                if (count > 0 && (n != negotiation || !LeakWorld.MaySee(member, op.Label)))
                    leaks.Add($"{member} of {n} got a live update of change {k} ({op.Path}, {op.Label}, seed {seed})");
            live.Clear();
            foreach (var member in LeakWorld.Members.Keys)
                await ReadEverythingAsync(world, negotiation, member, leaks, $"after change {k} ({op.Path} by {op.Member}, seed {seed})");
            // A member of the other negotiation sees none of this one.
            var other = LeakWorld.Negotiations.First(n => n != negotiation);
            var outsider = await _clients[(other, "mediator")].GetAsync($"/api/negotiations/{negotiation}");
            if (outsider.StatusCode != HttpStatusCode.NotFound) leaks.Add($"the mediator of {other} reads {negotiation}: {(int)outsider.StatusCode}");
        }
        foreach (var s in subscriptions) s.Dispose();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
        Assert.True(stored > operations / 3, $"only {stored} of {operations} changes were stored: the test exercises too little");
    }

    /// <summary>The read paths: the API's reads, the scenario export, the history, the briefing (.docx, read as text), the settlement and a what-if, and the pages' HTML.</summary>
    private static IEnumerable<(string Method, string Path, object? Body)> ReadPaths(string n, string member)
    {
        yield return ("GET", "/api/negotiations", null);
        foreach (var path in new[]
                 {
                     "", "/scenario", "/status", "/status?asOf=2025-12-15", "/changes?since=2025-11-01", "/history", "/drafts", "/incidents", "/guarantees",
                     "/record", "/record/checkpoint", "/record/leaves", "/record/consistency?from=1",
                     "/briefing.docx", "/briefing.docx?asOf=2025-12-15",
                 })
            yield return ("GET", $"/api/negotiations/{n}{path}", null);
        // The record's entries and their proofs, private ones included: a member gets 404 for those it may not read.
        foreach (var index in new[] { 0, 1, 2, 3, 5, 8, 13, 21, 34, 55 })
        {
            yield return ("GET", $"/api/negotiations/{n}/record/entries/{index}", null);
            yield return ("GET", $"/api/negotiations/{n}/record/entries/{index}/proof", null);
        }
        if (LeakWorld.Members[member].Role is MemberRole.Mediator or MemberRole.Delegation)
        {
            yield return ("GET", $"/api/negotiations/{n}/settlement", null);
            var party = LeakWorld.Members[member].Party ?? "p2";
            yield return ("POST", $"/api/negotiations/{n}/settlement/what-if", new { lift = new[] { $"{party}:i1=o1" } });
        }
        foreach (var page in new[] { $"/negotiations/{n}", $"/negotiations/{n}/issues/i1", $"/negotiations/{n}/settlement", $"/negotiations/{n}/guarantees", $"/negotiations/{n}/drafts",
                     $"/negotiations/{n}/briefing" })
            yield return ("GET", page, null);
    }

    private async Task ReadEverythingAsync(LeakWorld world, string negotiation, string member, List<string> leaks, string when)
    {
        var client = _clients[(negotiation, member)];
        foreach (var (method, path, body) in ReadPaths(negotiation, member))
        {
            using var response = method == "GET" ? await client.GetAsync(path) : await client.PostAsJsonAsync(path, body);
            var text = await ResponseText.ReadAsync(response);
            if ((int)response.StatusCode >= 500) leaks.Add($"{member} {method} {path}: {(int)response.StatusCode} {when}");
            foreach (var leak in world.Leaks(negotiation, member, text)) leaks.Add($"{member} {method} {path} shows {leak} {when}");
        }
    }
}
