using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Data.Access;

namespace Parley.Server.Tests.Access;

// The sign-in cookie is read once a second, not once a request (RecentTickets); what it let in before must still hold:
// only the exact cookie is accepted, and a changed security stamp still ends the session once Identity's interval passed.
public sealed partial class SignInTests
{
    [Fact]
    public async Task Cookie_ReadMomentsAgo_AnAlteredCopyIsStillRefused()
    {
        var cookie = await SignInCookieAsync();
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.OK, (await Send(client, cookie)).StatusCode);

        var last = cookie.Length - 5; // change one character inside the protected text, and cut it short
        var altered = cookie[..last] + (cookie[last] == 'A' ? 'B' : 'A') + cookie[(last + 1)..];
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, altered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, cookie[..^1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, cookie)).StatusCode);
    }

    [Fact]
    public async Task Cookie_AfterTheUsersSecurityStampChanged_IsRefusedOnceTheCheckIntervalPassed()
    {
        var cookie = await SignInCookieAsync();
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.OK, (await Send(client, cookie)).StatusCode);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByNameAsync(User))!)).Succeeded); // "sign out everywhere"
        }
        var interval = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        _factory.Clock.Advance(interval / 2);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, cookie)).StatusCode); // Identity checks the stamp only after its interval
        _factory.Clock.Advance(interval);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, cookie)).StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/negotiations");
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    // Signs in with the password form and returns the sign-in cookie as a Cookie header sends it ("parley=…").
    private async Task<string> SignInCookieAsync()
    {
        var browser = Browser();
        var response = await PostPasswordAsync(browser, await AntiforgeryTokenAsync(browser), User, Password);
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parley=", StringComparison.Ordinal));
        return set[..set.IndexOf(';')];
    }
}
