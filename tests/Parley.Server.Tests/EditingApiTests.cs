using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data;
using Parley.Server.Components.Services;

namespace Parley.Server.Tests;

/// <summary>
/// The changes the web app's editing forms make — statements, proposals, withdrawals, scenario imports — through the
/// REST API and through the page service, on SQLite with the Berlin demo and the clock at 16 Dec 2025 09:00 UTC.
/// </summary>
public sealed class EditingApiTests : IAsyncLifetime
{
    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;
    private HttpClient _client = null!;

    private const string Harbour = """
        negotiation: {id: harbour-talks, title: Harbour access talks}
        parties:
          - {id: north, name: Northland, roles: [principal]}
          - {id: south, name: Southland, roles: [principal]}
        issues:
          - id: access
            title: Harbour access
            options: [{id: shared, label: Shared access}, {id: north-only, label: Northland only}]
        positions:
          - {party: north, issue: access, valid_from: 2025-12-01, stances: {shared: acceptable}}
        """;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await _database.CreateAsync());
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task AddStatement_Joint_IsStoredWithEverySignatory()
    {
        var created = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/statements", new
        {
            id = "joint-truce-call", text = "Kyiv and Berlin call for an energy truce.", signatories = new[] { "ua", "de" }, speaker = "zelenskiy",
            stances = new[] { new { issue = "ceasefire", option = "christmas-energy-truce", stance = "preferred" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var statements = (await Json(await _client.GetAsync("/api/negotiations/berlin-2025")))["statements"]!.AsArray();
        var stored = statements.Single(s => s!["id"]!.GetValue<string>() == "joint-truce-call")!;
        Assert.Equal(["ua", "de"], stored["signatories"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("2025-12-16T09:00:00+00:00", stored["at"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"id":"s1","text":"Hello.","signatories":["atlantis"]}""", "signatories[0]")]
    [InlineData("""{"id":"s1","text":"Hello.","signatories":["ua"],"speaker":"nobody"}""", "speaker")]
    [InlineData("""{"id":"s1","text":" ","signatories":["ua"]}""", "statement.text")]
    [InlineData("""{"id":"s1","text":"Hello.","signatories":[]}""", "statement.signatories")]
    public async Task AddStatement_Refused_Is400NamingTheField(string body, string field)
    {
        var response = await _client.PostAsync("/api/negotiations/berlin-2025/statements", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]![field]);
        var statements = (await Json(await _client.GetAsync("/api/negotiations/berlin-2025")))["statements"]!.AsArray();
        Assert.DoesNotContain(statements, s => s!["id"]!.GetValue<string>() == "s1");
    }

    [Fact]
    public async Task AddProposal_DeadlineAlreadyPassed_Is400NamingExpires()
    {
        var response = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals", new
        {
            id = "late-offer", author = "us", title = "Late offer", package = new Dictionary<string, string> { ["ceasefire"] = "christmas-energy-truce" },
            addressees = new[] { "ua", "ru" }, expires = "2025-12-10T12:00:00Z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]!["proposal.expires"]);
    }

    [Fact]
    public async Task Withdraw_OpenProposal_ClosesIt_AndASecondWithdrawalIsRefused()
    {
        var created = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals", new
        {
            id = "truce-offer", author = "us", title = "Truce offer", package = new Dictionary<string, string> { ["ceasefire"] = "christmas-energy-truce" },
            addressees = new[] { "ua", "ru" }, expires = "2025-12-20T12:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var withdrawn = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals/truce-offer/withdrawal", new { });
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);

        var status = await Json(await _client.GetAsync("/api/negotiations/berlin-2025/status"));
        var offer = status["proposals"]!.AsArray().Single(p => p!["proposal"]!.GetValue<string>() == "truce-offer")!;
        Assert.Equal("withdrawn", offer["state"]!.GetValue<string>());
        var again = await _client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals/truce-offer/withdrawal", new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.NotNull((await Json(again))["errors"]!["withdrawn"]);
    }

    [Fact]
    public async Task Import_BadScenario_Is400WithLineNumberedErrors_AndStoresNothing()
    {
        var bad = Harbour.Replace("{party: north", "{party: east");
        var response = await _client.PostAsync("/api/negotiations?fileName=harbour.yaml", new StringContent(bad, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("harbour.yaml:10:", (await Json(response))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/negotiations/harbour-talks")).StatusCode);
    }

    [Fact]
    public async Task WorkspaceImport_TheWebAppsPath_StoresRefusesAndReplacesLikeTheApi()
    {
        var workspace = _factory.Services.GetRequiredService<TalksWorkspace>();
        var user = await _factory.PrincipalAsync(ParleyFactory.DefaultUser);

        var bad = await workspace.ImportScenarioAsync(user, Harbour.Replace("2025-12-01", "2025-12-32"), "harbour.yaml", replace: false);
        Assert.Null(bad.Outcome);
        Assert.StartsWith("harbour.yaml:10:", Assert.Single(bad.Errors).ToString());
        Assert.DoesNotContain(await workspace.ListAsync(user), n => n.Id == "harbour-talks");

        var created = await workspace.ImportScenarioAsync(user, Harbour, "harbour.yaml", replace: false);
        Assert.Equal(ImportOutcome.Created, created.Outcome);
        var again = await workspace.ImportScenarioAsync(user, Harbour.Replace("Harbour access talks", "Second reading"), "harbour.yaml", replace: false);
        Assert.Equal(ImportOutcome.AlreadyExists, again.Outcome);
        Assert.Equal("Harbour access talks", (await workspace.LoadAsync("harbour-talks", (await workspace.ViewerAsync(user, "harbour-talks"))!))!.Title);
        var replaced = await workspace.ImportScenarioAsync(user, Harbour.Replace("Harbour access talks", "Second reading"), "harbour.yaml", replace: true);
        Assert.Equal(ImportOutcome.Replaced, replaced.Outcome);
        Assert.Equal("Second reading", (await workspace.LoadAsync("harbour-talks", (await workspace.ViewerAsync(user, "harbour-talks"))!))!.Title);
    }
}
