using System.Net;

namespace Parley.Server.Tests.Operations;

/// <summary>
/// <c>GET /metrics</c> (Prometheus) when an operator turns it on: request timings and the engines' timings, for instance
/// administrators only, unless the operator opens it to anyone.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory? _factory;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    private async Task<ParleyFactory> StartAsync(bool allowAnonymous) =>
        _factory = new ParleyFactory(await _database.CreateAsync(), settings: new Dictionary<string, string>
        {
            ["Parley:Metrics:Prometheus"] = "true",
            ["Parley:Metrics:AllowAnonymous"] = allowAnonymous.ToString(),
        });

    [Fact]
    public async Task Metrics_ForAnAdministrator_ShowRequestAndStatusTimings()
    {
        var app = await StartAsync(allowAnonymous: false);
        using var administrator = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);

        var metrics = await administrator.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("parley_computation_duration_seconds_bucket", text);
        Assert.Contains("parley_computation=\"status\"", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.DoesNotContain("Ukraine", text); // timings and counts, no negotiation data
    }

    [Fact]
    public async Task Metrics_ForAnonymousCallersAndMembers_AreRefused_ByDefault()
    {
        var app = await StartAsync(allowAnonymous: false);
        using var anyone = app.Anonymous();
        using var observer = app.ClientAs("metrics-observer", Core.Access.MemberRole.Observer);

        var anonymous = await anyone.GetAsync("/metrics");
        var member = await observer.GetAsync("/metrics");

        // Not signed in: sent to sign in (as every page is); signed in without being an administrator: forbidden.
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Found });
        Assert.DoesNotContain("http_server_request_duration", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await member.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_OpenedByTheOperator_AnswerAnyone()
    {
        var app = await StartAsync(allowAnonymous: true);
        using var anyone = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/healthz")).StatusCode); // a request to count

        var metrics = await anyone.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await metrics.Content.ReadAsStringAsync());
    }
}
