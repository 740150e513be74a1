using System.Net;
using System.Text;

namespace Parley.Server.Tests.Drafting;

// Drafts travel in the negotiation's scenario file: export, delete, import gives every version back.
public abstract partial class DraftingApiTests
{
    private const string Negotiation = "/api/negotiations/berlin-2025";

    [Fact]
    public async Task ExportDeleteImport_BerlinWithASecondVersion_KeepsEveryVersionAndItsText()
    {
        Assert.Equal(HttpStatusCode.Created, (await Upload("berlin-framework", "version=16%20Dec&date=2025-12-16&author=ua", NextDay())).StatusCode);
        var yaml = await Client.GetStringAsync($"{Negotiation}/scenario");
        var versions = await Client.GetStringAsync($"{Berlin}/versions");
        Assert.Contains("\ndrafts:\n  - id: berlin-framework\n", yaml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Negotiation)).StatusCode);
        var imported = await Client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(versions, await Client.GetStringAsync($"{Berlin}/versions"));
        Assert.Equal(NextDay(), await Client.GetStringAsync($"{Berlin}/versions/16%20Dec"));
        Assert.Equal(yaml, await Client.GetStringAsync($"{Negotiation}/scenario"));
    }

    [Fact]
    public async Task Upload_LinkToAnIssueTheNegotiationDoesNotHave_Is400OnText_AndStoresNothing()
    {
        var before = await HistoryCount();

        var response = await Upload("berlin-framework", "version=links", "## Plant <!-- issue: plant -->\n\nThe plant [#us US: is run by the US].\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains("1:10: unknown issue 'plant'", problem["errors"]!["text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await HistoryCount());
    }
}
