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
}
