using System.Net;
using System.Net.Http.Json;
using Parley.Core.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// The server keeps each negotiation, and what each kind of viewer sees of it, in memory between requests: one party's
/// view, read first, must never be what another party is served next.
/// </summary>
public sealed class CachedViewsTests : SqliteAppTest
{
    [Fact]
    public async Task PrivateStatement_ReadFirstByItsParty_IsNotServedToTheOtherParty_FromTheSameMemory()
    {
        using var ua = Factory.ClientAs("cache-ua", MemberRole.Delegation, "ua");
        using var ru = Factory.ClientAs("cache-ru", MemberRole.Delegation, "ru");
        using var us = Factory.ClientAs("cache-us", MemberRole.Guarantor, "us");
        var created = await ua.PostAsJsonAsync("/api/negotiations/berlin-2025/statements",
            new { id = "ua-private-note", text = "Only for Kyiv's eyes.", signatories = new[] { "ua" }, visibility = "party:ua" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Ukraine reads first, so its view is the one kept; then Russia and a guarantor read the same version.
        Assert.Contains("ua-private-note", await ua.GetStringAsync("/api/negotiations/berlin-2025"));
        var russia = await ru.GetStringAsync("/api/negotiations/berlin-2025");
        var guarantor = await us.GetStringAsync("/api/negotiations/berlin-2025");
        var russiaExport = await ru.GetStringAsync("/api/negotiations/berlin-2025/scenario");

        Assert.DoesNotContain("ua-private-note", russia);
        Assert.DoesNotContain("ua-private-note", guarantor);
        Assert.DoesNotContain("ua-private-note", russiaExport);
        Assert.Contains("ua-private-note", await ua.GetStringAsync("/api/negotiations/berlin-2025/scenario"));
    }

    [Fact]
    public async Task MembershipRevokedByAnotherProgramOnTheSameFile_IsRefusedAtTheNextRequest()
    {
        using var ua = Factory.ClientAs("elsewhere-ua", MemberRole.Delegation, "ua");
        const string status = "/api/negotiations/berlin-2025/status";
        // Read twice: the negotiation, the membership and the head are all remembered now.
        Assert.Equal(HttpStatusCode.OK, (await ua.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ua.GetAsync(status)).StatusCode);

        // The parley command (another connection, as another process would) revokes the membership.
        await using (var db = Data.ParleyDatabase.Open(DatabasePath))
            Assert.True(await new Data.Access.MembershipStore(db, TimeProvider.System).RevokeAsync(ParleyFactory.Demo, "elsewhere-ua", "cli"));

        Assert.Equal(HttpStatusCode.NotFound, (await ua.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ua.GetAsync("/api/negotiations/berlin-2025")).StatusCode);
    }

    [Fact]
    public async Task ViewsCarriedFromVersionToVersion_EachPartyGainsOnlyWhatItMaySee()
    {
        using var ua = Factory.ClientAs("carry-ua", MemberRole.Delegation, "ua");
        using var ru = Factory.ClientAs("carry-ru", MemberRole.Delegation, "ru");
        // Both parties' views are kept; each new version then scopes only what was added since, onto the kept view.
        for (var k = 1; k <= 3; k++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ua.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ru.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
            var (writer, party) = k % 2 == 1 ? (ua, "ua") : (ru, "ru");
            var created = await writer.PostAsJsonAsync("/api/negotiations/berlin-2025/statements",
                new { id = $"carried-{party}-{k}", text = "Private.", signatories = new[] { party }, visibility = $"party:{party}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var shared = await writer.PostAsJsonAsync("/api/negotiations/berlin-2025/statements",
                new { id = $"carried-shared-{k}", text = "For the table.", signatories = new[] { party } });
            Assert.Equal(HttpStatusCode.Created, shared.StatusCode);
        }

        var ukraine = await ua.GetStringAsync("/api/negotiations/berlin-2025");
        var russia = await ru.GetStringAsync("/api/negotiations/berlin-2025");
        Assert.Equal(["carried-ua-1", "carried-ua-3"], Carried(ukraine, "carried-ua-"));
        Assert.Empty(Carried(ukraine, "carried-ru-"));
        Assert.Equal(["carried-ru-2"], Carried(russia, "carried-ru-"));
        Assert.Empty(Carried(russia, "carried-ua-"));
        Assert.Equal(["carried-shared-1", "carried-shared-2", "carried-shared-3"], Carried(russia, "carried-shared-"));
        Assert.Equal(["carried-shared-1", "carried-shared-2", "carried-shared-3"], Carried(ukraine, "carried-shared-"));
    }

    private static string[] Carried(string json, string prefix) =>
        System.Text.RegularExpressions.Regex.Matches(json, $"\"({prefix}[a-z0-9-]+)\"").Select(m => m.Groups[1].Value)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
}
