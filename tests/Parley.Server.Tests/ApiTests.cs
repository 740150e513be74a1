using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Server.Tests;

/// <summary>
/// The REST API as a script or the web app uses it, on a fresh app per test. The same tests run on SQLite and on
/// PostgreSQL (<see cref="SqliteApiTests"/>, <see cref="PostgresApiTests"/>).
/// </summary>
public abstract class ApiTests : IAsyncLifetime
{
    private ParleyFactory _factory = null!;

    /// <summary>A fresh, empty database for one test.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Drops what <see cref="CreateDatabaseAsync"/> made.</summary>
    protected abstract Task DropDatabaseAsync();

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await CreateDatabaseAsync());
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await DropDatabaseAsync();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task FirstStart_EmptyDatabase_LoadsTheBerlinDemo()
    {
        var list = await Json(await Client.GetAsync("/api/negotiations"));
        Assert.Contains(list.AsArray(), n => n!["id"]!.GetValue<string>() == "berlin-2025");
    }

    [Fact]
    public async Task Status_BerlinOn15December_TellsTheArticlesStory()
    {
        var status = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-15"));
        var share = status["agreedShare"]!.GetValue<double>();
        Assert.InRange(share, 0.85, 0.95);
        var territory = status["issues"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "territory")!;
        Assert.Equal("blocked", territory["status"]!.GetValue<string>());
        var blockers = territory["blockers"]!.AsArray().Select(b => b!["party"]!.GetValue<string>()).ToArray();
        Assert.Contains("ua", blockers);
        Assert.Contains("ru", blockers);
        Assert.Equal("territory", status["stickingPoints"]!.AsArray()[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task HomePage_Berlin_ShowsStatusTable()
    {
        var response = await Client.GetAsync("/?asOf=2025-12-15");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("Blocked", html);
        Assert.Contains("issues agreed", html);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheRoutes()
    {
        var doc = await Json(await Client.GetAsync("/openapi/v1.json"));
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Contains("/api/negotiations/{id}/status", paths);
        Assert.Contains("/api/negotiations/{id}/positions", paths);
    }

    [Fact]
    public async Task OpenApi_EveryApiOperation_DeclaresTheRefusals()
    {
        var doc = await Json(await Client.GetAsync("/openapi/v1.json"));
        var operations = (from path in doc["paths"]!.AsObject()
                          where path.Key.StartsWith("/api/", StringComparison.Ordinal)
                          from op in path.Value!.AsObject()
                          where op.Key is "get" or "post" or "put" or "patch" or "delete"
                          select (Name: $"{op.Key} {path.Key}", Responses: op.Value!["responses"]!.AsObject())).ToArray();

        Assert.True(operations.Length > 30, $"only {operations.Length} operations");
        Assert.Empty(from op in operations from status in new[] { "400", "404", "409" }
                     where !op.Responses.ContainsKey(status) select $"{op.Name} does not declare {status}");

        // Every endpoint group is in the document, so the check above covers it: each API route the app maps is
        // described (none excluded), and every group's tag appears.
        var described = operations.Select(op => op.Name.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var mapped = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            // As the document writes them: no trailing slash (a group's own route ""), no constraints ({index:long}).
            .Select(e => "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.Trim('/'), @"\{(\w+):[^}]*\}", "{$1}"))
            .Where(route => route.StartsWith("/api/", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.All(mapped, route => Assert.Contains(route, described));
        var tags = doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject()).SelectMany(op => op.Value!["tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Access", "Briefing", "Drafting", "Guarantees", "Negotiations", "Record", "Settlement", "Talks" }, tags);
    }

    [Theory]
    [InlineData("/api/negotiations/nope")]
    [InlineData("/api/negotiations/nope/status")]
    [InlineData("/api/negotiations/nope/scenario")]
    [InlineData("/api/negotiations/nope/history")]
    public async Task Get_UnknownNegotiation_Is404ProblemDetails(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Status_MalformedAsOf_Is400NamingTheField()
    {
        var response = await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=15.12.2025x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.NotNull(problem["errors"]!["asOf"]);
    }

    [Fact]
    public async Task RecordPosition_ChangesTheStatus_AndTheHistoryNamesTheActor()
    {
        // A new, independent issue nobody has agreed: Russia red-lines every option → Blocked.
        var add = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/issues", new
        {
            id = "test-issue", title = "A test issue", options = new[] { new { id = "a", label = "A" }, new { id = "b", label = "B" } },
        });
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var position = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ru", issue = "test-issue", validFrom = "2025-12-18T00:00:00Z",
            stances = new Dictionary<string, string> { ["a"] = "redLine", ["b"] = "unacceptable" },
        });
        Assert.Equal(HttpStatusCode.Created, position.StatusCode);

        var after = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-20"));
        var test = after["issues"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "test-issue")!;
        Assert.Equal("blocked", test["status"]!.GetValue<string>());
        var earlier = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-17"));
        Assert.NotEqual("blocked", earlier["issues"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "test-issue")!["status"]!.GetValue<string>());

        var history = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/history"));
        Assert.Contains(history.AsArray(), h => h!["actor"]!.GetValue<string>() == "test-mediator");
    }

    [Fact]
    public async Task RecordPosition_UnknownParty_Is400NamingTheField_AndStoresNothing()
    {
        var historyBefore = (await Json(await Client.GetAsync("/api/negotiations/berlin-2025/history"))).AsArray().Count;
        var response = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "atlantis", issue = "territory", stances = new Dictionary<string, string> { ["x"] = "acceptable" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains("atlantis", problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["party"]);
        var historyAfter = (await Json(await Client.GetAsync("/api/negotiations/berlin-2025/history"))).AsArray().Count;
        Assert.Equal(historyBefore, historyAfter);
    }

    [Fact]
    public async Task RecordPosition_OptionTheIssueLacks_Is400()
    {
        var response = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ua", issue = "territory", stances = new Dictionary<string, string> { ["no-such-option"] = "acceptable" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-option", (await Json(response))["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"party\": \"ua\", \"issue\": \"territory\", \"stances\": {\"freeze-line\": \"maybe\"}}")]
    [InlineData("{\"party\": \"ua\", \"issue\": \"territory\", \"stances\": {}}")]
    public async Task RecordPosition_MalformedBody_Is400NotA500(string body)
    {
        var response = await Client.PostAsync("/api/negotiations/berlin-2025/positions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RecordPosition_UnknownNegotiation_Is404()
    {
        var response = await Client.PostAsJsonAsync("/api/negotiations/nope/positions", new
        {
            party = "ua", issue = "territory", stances = new Dictionary<string, string> { ["a"] = "acceptable" },
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Import_BadScenario_Is400WithLineAndField_AndStoresNothing()
    {
        const string yaml = "negotiation:\n  id: broken\n  title: Broken\nparties:\n  - id: ua\n    name: Ukraine\n    roles: [principal]\n  - id: ua\n    name: Again\n    roles: [principal]\n";
        var response = await Client.PostAsync("/api/negotiations?fileName=broken.yaml", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains("broken.yaml:8", problem["detail"]!.GetValue<string>());
        // The one problem shape: every problem as {file, line, column, field, message, excerpt}.
        var first = Assert.Single(problem["problems"]!.AsArray())!;
        Assert.Equal(("broken.yaml", 8), (first["file"]!.GetValue<string>(), first["line"]!.GetValue<int>()));
        Assert.True(first["column"]!.GetValue<int>() > 0);
        Assert.NotEmpty(first["field"]!.GetValue<string>());
        Assert.NotEmpty(first["message"]!.GetValue<string>());
        Assert.Contains("id: ua", first["excerpt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/negotiations/broken")).StatusCode);
    }

    [Fact]
    public async Task Import_ExportedScenario_RoundTripsAndRefusesADuplicate()
    {
        var yaml = await Client.GetStringAsync("/api/negotiations/berlin-2025/scenario");
        var again = await Client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await Json(again))["errors"]!["negotiation.id"]);
        var replaced = await Client.PostAsync("/api/negotiations?replace=true", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        Assert.Equal(yaml, await Client.GetStringAsync("/api/negotiations/berlin-2025/scenario"));
    }

    [Fact]
    public async Task Respond_AfterDeadline_ShowsExpired_AndAnswerIsTooLate()
    {
        await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals", new
        {
            id = "test-offer", author = "us", title = "Test offer", package = new Dictionary<string, string> { ["test-issue"] = "a" },
            addressees = new[] { "ua" }, created = "2025-12-16T00:00:00Z", expires = "2025-12-17T00:00:00Z",
        });
        // The package names an issue that does not exist: refused, nothing stored.
        var proposals = (await Json(await Client.GetAsync("/api/negotiations/berlin-2025")))["proposals"]!.AsArray();
        Assert.DoesNotContain(proposals, p => p!["id"]!.GetValue<string>() == "test-offer");

        var issue = (await Json(await Client.GetAsync("/api/negotiations/berlin-2025")))["issues"]!.AsArray()[0]!;
        var option = issue["options"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var created = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals", new
        {
            id = "test-offer", author = "us", title = "Test offer", package = new Dictionary<string, string> { [issue["id"]!.GetValue<string>()] = option },
            addressees = new[] { "ua" }, created = "2025-12-16T00:00:00Z", expires = "2025-12-17T00:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/proposals/test-offer/responses", new
        {
            party = "ua", kind = "accept", at = "2025-12-17T00:00:00Z",
        });
        var status = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-17T00:00:00Z"));
        var offer = status["proposals"]!.AsArray().Single(p => p!["proposal"]!.GetValue<string>() == "test-offer")!;
        Assert.Equal("expired", offer["state"]!.GetValue<string>());
        var justBefore = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-16T23:59:59Z"));
        Assert.Equal("open", justBefore["proposals"]!.AsArray().Single(p => p!["proposal"]!.GetValue<string>() == "test-offer")!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Negotiation_IsGoneThen404()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/negotiations/berlin-2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/negotiations/berlin-2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync("/api/negotiations/berlin-2025")).StatusCode);
    }

    [Fact]
    public async Task Changes_Berlin14To15December_ListsIssuesAgreedInBerlin()
    {
        var changes = await Json(await Client.GetAsync("/api/negotiations/berlin-2025/changes?since=2025-12-14&asOf=2025-12-15"));
        Assert.Contains(changes["issues"]!.AsArray(), i => i!["after"]!.GetValue<string>() == "agreed");
    }

    [Theory]
    [InlineData("/api/negotiations/berlin-2025/changes?since=yesterday")]
    [InlineData("/api/negotiations/berlin-2025/changes?since=2025-12-16&asOf=2025-12-15")]
    public async Task Changes_BadSince_Is400NamingIt(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]!["since"]);
    }
}
