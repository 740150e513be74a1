using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Access;

namespace Parley.Server.Tests.Access;

/// <summary>An administrator grants and revokes memberships through the API; nobody else can; each act is in the history.</summary>
public sealed class MembersApiTests : SqliteAppTest
{
    [Fact]
    public async Task Grant_ByAdministrator_OpensTheNegotiationToTheUser_AndRevokeClosesIt()
    {
        using var admin = Factory.CreateClient();
        using var lena = Factory.ClientAs("lena");
        Assert.Equal(HttpStatusCode.NotFound, (await lena.GetAsync("/api/negotiations/berlin-2025")).StatusCode);

        var granted = await admin.PutAsJsonAsync("/api/negotiations/berlin-2025/members/lena", new { role = "delegation", party = "ua" });
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lena.GetAsync("/api/negotiations/berlin-2025")).StatusCode);
        // Read again: now the cached negotiation remembers lena's membership, which the revocation must still end at once.
        Assert.Equal(HttpStatusCode.OK, (await lena.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
        var members = JsonNode.Parse(await admin.GetStringAsync("/api/negotiations/berlin-2025/members"))!.AsArray();
        Assert.Contains(members, m => m!["user"]!.GetValue<string>() == "lena" && m["party"]!.GetValue<string>() == "ua");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/negotiations/berlin-2025/members/lena")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lena.GetAsync("/api/negotiations/berlin-2025")).StatusCode);
        var history = await admin.GetStringAsync("/api/negotiations/berlin-2025/history");
        Assert.Contains("membership.granted", history);
        Assert.Contains("membership.revoked", history);
    }

    [Fact]
    public async Task Grant_ByAMediatorWhoIsNoAdministrator_IsForbidden_AndAnonymousUnauthorized()
    {
        using var mediator = Factory.ClientAs("plain-mediator", MemberRole.Mediator);
        Factory.ClientAs("lena").Dispose();
        var refused = await mediator.PutAsJsonAsync("/api/negotiations/berlin-2025/members/lena", new { role = "mediator" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync("/api/negotiations/berlin-2025/members")).StatusCode);
        using var anonymous = Factory.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/negotiations/berlin-2025/members")).StatusCode);
    }

    [Fact]
    public async Task AdministratorsTokenLimitedToOneNegotiation_GrantsNothing_AndCreatesNothing()
    {
        string secret;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            Factory.CreateClient().Dispose(); // the administrator exists
            secret = (await scope.ServiceProvider.GetRequiredService<Parley.Data.Access.TokenStore>()
                .CreateAsync(ParleyFactory.DefaultUser, "limited", "berlin-2025")).Secret;
        }
        using var limited = Factory.Anonymous();
        limited.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Factory.ClientAs("lena").Dispose();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await limited.PutAsJsonAsync("/api/negotiations/berlin-2025/members/lena", new { role = "observer" })).StatusCode);
        var yaml = "negotiation: {id: side-talks, title: Side talks}\nparties:\n  - {id: a, name: A, roles: [principal]}\n";
        Assert.Equal(HttpStatusCode.Forbidden,
            (await limited.PostAsync("/api/negotiations", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/api/negotiations/berlin-2025")).StatusCode); // still a member's key there
    }

    [Theory]
    [InlineData("{\"role\": \"king\"}", "role")]
    [InlineData("{\"role\": \"delegation\"}", "party")]
    [InlineData("{\"role\": \"observer\", \"party\": \"ua\"}", "party")]
    [InlineData("{\"role\": \"delegation\", \"party\": \"atlantis\"}", "party")]
    public async Task Grant_BadRoleOrParty_Is400NamingTheField(string body, string field)
    {
        using var admin = Factory.CreateClient();
        Factory.ClientAs("lena").Dispose();
        var response = await admin.PutAsync("/api/negotiations/berlin-2025/members/lena", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Grant_UnknownUser_Is404NamingTheUser()
    {
        using var admin = Factory.CreateClient();
        var response = await admin.PutAsJsonAsync("/api/negotiations/berlin-2025/members/nobody", new { role = "observer" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no user 'nobody'", await response.Content.ReadAsStringAsync());
    }
}
