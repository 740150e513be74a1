using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Guarantees;
using Parley.Data.Drafting;

namespace Parley.Server.Tests;

/// <summary><c>POST …/commitments</c>: a commitment made from an agreed provision of a stored draft, as the drafts page makes one.</summary>
public abstract partial class GuaranteesApiTests
{
    /// <summary>The 1-based numbers of the agreed provisions (paragraphs with no bracket) and of a bracketed one, in the demo's "15 Dec".</summary>
    private async Task<(int Agreed, int Bracketed, string Text)> ProvisionsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var version = (await scope.ServiceProvider.GetRequiredService<DraftStore>().LoadVersionAsync("berlin-2025", "berlin-framework", "15 Dec"))!;
        var doc = version.Document;
        var agreed = Enumerable.Range(0, doc.Provisions.Count).First(k => ProvisionSource.IsAgreed(doc, k));
        var bracketed = doc.Brackets.First().Provision;
        var p = doc.Provisions[agreed];
        return (agreed + 1, bracketed + 1, doc.Text[p.Start..p.End].Trim());
    }

    private static object Truce(int number, string id = "api-truce", object? extra = null) => new
    {
        id, kind = "prohibition", title = "Truce on the Dnipro crossings", bound = new[] { "ru", "ua" },
        area = new { admin1 = new[] { "Kherson" } },
        rules = new[] { new { id = "fire", event_types = new[] { "Battles", "Explosions/Remote violence" } } },
        provision = extra ?? new { draft = "berlin-framework", version = "15 Dec", number },
    };

    [Fact]
    public async Task AddCommitment_FromAnAgreedProvision_IsEvaluatedAndExportedWithItsText()
    {
        var (agreed, _, text) = await ProvisionsAsync();
        var response = await Client.PostAsJsonAsync($"{Api}/commitments", Truce(agreed));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var made = (await Json(response))["commitments"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "api-truce")!;
        Assert.Equal("Truce on the Dnipro crossings", made["title"]!.GetValue<string>());
        var yaml = await Client.GetStringAsync($"{Api}/scenario");
        Assert.Contains("id: api-truce", yaml);
        Assert.Contains($"number: {agreed}", yaml);
        Assert.Contains(text.Split(' ').Take(6).Aggregate((a, b) => a + " " + b), yaml.ReplaceLineEndings(" ").Replace("  ", " "));
        // The same id again is a conflict of ids, refused on the field.
        var again = await Client.PostAsJsonAsync($"{Api}/commitments", Truce(agreed));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("\"id\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AddCommitment_BracketedProvision_Refused400AndNothingStored()
    {
        var (_, bracketed, _) = await ProvisionsAsync();
        var response = await Client.PostAsJsonAsync($"{Api}/commitments", Truce(bracketed));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bracketed", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("api-truce", await Client.GetStringAsync($"{Api}/scenario"));
    }

    [Fact]
    public async Task AddCommitment_BadCommitmentFields_EachProblemNamedByItsField()
    {
        var (agreed, _, _) = await ProvisionsAsync();
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Truce(agreed)))!.AsObject();
        body["kind"] = "promise";
        body["bound"] = new JsonArray();
        var response = await Client.PostAsync($"{Api}/commitments", JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response))["errors"]!.AsObject();
        Assert.Contains("kind", errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("""{"id":"x","kind":"prohibition"}""", "provision")]
    [InlineData("""{"id":"x","provision":{"draft":"berlin-framework","version":"15 Dec","number":0}}""", "provision.number")]
    [InlineData("""{"id":"x","provision":{"draft":"berlin-framework","version":"15 Dec","number":3,"text":"mine"}}""", "provision.text")]
    [InlineData("""[1, 2]""", "body")]
    public async Task AddCommitment_ProvisionMissingOrMalformed_400OnTheField(string body, string field)
    {
        var response = await Client.PostAsync($"{Api}/commitments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await Json(response))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AddCommitment_UnknownDraftVersion_404()
    {
        var response = await Client.PostAsJsonAsync($"{Api}/commitments", Truce(1, extra: new { draft = "berlin-framework", version = "1 Jan", number = 1 }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
