using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// A token the server has just recalled from its cache is still checked for expiry on every request; the status answer's
/// "now" (shared by the requests of one millisecond) is never before the request.
/// </summary>
public sealed class ApiTokenTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;

    public async Task InitializeAsync() => _factory = new ParleyFactory(await _database.CreateAsync());

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task Token_ExpiringWhileRemembered_IsRefusedFromItsExpiry()
    {
        using var admin = _factory.CreateClient(); // creates the default user and its token
        string secret;
        using (var scope = _factory.Services.CreateScope())
            (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenStore>()
                .CreateAsync(ParleyFactory.DefaultUser, "short-lived", expires: _factory.Clock.GetUtcNow().AddMilliseconds(500));
        using var client = _factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMilliseconds(400)); // still remembered (read < 1 s ago) and still valid
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromMilliseconds(100)); // still remembered, now expired
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }

    [Fact]
    public async Task Status_Now_IsRoundedUpToTheMillisecond_NeverBeforeTheRequest()
    {
        using var client = _factory.CreateClient();
        _factory.Clock.Advance(TimeSpan.FromTicks(3_000)); // 0.3 ms past a whole second
        var now = _factory.Clock.GetUtcNow();
        var asOf = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/negotiations/berlin-2025/status"))!["asOf"]!
            .GetValue<DateTimeOffset>();
        Assert.True(asOf >= now, $"{asOf:O} is before the request at {now:O}");
        Assert.Equal(now.AddTicks(10_000 - 3_000), asOf);
        // A second request in the same millisecond gets the same instant; one later, its own.
        Assert.Contains(asOf.ToString("HH:mm:ss.fff"), await client.GetStringAsync("/api/negotiations/berlin-2025/status"));
        _factory.Clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Contains("09:00:00.006", await client.GetStringAsync("/api/negotiations/berlin-2025/status"));
    }

    [Fact]
    public async Task Token_OfTheWrongShape_IsRefused()
    {
        using var client = _factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "parley_" + new string('x', 120));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }
}
