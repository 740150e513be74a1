using System.Net;
using System.Text;

namespace Parley.Server.Tests;

/// <summary>A hostile file sent to the API is refused with its position, and the server goes on serving.</summary>
public sealed class HostileInputTests : IAsyncLifetime
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
    public async Task ImportScenario_400KBOfNestedBrackets_Is400WithThePosition_AndTheServerLives()
    {
        using var client = _factory.CreateClient();
        var yaml = "negotiation: " + new string('[', 200_000) + new string(']', 200_000);

        var response = await client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("upload.yaml:1:", body);
        Assert.Contains("deep", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }
}
