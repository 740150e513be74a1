using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Parley.Core.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The settlement, the one read over every private profile: a delegation gets its own party's redacted view and
/// nothing from which another party's preferences or a hidden agreement could be read; other roles get none.
/// </summary>
public sealed class SettlementAccessTests : SqliteAppTest
{
    private const string Settlement = "/api/negotiations/berlin-2025/settlement";
    [Fact]
    public async Task Delegation_GetsItsOwnRedactedView_AndNoOtherPartysFigures()
    {
        using var ua = Factory.ClientAs("kyiv", MemberRole.Delegation, "ua");
        var json = JsonNode.Parse(await ua.GetStringAsync(Settlement))!.AsObject();
        Assert.Equal(["ua"], json["parties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(json["redacted"]!.GetValue<bool>());
        Assert.Null(json["acceptable"]);
        foreach (var key in new[] { "reservations", "ideal", "opposition", "trades" }) Assert.False(json.ContainsKey(key), key);
        Assert.All(json["pareto"]!.AsArray(), p => Assert.Single(p!["utilities"]!.AsArray()));

        Assert.Equal(HttpStatusCode.Forbidden, (await ua.GetAsync(Settlement + "?for=ru")).StatusCode);
        var probe = await ua.PostAsJsonAsync(Settlement + "/what-if", new { lift = new[] { "ru:territory=freeze-line" } });
        Assert.Equal(HttpStatusCode.Forbidden, probe.StatusCode);
        var own = await ua.PostAsJsonAsync(Settlement + "/what-if", new { lift = new[] { "ua:territory=cede-donetsk" } });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain("reservations", await own.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(MemberRole.Observer, null)]
    [InlineData(MemberRole.Monitor, null)]
    [InlineData(MemberRole.Guarantor, "us")]
    public async Task OtherRoles_HaveNoSettlement(MemberRole role, string? party)
    {
        using var client = Factory.ClientAs("someone", role, party);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Settlement)).StatusCode);
    }

    [Fact]
    public async Task AgreementKeptFromADelegation_FixesNothingInWhatItIsShown()
    {
        using var mediator = Factory.CreateClient();
        var agreed = await mediator.PostAsJsonAsync("/api/negotiations/berlin-2025/agreements", new
        {
            id = "quiet-plant-deal", issue = "nuclear-plant", option = "us-led-trilateral", parties = new[] { "ua", "ru", "us" },
            at = "2025-12-15T12:00:00Z", visibility = "mediator",
        });
        Assert.Equal(HttpStatusCode.Created, agreed.StatusCode);

        var full = JsonNode.Parse(await mediator.GetStringAsync(Settlement + "?asOf=2025-12-16"))!;
        Assert.Equal("us-led-trilateral", full["fixed"]!["nuclear-plant"]!.GetValue<string>());
        using var ua = Factory.ClientAs("kyiv", MemberRole.Delegation, "ua");
        var redacted = JsonNode.Parse(await ua.GetStringAsync(Settlement + "?asOf=2025-12-16"))!;
        Assert.Null(redacted["fixed"]!["nuclear-plant"]);
        Assert.Contains(redacted["pareto"]!.AsArray(), p => p!["outcome"]!["nuclear-plant"]!.GetValue<string>() != "us-led-trilateral");
    }
}
