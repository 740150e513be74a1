using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// A token the server has just recalled from its cache is still checked for expiry on every request; the status answer's
/// "now" (shared by the requests of one millisecond) is never before the request.
/// </summary>
public sealed class ApiTokenTests : SqliteAppTest
{
    [Fact]
    public async Task Token_ExpiringWhileRemembered_IsRefusedFromItsExpiry()
    {
        using var admin = Factory.CreateClient(); // creates the default user and its token
        string secret;
        using (var scope = Factory.Services.CreateScope())
            (_, secret) = await scope.ServiceProvider.GetRequiredService<TokenStore>()
                .CreateAsync(ParleyFactory.DefaultUser, "short-lived", expires: Factory.Clock.GetUtcNow().AddMilliseconds(500));
        using var client = Factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMilliseconds(400)); // still remembered (read < 1 s ago) and still valid
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMilliseconds(100)); // still remembered, now expired
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }

    [Fact]
    public async Task Status_Now_IsRoundedUpToTheMillisecond_NeverBeforeTheRequest()
    {
        using var client = Factory.CreateClient();
        Factory.Clock.Advance(TimeSpan.FromTicks(3_000)); // 0.3 ms past a whole second
        var now = Factory.Clock.GetUtcNow();
        var asOf = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/negotiations/berlin-2025/status"))!["asOf"]!
            .GetValue<DateTimeOffset>();
        Assert.True(asOf >= now, $"{asOf:O} is before the request at {now:O}");
        Assert.Equal(now.AddTicks(10_000 - 3_000), asOf);
        // A second request in the same millisecond gets the same instant; one later, its own.
        Assert.Contains(asOf.ToString("HH:mm:ss.fff"), await client.GetStringAsync("/api/negotiations/berlin-2025/status"));
        Factory.Clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Contains("09:00:00.006", await client.GetStringAsync("/api/negotiations/berlin-2025/status"));
    }

    [Fact]
    public async Task Token_OfTheWrongShape_IsRefused()
    {
        using var client = Factory.CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "parley_" + new string('x', 120));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }
}
