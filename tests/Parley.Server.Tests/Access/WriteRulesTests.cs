using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Parley.Server.Tests.Access;

/// <summary>
/// What a member may record beyond its role: a delegation acts for its own party only, labels items it can read back,
/// and cannot use a write to learn that a hidden item exists; a guarantor records its own performance only; the history
/// names the signed-in member.
/// </summary>
public sealed class WriteRulesTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string Berlin = "/api/negotiations/" + ParleyFactory.Demo;

    private async Task<(HttpStatusCode Status, string Body)> Post(string caller, string path, object body)
    {
        var response = await fixture.Clients[caller].PostAsJsonAsync($"{Berlin}/{path}", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static object Position(string party, string visibility = "shared") => new
    {
        party, issue = "nato", validFrom = "2025-12-16T08:00:00Z", visibility,
        stances = new Dictionary<string, string> { ["forgo-membership"] = "unacceptable" },
    };

    [Fact]
    public async Task Delegation_RecordingForAnotherParty_IsForbiddenNamingTheField()
    {
        var (status, body) = await Post("ua", "positions", Position("ru"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("\"party\"", body);
        (status, body) = await Post("ua", "statements", new { id = "forged", text = "Moscow agrees.", signatories = new[] { "ru" } });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("signatories", body);
        (status, _) = await Post("ua", "proposals/us-28-point-plan/responses", new { party = "ru", kind = "accept" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _) = await Post("ua", "proposals/us-28-point-plan/withdrawal", new { });
        Assert.Equal(HttpStatusCode.Forbidden, status); // the US's proposal
    }

    [Fact]
    public async Task Delegation_LabellingAnItemForAnotherPartyOrTheMediator_IsForbidden()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Post("ua", "positions", Position("ua", "party:ru"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post("ua", "positions", Position("ua", "mediator"))).Status);
    }

    [Fact]
    public async Task Delegation_CitingAHiddenProposal_IsToldItIsUnknown_AsIfItDidNotExist()
    {
        var (status, body) = await Post("ua", "statements", new
        {
            id = "probe", text = "On the plan.", signatories = new[] { "ua" },
            stances = new[] { new { stance = "acceptable", proposal = "us-private-idea" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown proposal 'us-private-idea'", body);
        var (missing, missingBody) = await Post("ua", "statements", new
        {
            id = "probe-2", text = "On the plan.", signatories = new[] { "ua" },
            stances = new[] { new { stance = "acceptable", proposal = "no-such-proposal" } },
        });
        Assert.Equal(status, missing);
        static string Detail(string json) => JsonNode.Parse(json)!["detail"]!.GetValue<string>();
        Assert.Equal(Detail(body).Replace("us-private-idea", "X"), Detail(missingBody).Replace("no-such-proposal", "X"));
    }

    [Fact]
    public async Task Guarantor_RecordsItsOwnPerformanceOnly()
    {
        var (status, body) = await Post("us", "commitments/christmas-truce/events", new { action = "suspend", cause = "we say so" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("action", body);
        (status, body) = await Post("us", "commitments/christmas-truce/events", new { performed = "consult", party = "de", cause = "for Germany" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("party", body);
    }

    [Fact]
    public async Task Delegation_OwnPosition_IsStoredAndTheHistoryNamesTheMember()
    {
        var (status, body) = await Post("ua", "positions", Position("ua", "party:ua"));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        var history = JsonNode.Parse(await fixture.Clients["ua"].GetStringAsync($"{Berlin}/history"))!.AsArray();
        var entry = history.Last(h => h!["itemId"]!.GetValue<string>() == id)!;
        Assert.Equal("member-ua", entry["actor"]!.GetValue<string>());
        Assert.Equal("party:ua", entry["visibility"]!.GetValue<string>());
        // Russia's delegation reads no trace of it.
        Assert.DoesNotContain(id, await fixture.Clients["ru"].GetStringAsync($"{Berlin}/history"));
    }
}
