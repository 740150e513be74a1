using System.Net;
using System.Text;

namespace Parley.Server.Tests;

/// <summary>The chart images of the drafts and guarantees pages, on the seeded Berlin demo (SQLite).</summary>
public sealed class ChartEndpointsTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;

    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await _database.CreateAsync());
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    private static (int Width, int Height) Png(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        return (BigEndian(png, 16), BigEndian(png, 20));
    }

    [Fact]
    public async Task Convergence_DemoDraft_IsA640By300Png()
    {
        var response = await Client.GetAsync("/charts/berlin-2025/drafts/berlin-framework/convergence.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((640, 300), Png(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Convergence_AfterASecondVersion_StillDraws()
    {
        var upload = await Client.PostAsync("/api/negotiations/berlin-2025/drafts/berlin-framework/versions?version=16%20Dec&date=2025-12-16",
            new StringContent("# Framework\n\n1. All agreed.\n", Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var response = await Client.GetAsync("/charts/berlin-2025/drafts/berlin-framework/convergence.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((640, 300), Png(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("/charts/berlin-2025/drafts/no-such-draft/convergence.png")]
    [InlineData("/charts/no-such-talks/drafts/berlin-framework/convergence.png")]
    [InlineData("/charts/no-such-talks/incidents.png")]
    public async Task Charts_UnknownNegotiationOrDraft_NotFound(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?asOf=2026-02-20")]
    public async Task Incidents_Demo_IsA760By360Png(string query)
    {
        var response = await Client.GetAsync("/charts/berlin-2025/incidents.png" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((760, 360), Png(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Incidents_BadAsOf_IsA400NamingTheField()
    {
        var response = await Client.GetAsync("/charts/berlin-2025/incidents.png?asOf=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf", await response.Content.ReadAsStringAsync());
    }
}
