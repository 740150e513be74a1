using System.Net.Http.Json;
using Parley.Core.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// One app with the Berlin demo, a client per caller (anonymous, a signed-in user who is no member, and one member
/// per role), and private items carrying canary strings, so that a test can tell from a response body whether an
/// item the caller may not see leaked into it.
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();

    public ParleyFactory Factory { get; private set; } = null!;

    /// <summary>The callers by name: <c>anonymous</c>, <c>stranger</c>, then the members (<see cref="Members"/>).</summary>
    public Dictionary<string, HttpClient> Clients { get; } = [];

    /// <summary>The members of the demo used here: name → (role, party).</summary>
    public static readonly IReadOnlyDictionary<string, (MemberRole Role, string? Party)> Members = new Dictionary<string, (MemberRole, string?)>
    {
        ["mediator"] = (MemberRole.Mediator, null),
        ["ua"] = (MemberRole.Delegation, "ua"),
        ["ru"] = (MemberRole.Delegation, "ru"),
        ["us"] = (MemberRole.Guarantor, "us"),
        ["monitor"] = (MemberRole.Monitor, null),
        ["observer"] = (MemberRole.Observer, null),
    };

    /// <summary>Canary text → who may see it (the visibility label of the item holding it).</summary>
    public static readonly IReadOnlyDictionary<string, string> Canaries = new Dictionary<string, string>
    {
        ["CANARY-RU-POSITION-NOTE"] = "party:ru",
        ["CANARY-UA-STATEMENT"] = "party:ua",
        ["CANARY-MEDIATOR-STATEMENT"] = "mediator",
        ["CANARY-US-PROPOSAL"] = "party:us",
        // The demo's private preference notes (party-private by default).
        ["Territory and guarantees first"] = "party:ua",
        ["Territory and keeping Ukraine out of NATO first"] = "party:ru",
        ["A deal first; guarantees that bind the US"] = "party:us",
    };

    /// <summary>True when <paramref name="member"/> may see an item labelled <paramref name="visibility"/> (the rule, restated from the design).</summary>
    public static bool MaySee(string member, string visibility) =>
        visibility == "shared" || member == "mediator" || (visibility.StartsWith("party:") && Members[member].Party == visibility[6..]);

    /// <summary>The canaries <paramref name="member"/> must never receive.</summary>
    public static IEnumerable<string> ForbiddenFor(string member) =>
        Canaries.Where(c => member is "anonymous" or "stranger" || !MaySee(member, c.Value)).Select(c => c.Key);

    public async Task InitializeAsync()
    {
        Factory = new ParleyFactory(await _database.CreateAsync());
        var admin = Factory.CreateClient();
        Clients["anonymous"] = Factory.Anonymous();
        Clients["stranger"] = Factory.ClientAs("stranger");
        foreach (var (name, (role, party)) in Members) Clients[name] = Factory.ClientAs("member-" + name, role, party);
        await Post(admin, "positions", new
        {
            id = "ru-private-redline", party = "ru", issue = "nuclear-plant", validFrom = "2025-12-14T00:00:00Z", visibility = "party:ru",
            stances = new Dictionary<string, string> { ["ua-us-venture"] = "redLine" }, note = "CANARY-RU-POSITION-NOTE",
        });
        await Post(admin, "statements", new { id = "ua-private", text = "CANARY-UA-STATEMENT", signatories = new[] { "ua" }, at = "2025-12-16T08:00:00Z", visibility = "party:ua" });
        await Post(admin, "statements", new { id = "mediator-note", text = "CANARY-MEDIATOR-STATEMENT", signatories = new[] { "us" }, at = "2025-12-16T08:30:00Z", visibility = "mediator" });
        await Post(admin, "proposals", new
        {
            id = "us-private-idea", author = "us", title = "CANARY-US-PROPOSAL", package = new Dictionary<string, string> { ["nuclear-plant"] = "us-led-trilateral" },
            addressees = new[] { "ua", "ru" }, created = "2025-12-14T12:00:00Z", visibility = "party:us",
        });
    }

    private static async Task Post(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/negotiations/{ParleyFactory.Demo}/{path}", body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DisposeAsync()
    {
        foreach (var c in Clients.Values) c.Dispose();
        await Factory.DisposeAsync();
        await _database.DropAsync();
    }
}
