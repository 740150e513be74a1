using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Access;
using Parley.Server.Live;

namespace Parley.Server.Tests;

/// <summary>
/// A change stored through this node reaches, at once, the open pages whose viewer may see it, and no other: the app's
/// clock is a fake one that the test never advances, so the history watcher never looks and every signal heard here
/// comes from the commit itself.
/// </summary>
public sealed class LiveUpdatesTests : SqliteAppTest
{
    private readonly ConcurrentDictionary<string, int> _heard = new();

    private IDisposable[] Subscribe()
    {
        var changes = Factory.Services.GetRequiredService<NegotiationChanges>();
        var viewers = new Dictionary<string, Viewer>
        {
            ["ua"] = new("ua-page", MemberRole.Delegation, "ua"),
            ["ru"] = new("ru-page", MemberRole.Delegation, "ru"),
            ["mediator"] = new("mediator-page", MemberRole.Mediator, null),
            ["observer"] = new("observer-page", MemberRole.Observer, null),
        };
        return viewers.Select(v => changes.Subscribe("berlin-2025", () => v.Value, () =>
        {
            _heard.AddOrUpdate(v.Key, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        })).ToArray();
    }

    private string[] Heard()
    {
        var heard = _heard.Keys.Order(StringComparer.Ordinal).ToArray();
        _heard.Clear();
        return heard;
    }

    [Fact]
    public async Task ApiChanges_ReachAtOnceThePagesThatMaySeeThem_AndNoOthers()
    {
        var subscriptions = Subscribe();
        using var ru = Factory.ClientAs("ru-writer", MemberRole.Delegation, "ru");
        _ = Heard(); // the membership granted just now is a change of its own

        var position = await ru.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ru", issue = "nuclear-plant", validFrom = "2025-12-16T00:00:00Z", visibility = "party:ru",
            stances = new Dictionary<string, string> { ["ua-us-venture"] = "unacceptable" },
        });
        Assert.Equal(HttpStatusCode.Created, position.StatusCode);
        Assert.Equal(["mediator", "ru"], Heard());

        var statement = await ru.PostAsJsonAsync("/api/negotiations/berlin-2025/statements", new
        {
            id = "ru-live-statement", text = "Russia will study the text.", signatories = new[] { "ru" }, at = "2025-12-16T08:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, statement.StatusCode);
        Assert.Equal(["mediator", "observer", "ru", "ua"], Heard());

        // Refused: nothing stored, nobody told.
        var again = await ru.PostAsJsonAsync("/api/negotiations/berlin-2025/statements", new
        {
            id = "ru-live-statement", text = "Again.", signatories = new[] { "ru" }, at = "2025-12-16T08:05:00Z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Empty(Heard());
        foreach (var s in subscriptions) s.Dispose();
    }
}
