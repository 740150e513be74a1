using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Core.Drafting;
using Parley.Core.Formats.Drafting;
using Parley.Server.Drafting;
using Parley.Application.Drafting;

namespace Parley.Server.Tests.Drafting;

/// <summary>
/// The drafting routes on the seeded Berlin demo (draft <c>berlin-framework</c>, version "15 Dec"), a fresh app per test,
/// on SQLite and on PostgreSQL (<see cref="SqliteDraftingApiTests"/>, <see cref="PostgresDraftingApiTests"/>).
/// </summary>
public abstract partial class DraftingApiTests : IAsyncLifetime
{
    private const string Drafts = "/api/negotiations/berlin-2025/drafts";
    private const string Berlin = Drafts + "/berlin-framework";
    private ParleyFactory _factory = null!;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await CreateDatabaseAsync());
        Client = _factory.ClientAs("test-drafter", Core.Access.MemberRole.Mediator, administrator: true);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await DropDatabaseAsync();
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private Task<HttpResponseMessage> Upload(string draft, string query, string text, string mediaType = "text/markdown") =>
        Client.PostAsync($"{Drafts}/{draft}/versions?{query}", new StringContent(text, Encoding.UTF8, mediaType));

    /// <summary>The demo draft with the plant resolved to the Ukrainian alternative: what a later day's version looks like.</summary>
    private static string NextDay()
    {
        var text = BerlinDraftSeed.Markdown();
        int start = text.IndexOf("[#us-led-trilateral", StringComparison.Ordinal);
        int venture = text.IndexOf("[#ua-us-venture UA: ", StringComparison.Ordinal);
        int end = text.IndexOf("].", venture, StringComparison.Ordinal);
        var kept = text[(venture + "[#ua-us-venture UA: ".Length)..text.IndexOf(']', venture)];
        return text[..start] + kept + text[(end + 1)..];
    }

    [Fact]
    public async Task ListDrafts_Demo_HoldsTheBerlinFrameworkOn15December()
    {
        var drafts = (await Json(await Client.GetAsync(Drafts))).AsArray();

        var berlin = drafts.Single(d => d!["draft"]!.GetValue<string>() == "berlin-framework")!;
        var version = berlin["versions"]!.AsArray().Single()!;
        Assert.Equal("15 Dec", version["version"]!.GetValue<string>());
        Assert.Equal("2025-12-15", version["date"]!.GetValue<string>());
        Assert.Equal("us", version["author"]!.GetValue<string>());
        Assert.Equal(BerlinDraftSeed.Markdown().Length, version["characters"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stats_DemoDraft_IsTheJsonOfTheCliStatsCommand()
    {
        var api = await Json(await Client.GetAsync($"{Berlin}/versions/15%20dec/stats"));
        var cli = JsonNode.Parse(JsonSerializer.Serialize(
            DraftJson.Stats("berlin-framework/15 Dec", DraftParser.Parse(BerlinDraftSeed.Markdown())), DraftJson.Options))!;

        Assert.True(JsonNode.DeepEquals(cli, api), api.ToJsonString());
        Assert.Equal(7, api["opens"]!.GetValue<int>());
        Assert.Empty(api["problems"]!.AsArray());
        foreach (var key in new[] { "topLevel", "maxDepth", "optionLabels", "words", "agreedWords", "agreedShare" }) Assert.NotNull(api[key]);
    }

    [Fact]
    public async Task Source_LatestVersion_IsTheTextAsUploaded()
    {
        var response = await Client.GetAsync($"{Berlin}/versions/latest");

        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(BerlinDraftSeed.Markdown(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadNextVersion_DiffAndConvergence_ShowThePlantBracketsGone()
    {
        var created = await Upload("berlin-framework", "version=16%20Dec&date=2025-12-16&author=ua", NextDay());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        Assert.Equal(4, body["stats"]!["opens"]!.GetValue<int>());

        var diff = await Json(await Client.GetAsync($"{Berlin}/diff"));
        Assert.Equal("15 Dec", diff["old"]!.GetValue<string>());
        Assert.Equal("16 Dec", diff["new"]!.GetValue<string>());
        Assert.Equal(7, diff["opensBefore"]!.GetValue<int>());
        Assert.Equal(4, diff["opensAfter"]!.GetValue<int>());
        Assert.Equal(1, diff["bracketsAccepted"]!.GetValue<int>());
        Assert.Equal(2, diff["bracketsDeleted"]!.GetValue<int>());

        var series = (await Json(await Client.GetAsync($"{Berlin}/convergence"))).AsArray();
        Assert.Equal(["15 Dec", "16 Dec"], series.Select(p => p!["label"]!.GetValue<string>()));
        Assert.True(series[1]!["agreedShare"]!.GetValue<double>() > series[0]!["agreedShare"]!.GetValue<double>());

        var history = (await Json(await Client.GetAsync("/api/negotiations/berlin-2025/history"))).AsArray();
        var entry = history.Last()!;
        Assert.Equal("draft.version-added", entry["action"]!.GetValue<string>());
        Assert.Equal("test-drafter", entry["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task UploadDocx_AsMultipartForm_IsImportedWithItsBrackets()
    {
        using var docx = new MemoryStream();
        DocxDraftExporter.Export(DraftParser.Parse(BerlinDraftSeed.Markdown()), docx);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(docx.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue(DraftUpload.DocxType);
        form.Add(file, "file", "framework.docx");
        form.Add(new StringContent("word-1"), "version");
        form.Add(new StringContent("2025-12-17"), "date");

        var response = await Client.PostAsync($"{Drafts}/from-word/versions", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stats = (await Json(response))["stats"]!;
        Assert.Equal(7, stats["opens"]!.GetValue<int>());
        Assert.Equal(3, stats["parties"]!.AsArray().Count);
        var versions = (await Json(await Client.GetAsync($"{Drafts}/from-word/versions"))).AsArray();
        Assert.Equal("markdown", versions.Single()!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task RenderClean_AfterThePlantIsAgreed_KeepsTheAgreedAlternativeAndDropsTheRest()
    {
        var agreement = await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/agreements", new
        {
            id = "plant-agreed", issue = "nuclear-plant", option = "ua-us-venture", parties = new[] { "ua", "ru", "us" }, at = "2025-12-16T12:00:00Z",
        });
        Assert.Equal(HttpStatusCode.Created, agreement.StatusCode);

        var before = await Client.GetAsync($"{Berlin}/versions/latest/render?to=md&asOf=2025-12-15");
        var after = await Client.GetAsync($"{Berlin}/versions/latest/render?to=md&asOf=2025-12-16");
        var clean = await (await Client.GetAsync($"{Berlin}/versions/latest/render?to=clean&asOf=2025-12-16")).Content.ReadAsStringAsync();

        Assert.Equal("0", before.Headers.GetValues("X-Parley-Resolved").Single());
        Assert.Contains("[#ua-us-venture UA:", await before.Content.ReadAsStringAsync());
        Assert.Equal("1", after.Headers.GetValues("X-Parley-Resolved").Single());
        var text = await after.Content.ReadAsStringAsync();
        Assert.Contains("operated by a joint venture owned in equal shares", text);
        Assert.DoesNotContain("us-led-trilateral", text);
        Assert.Contains("[#freeze-line UA:", text);
        Assert.DoesNotContain("[", clean);
        Assert.Contains("operated by a joint venture owned in equal shares", clean);
        Assert.DoesNotContain("Working draft of the mediator", clean);
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("docx", DraftUpload.DocxType)]
    public async Task Render_OtherFormats_AreServedWithTheirMediaType(string to, string mediaType)
    {
        var response = await Client.GetAsync($"{Berlin}/versions/15%20Dec/render?to={to}&asOf=2025-12-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (to == "docx")
        {
            var import = DocxDraftImporter.Import(new MemoryStream(bytes));
            Assert.Equal(7, DraftParser.Parse(import.Markdown!).Metrics.Opens);
        }
        else
        {
            Assert.Contains("data-parties=\"UA\"", Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public async Task AgreedShare_ByText_RisesWhenThePlantIsAgreed()
    {
        var on15 = await Json(await Client.GetAsync($"{Berlin}/agreed-share?asOf=2025-12-15"));
        Assert.Equal("15 Dec", on15["version"]!.GetValue<string>());
        Assert.InRange(on15["asWritten"]!.GetValue<double>(), 0.7, 0.9);
        Assert.Equal(on15["asWritten"]!.GetValue<double>(), on15["resolved"]!.GetValue<double>());
        var plant = on15["issues"]!.AsArray().Single(i => i!["issue"]!.GetValue<string>() == "nuclear-plant")!;
        Assert.Null(plant["agreedOption"]);

        await Client.PostAsJsonAsync("/api/negotiations/berlin-2025/agreements", new
        {
            id = "plant-agreed", issue = "nuclear-plant", option = "ua-us-venture", parties = new[] { "ua", "ru", "us" }, at = "2025-12-16T12:00:00Z",
        });
        var on16 = await Json(await Client.GetAsync($"{Berlin}/agreed-share?asOf=2025-12-16"));

        Assert.True(on16["resolved"]!.GetValue<double>() > on16["asWritten"]!.GetValue<double>());
        Assert.Equal(1, on16["bracketsResolved"]!.GetValue<int>());
        plant = on16["issues"]!.AsArray().Single(i => i!["issue"]!.GetValue<string>() == "nuclear-plant")!;
        Assert.Equal("ua-us-venture", plant["agreedOption"]!.GetValue<string>());
        Assert.Equal(1.0, plant["resolved"]!.GetValue<double>());
    }

    [Fact]
    public async Task AgreedShare_BeforeTheFirstVersionWasTabled_Is404()
    {
        var response = await Client.GetAsync($"{Berlin}/agreed-share?asOf=2025-12-01");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheDraftingRoutes()
    {
        var doc = await Json(await Client.GetAsync("/openapi/v1.json"));
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();

        Assert.Contains("/api/negotiations/{id}/drafts/{draft}/versions", paths);
        Assert.Contains("/api/negotiations/{id}/drafts/{draft}/versions/{version}/render", paths);
        Assert.Contains("/api/negotiations/{id}/drafts/{draft}/agreed-share", paths);
    }
}
