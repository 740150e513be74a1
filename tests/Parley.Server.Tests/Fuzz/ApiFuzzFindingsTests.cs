using System.Net;
using System.Text;
using Parley.Core.Access;

namespace Parley.Server.Tests.Fuzz;

/// <summary>Requests the API fuzzing found answered with a 500, cut down to their cause: now a 4xx naming what is wrong.</summary>
public sealed class ApiFuzzFindingsTests : SqliteAppTest
{
    [Fact]
    public async Task Response_KindGivenAsANumber_Is400_AndTheScenarioStillExports()
    {
        using var client = Factory.ClientAs("fuzz-mediator", MemberRole.Mediator);

        // Before: -1 was bound as an undefined ResponseKind, stored, and every export of the negotiation was a 500.
        var response = await client.PostAsync("/api/negotiations/berlin-2025/proposals/us-28-point-plan/responses",
            new StringContent("{\"party\": \"ua\", \"kind\": -1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/scenario")).StatusCode);
    }

    [Fact]
    public async Task Statement_JsonDeclaredAsUtf7_Is415NamingContentType()
    {
        using var client = Factory.ClientAs("fuzz-mediator", MemberRole.Mediator);

        var response = await client.PostAsync("/api/negotiations/berlin-2025/statements",
            new StringContent("{}", Encoding.UTF8, "application/json") { Headers = { ContentType = new("application/json") { CharSet = "utf-7" } } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Content-Type", body);
        Assert.Contains("utf-7", body);
    }
}
