using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Testing;

namespace Parley.Server.Tests;

/// <summary>The Guarantees API on the seeded Berlin demo, with the app's fake clock; SQLite and PostgreSQL.</summary>
public abstract partial class GuaranteesApiTests : IAsyncLifetime
{
    private ParleyFactory _factory = null!;
    private const string Api = "/api/negotiations/berlin-2025";

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await CreateDatabaseAsync());
        // The monitoring mission's account: the reviewer the history and the review steps name.
        Client = _factory.ClientAs("mission", administrator: true, role: Core.Access.MemberRole.Mediator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await DropDatabaseAsync();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<JsonNode> Commitment(string asOf, string id) =>
        (await Json(await Client.GetAsync($"{Api}/guarantees?asOf={asOf}")))["commitments"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task ExportDeleteImport_BerlinDemo_KeepsCommitmentsEventsAndIncidents()
    {
        var yaml = await Client.GetStringAsync($"{Api}/scenario");
        var incidents = await Client.GetStringAsync($"{Api}/incidents");
        var evaluation = await Client.GetStringAsync($"{Api}/guarantees?asOf=2026-02-12T00:00:00Z");
        Assert.Contains("\ncommitments:", yaml);
        Assert.Contains("\nincidents:", yaml);
        Assert.Contains("\"verified\"", incidents, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Api)).StatusCode);
        var imported = await Client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(incidents, await Client.GetStringAsync($"{Api}/incidents"));
        Assert.Equal(evaluation, await Client.GetStringAsync($"{Api}/guarantees?asOf=2026-02-12T00:00:00Z"));
        Assert.Equal(yaml, await Client.GetStringAsync($"{Api}/scenario"));
    }

    [Fact]
    public async Task Evaluate_BerlinDemo_StatesAtChosenInstants()
    {
        Assert.Equal("violated", (await Commitment("2026-01-10T00:00:00Z", "christmas-truce"))["state"]!.GetValue<string>());
        var respond = await Commitment("2026-02-12T00:00:00Z", "guarantee-respond");
        Assert.Equal("inEffect", respond["state"]!.GetValue<string>());
        var coalition = respond["duties"]!.AsArray().Single(d => d!["debtor"]!.GetValue<string>() == "coalition")!;
        Assert.Equal(36 * 3600, coalition["timeLeftSeconds"]!.GetValue<double>());
        Assert.Equal("violated", (await Commitment("2026-02-14T00:00:00Z", "guarantee-respond"))["state"]!.GetValue<string>());
        var breach = (await Commitment("2026-01-10T00:00:00Z", "christmas-truce"))["breaches"]!.AsArray().Single()!;
        Assert.Equal(2, breach["incidentIds"]!.AsArray().Count);
    }

    [Fact]
    public async Task Incident_IntakeReviewVerify_TriggersTheGuarantee_WithClockTimes()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var created = await Client.PostAsJsonAsync($"{Api}/incidents", new
        {
            id = "api-1", eventType = "Explosions/Remote violence", subEventType = "Air/drone strike", at = "2026-03-01T03:00:00Z",
            location = new { lat = 49.99, lon = 36.23, country = "Ukraine", admin1 = "Kharkiv" }, actors = new[] { "Military Forces of Russia (2000-)" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("reported", (await Json(created))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"{Api}/incidents/api-1/review", new { })).StatusCode);
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var verified = await Json(await Client.PostAsJsonAsync($"{Api}/incidents/api-1/verify", new { evidence = "imagery", responsibleParty = "ru" }));

        var last = verified["reviews"]!.AsArray()[^1]!;
        Assert.Equal("verified", last["state"]!.GetValue<string>());
        Assert.Equal("mission", last["reviewer"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), last["at"]!.GetValue<DateTimeOffset>());
        var consult = await Commitment("2026-03-01T12:00:00Z", "guarantee-consult");
        var duty = consult["duties"]!.AsArray().Last(d => d!["debtor"]!.GetValue<string>() == "us")!;
        Assert.Equal("api-1", duty["incidentIds"]!.AsArray()[0]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), duty["deadline"]!.GetValue<DateTimeOffset>());
        Assert.Equal(22 * 3600, duty["timeLeftSeconds"]!.GetValue<double>());
    }

    [Fact]
    public async Task Incident_Rejected_TriggersNothing()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await Client.PostAsJsonAsync($"{Api}/incidents", new { id = "api-2", eventType = "Battles", at = "2026-03-01T03:00:00Z", location = new { admin1 = "Sumy" } });
        await Client.PostAsJsonAsync($"{Api}/incidents/api-2/review", new { });
        var rejected = await Client.PostAsJsonAsync($"{Api}/incidents/api-2/reject", new { evidence = "no impact found" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var consult = await Commitment("2026-03-05T00:00:00Z", "guarantee-consult");
        Assert.DoesNotContain(consult["duties"]!.AsArray(), d => d!["triggeredBy"]!.GetValue<string>() == "api-2");
    }

    [Fact]
    public async Task Incident_BadInput_Is400NamingTheField()
    {
        var noTime = await Client.PostAsJsonAsync($"{Api}/incidents", new { eventType = "Battles", location = new { admin1 = "Sumy" } });
        var badLat = await Client.PostAsJsonAsync($"{Api}/incidents", new { eventType = "Battles", at = "2026-03-01T03:00:00Z", location = new { lat = 95.0, lon = 30.0 } });
        var verifyFirst = await Client.PostAsJsonAsync($"{Api}/incidents/ill-2026-02-10-kharkiv-assault-b/verify", new { responsibleParty = "ru" });
        var unknownParty = await Client.PostAsJsonAsync($"{Api}/incidents/ill-2026-02-10-kharkiv-assault-b/review", new { });
        var badAttribution = await Client.PostAsJsonAsync($"{Api}/incidents/ill-2026-02-10-kharkiv-assault-b/verify", new { responsibleParty = "atlantis" });

        Assert.Equal(HttpStatusCode.BadRequest, noTime.StatusCode);
        Assert.Contains("at", (await Json(noTime))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, badLat.StatusCode);
        Assert.Contains("location.latitude", (await Json(badLat))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, verifyFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownParty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAttribution.StatusCode);
        Assert.Contains("responsibleParty", (await Json(badAttribution))["errors"]!.AsObject().Select(e => e.Key));
        var missing = await Client.PostAsJsonAsync($"{Api}/incidents/nope/review", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);   // a refusal like the others: a problem naming the field
        Assert.Contains("incident", (await Json(missing))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task ListIncidents_Filtered_SortedAndPaged_WithTheTotalInAHeader()
    {
        var all = (await Json(await Client.GetAsync($"{Api}/incidents"))).AsArray().Select(n => n!).ToList();
        static string S(JsonNode n, string key) => n[key]?.ToString() ?? "";
        var expected = all.Where(n => S(n, "state").Equals("Verified", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n["start"]!.GetValue<DateTimeOffset>()).ThenByDescending(n => S(n, "id"), StringComparer.Ordinal).Select(n => S(n, "id")).ToList();
        var byRu = all.Where(n => n["reviews"]!.AsArray().Any(r => S(r!, "responsibleParty") == "ru")).Select(n => S(n, "id")).ToList();

        var kharkiv = all.Where(n => S(n, "admin1") == "Kharkiv").Select(n => S(n, "id")).ToList();
        var first = await Client.GetAsync($"{Api}/incidents?state=verified&sort=newest&limit=1");
        var second = await Client.GetAsync($"{Api}/incidents?state=verified&sort=newest&limit=1&offset=1");
        var region = await Client.GetAsync($"{Api}/incidents?region=KHARKIV");
        var ru = await Client.GetAsync($"{Api}/incidents?party=ru&asOf=2026-12-31");
        var week = await Client.GetAsync($"{Api}/incidents?from=2025-12-22&to=2025-12-28&q=odesa");

        Assert.True(expected.Count >= 2, "the demo has verified reports");
        Assert.Equal(2, kharkiv.Count);
        Assert.Equal(kharkiv, (await Json(region)).AsArray().Select(n => S(n!, "id")));
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal([expected[0]], (await Json(first)).AsArray().Select(n => S(n!, "id")));
        Assert.Equal([expected[1]], (await Json(second)).AsArray().Select(n => S(n!, "id")));
        Assert.NotEmpty(byRu);
        Assert.Equal(byRu, (await Json(ru)).AsArray().Select(n => S(n!, "id")));
        var odesa = (await Json(week)).AsArray().Select(n => n!).ToList();
        Assert.NotEmpty(odesa);
        Assert.All(odesa, n => Assert.Contains("odesa", n.ToJsonString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(all.Count(n => n["start"]!.GetValue<DateTimeOffset>() is var t && t >= new DateTimeOffset(2025, 12, 22, 0, 0, 0, TimeSpan.Zero)
            && t < new DateTimeOffset(2025, 12, 29, 0, 0, 0, TimeSpan.Zero) && n.ToJsonString().Contains("odesa", StringComparison.OrdinalIgnoreCase)), odesa.Count);
    }

    [Theory]
    [InlineData("state=lost", "state")]
    [InlineData("sort=upwards", "sort")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("from=2026-01-02&to=2026-01-01", "to")]
    [InlineData("party=atlantis", "party")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("asOf=2025-13-45", "asOf")]
    public async Task ListIncidents_BadValue_Is400NamingTheField(string query, string field)
    {
        var response = await Client.GetAsync($"{Api}/incidents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await Json(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task ListIncidents_TextLongerThan200_Is400NamingQ()
    {
        var response = await Client.GetAsync($"{Api}/incidents?q={new string('x', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("q", (await Json(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Import_Csv_RejectedRowsNamedByLine_RestStored()
    {
        var lines = File.ReadAllLines(TestData.Path("acled", "acled-ukraine-sample.csv"));
        var corrupted = lines.Take(11).ToArray();
        var fields = corrupted[3].Split(',');
        fields[3] = "31/02/2024 00:00:00";   // a date that does not exist, on line 4
        corrupted[3] = string.Join(',', fields);
        var response = await Client.PostAsync($"{Api}/incidents/import?format=acled", new StringContent(string.Join("\n", corrupted), Encoding.UTF8, "text/csv"));

        var body = await Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9, body["imported"]!.GetValue<int>());
        Assert.Equal(1, body["rejected"]!.GetValue<int>());
        Assert.Equal(4, body["errors"]!.AsArray()[0]!["line"]!.GetValue<int>());
        Assert.Equal("event_date", body["errors"]!.AsArray()[0]!["field"]!.GetValue<string>());
        var again = await Json(await Client.PostAsync($"{Api}/incidents/import?format=acled", new StringContent(string.Join("\n", corrupted), Encoding.UTF8, "text/csv")));
        Assert.Equal(0, again["imported"]!.GetValue<int>());
        Assert.Equal(10, again["rejected"]!.GetValue<int>());
        var missing = await Client.PostAsync($"{Api}/incidents/import?format=acled", new StringContent("id,foo\n1,2\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingProblems = (await Json(missing))["problems"]!.AsArray();
        Assert.Contains(missingProblems, p => p!["line"]!.GetValue<int>() == 1 && p["field"]!.GetValue<string>() == "event_date");
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PostAsync($"{Api}/incidents/import?format=xls", new StringContent("x"))).StatusCode);
    }

    [Fact]
    public async Task CommitmentEvents_SuspendAndResume_StopTheClock()
    {
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 11, 0, 0, 0, TimeSpan.Zero));
        var suspended = await Client.PostAsJsonAsync($"{Api}/commitments/guarantee-respond/events", new { action = "suspend", cause = "talks on a new line", at = "2026-02-11T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, suspended.StatusCode);
        var during = await Commitment("2026-02-11T06:00:00Z", "guarantee-respond");
        Assert.Equal("suspended", during["state"]!.GetValue<string>());
        Assert.Null(during["duties"]!.AsArray().Single(d => d!["debtor"]!.GetValue<string>() == "coalition")!["deadline"]);
        await Client.PostAsJsonAsync($"{Api}/commitments/guarantee-respond/events", new { action = "resume", cause = "resumed", at = "2026-02-12T00:00:00Z" });

        var after = await Commitment("2026-02-14T00:00:00Z", "guarantee-respond");
        Assert.Equal("inEffect", after["state"]!.GetValue<string>());   // the day suspended moved the deadline past the late answer
        Assert.All(after["duties"]!.AsArray(), d => Assert.Equal("fulfilled", d!["state"]!.GetValue<string>()));
        var bad = await Client.PostAsJsonAsync($"{Api}/commitments/guarantee-respond/events", new { cause = "neither" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var missing = await Client.PostAsJsonAsync($"{Api}/commitments/nope/events", new { action = "suspend" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("commitment", (await Json(missing))["errors"]!.AsObject().Select(e => e.Key));
    }
}

/// <summary>On a SQLite file.</summary>
public sealed class SqliteGuaranteesApiTests : GuaranteesApiTests
{
    private readonly SqliteApiDatabase _db = new();

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}

/// <summary>On PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGuaranteesApiTests(PostgresServer server) : GuaranteesApiTests
{
    private readonly PostgresApiDatabase _db = new(server);

    protected override Task<string> CreateDatabaseAsync() => _db.CreateAsync();

    protected override Task DropDatabaseAsync() => _db.DropAsync();
}
