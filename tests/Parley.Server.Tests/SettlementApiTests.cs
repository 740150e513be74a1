using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Server.Tests;

/// <summary>The settlement of the stored Berlin demo over HTTP (SQLite; storage itself is tested on both providers).</summary>
public sealed class SettlementApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-settle-api-").FullName;
    private ParleyFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new ParleyFactory(Path.Combine(_folder, "parley.db"));
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Get(string url)
    {
        var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Choice(JsonNode point, string issue) => point["outcome"]![issue]!.GetValue<string>();

    [Fact]
    public async Task Settlement_BerlinDemo_FullResultForTheMediator()
    {
        var (status, body) = await Get("/api/negotiations/berlin-2025/settlement?asOf=2025-12-15");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["ua", "ru", "us"], body!["parties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(12, body["outcomes"]!.GetValue<long>());
        Assert.Equal(3, body["pareto"]!.AsArray().Count);
        Assert.Equal(3, body["pareto"]![0]!["utilities"]!.AsArray().Count);
        Assert.Equal("us-led-trilateral", Choice(body["nash"]!, "nuclear-plant"));
        Assert.Equal(20, body["fixed"]!.AsObject().Count);
        Assert.NotNull(body["reservations"]);
    }

    [Fact]
    public async Task Settlement_ForUkraine_OnlyPackagesAndItsOwnUtilities()
    {
        var (_, full) = await Get("/api/negotiations/berlin-2025/settlement?asOf=2025-12-15");
        var (status, body) = await Get("/api/negotiations/berlin-2025/settlement?asOf=2025-12-15&for=ua");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body!["redacted"]!.GetValue<bool>());
        Assert.Equal(["ua"], body["parties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.All(body["pareto"]!.AsArray(), p => Assert.Single(p!["utilities"]!.AsArray()));
        Assert.Equal(full!["nash"]!["utilities"]![0]!.GetValue<double>(), body["nash"]!["utilities"]![0]!.GetValue<double>());
        Assert.Null(body["reservations"]);
        Assert.Null(body["ideal"]);
        Assert.Null(body["opposition"]);
        var text = body.ToJsonString();
        Assert.DoesNotContain(full["nash"]!["utilities"]![1]!.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public async Task Settlement_TradesFromPreBerlinStance_NatoForGuarantees()
    {
        var (status, body) = await Get("/api/negotiations/berlin-2025/settlement?asOf=2025-12-13&from=nato=membership-path,guarantees=us-guarantee-conditional");

        Assert.Equal(HttpStatusCode.OK, status);
        var best = body!["trades"]![0]!;
        Assert.Equal("forgo-membership", best["moves"]!["nato"]!.GetValue<string>());
        Assert.Equal("article5-like", best["moves"]!["guarantees"]!.GetValue<string>());
        Assert.Equal("nato", best["concessions"]!["ua"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("for=cn", "for")]
    [InlineData("from=nato=nothing", "from")]
    [InlineData("asOf=2025-12-15&from=nato=membership-path", "from")]
    public async Task Settlement_BadParameter_ValidationProblemNamingIt(string query, string field)
    {
        var (status, body) = await Get($"/api/negotiations/berlin-2025/settlement?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]![field]);
    }

    [Fact]
    public async Task Settlement_UnknownNegotiation_NotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/api/negotiations/nothing/settlement")).Status);

    [Fact]
    public async Task Settlement_NegotiationWithoutProfiles_BadRequest()
    {
        var yaml = "negotiation: {id: bare, title: Bare}\nparties:\n  - {id: a, name: A, roles: [principal]}\nissues:\n  - {id: x, title: X, options: [{id: o, label: O}]}\n";
        var created = await _client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (status, body) = await Get("/api/negotiations/bare/settlement");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["preferences"]);
    }

    [Fact]
    public async Task WhatIf_UkraineLiftsDonetskRedLine_FrontierMoves()
    {
        var response = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/settlement/what-if",
            new { asOf = "2025-12-15", lift = new[] { "ua:territory=cede-donetsk" } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["gained"]!.GetValue<int>() > 0);
        Assert.Contains(body["after"]!["pareto"]!.AsArray(), p => Choice(p!, "territory") == "cede-donetsk");
        Assert.DoesNotContain(body["before"]!["pareto"]!.AsArray(), p => Choice(p!, "territory") == "cede-donetsk");
    }

    [Fact]
    public async Task WhatIf_MalformedRedLine_BadRequest()
    {
        var response = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/settlement/what-if", new { add = new[] { "territory" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("party:issue=option", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_BerlinDemo_KeepsThePreferences()
    {
        var yaml = await _client.GetStringAsync("/api/negotiations/berlin-2025/scenario");

        Assert.Contains("preferences:", yaml);
        Assert.Contains("party: ru", yaml);
    }
}
