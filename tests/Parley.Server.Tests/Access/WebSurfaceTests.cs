using System.Net;

namespace Parley.Server.Tests.Access;

/// <summary>What every response carries and what the server refuses before any handler: foreign hosts, framing, inline scripts.</summary>
public sealed class WebSurfaceTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;

    public async Task InitializeAsync() => _factory = new ParleyFactory(await _database.CreateAsync(), seedDemo: false);

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task Request_ForAHostNotConfigured_IsRefused()
    {
        using var client = _factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Host = "parley.attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode); // localhost is served
    }

    [Fact]
    public async Task EveryResponse_ForbidsFramingAndInlineScripts()
    {
        using var client = _factory.Anonymous();
        foreach (var path in new[] { "/account/sign-in", "/api/negotiations" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
        }
    }

    [Fact]
    public async Task Loopback_GetsNoStrictTransportSecurity_SoTheDemoRunsOnPlainHttp()
    {
        using var client = _factory.Anonymous();
        var response = await client.GetAsync("/account/sign-in");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
