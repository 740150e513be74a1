using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Access;
using Parley.Data.Access;

namespace Parley.Server.Tests.Access;

/// <summary>
/// Signing in with a password through the sign-in page's form, as a browser does it: the page's antiforgery token and
/// cookie, the form POST, the Identity cookie. Lockout, the rate limit, antiforgery and the return URL.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private const string User = "amira";
    private const string Password = "correct horse battery";

    private readonly SqliteApiDatabase _database = new();
    private ParleyFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new ParleyFactory(await _database.CreateAsync());
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var created = await users.CreateAsync(new ParleyUser { UserName = User }, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<MembershipStore>().GrantAsync(ParleyFactory.Demo, User, MemberRole.Observer, null, "test-setup");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DropAsync();
    }

    [Fact]
    public async Task PasswordSignIn_RightPassword_SetsTheCookieAndTheApiAnswers()
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
        var token = await AntiforgeryTokenAsync(browser);

        var response = await PostPasswordAsync(browser, token, User, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("parley=", StringComparison.Ordinal));
        var negotiations = await browser.GetAsync("/api/negotiations");
        Assert.Equal(HttpStatusCode.OK, negotiations.StatusCode);
        Assert.Contains(ParleyFactory.Demo, await negotiations.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PasswordSignIn_WrongPassword_SaysWrongUserNameOrPasswordAndSetsNoCookie()
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser);

        var wrongPassword = await PostPasswordAsync(browser, token, User, "not the password at all");
        var noSuchUser = await PostPasswordAsync(browser, token, "nobody-here", Password);

        // The same answer whether the user exists or not.
        Assert.Equal("/account/sign-in?error=wrong&user=amira", wrongPassword.Headers.Location?.OriginalString);
        Assert.Equal("/account/sign-in?error=wrong&user=nobody-here", noSuchUser.Headers.Location?.OriginalString);
        Assert.Contains("Wrong user name or password.", await browser.GetStringAsync(wrongPassword.Headers.Location));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
    }

    [Fact]
    public async Task PasswordSignIn_FiveWrongPasswords_LockTheAccountAgainstTheRightOne()
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser);
        for (var k = 1; k <= 4; k++)
            Assert.Contains("error=wrong", (await PostPasswordAsync(browser, token, User, $"wrong password {k}")).Headers.Location?.OriginalString);
        Assert.Contains("error=locked", (await PostPasswordAsync(browser, token, User, "wrong password 5")).Headers.Location?.OriginalString);

        var sixth = await PostPasswordAsync(browser, token, User, Password);

        Assert.Equal("/account/sign-in?error=locked&user=amira", sixth.Headers.Location?.OriginalString);
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("parley=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
        Assert.Contains("This account is locked after 5 failed sign-ins. Try again in 15 minutes", await browser.GetStringAsync(sixth.Headers.Location));
    }

    [Fact]
    public async Task PasswordSignIn_EleventhPostWithinAMinute_Is429()
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser);
        for (var k = 1; k <= 10; k++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostPasswordAsync(browser, token, $"guess-{k}", "a wrong password")).StatusCode);

        var eleventh = await PostPasswordAsync(browser, token, User, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
    }

    [Fact]
    public async Task PasswordSignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        var browser = Browser();
        await AntiforgeryTokenAsync(browser); // the antiforgery cookie is there; the form's token is not

        var response = await PostPasswordAsync(browser, token: null, User, Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish", "/")]
    [InlineData("//evil.example/phish", "/")]
    [InlineData("/\\evil.example/phish", "/")]
    [InlineData("/negotiations/berlin-2025", "/negotiations/berlin-2025")]
    public async Task PasswordSignIn_ReturnUrl_OnlyALocalOneIsFollowed(string returnUrl, string expected)
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser, returnUrl);

        var response = await PostPasswordAsync(browser, token, User, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithTheToken_EndsTheSession()
    {
        var browser = Browser();
        await PostPasswordAsync(browser, await AntiforgeryTokenAsync(browser), User, Password);
        var accountPage = await browser.GetStringAsync("/account");
        Assert.Contains(">amira</strong>", accountPage);

        var response = await browser.PostAsync("/account/sign-out", Form(("__RequestVerificationToken", TokenIn(accountPage))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
    }

    [Fact]
    public async Task PasskeyRequestOptions_TokenInTheHeader_GivesAChallengeAndWithoutItIsRefused()
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser);

        var without = await browser.PostAsync("/account/passkey/request-options", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkey/request-options") { Headers = { { "X-CSRF-TOKEN", token } } };
        var with = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal("application/json", with.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"challenge\"", await with.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}")]
    public async Task PasskeySignIn_BadCredential_SaysThePasskeyWasNotAccepted(string credential)
    {
        var browser = Browser();
        var token = await AntiforgeryTokenAsync(browser);
        using var options = new HttpRequestMessage(HttpMethod.Post, "/account/passkey/request-options") { Headers = { { "X-CSRF-TOKEN", token } } };
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(options)).StatusCode);

        var response = await browser.PostAsync("/account/passkey/sign-in",
            Form(("__RequestVerificationToken", token), ("Credential", credential), ("ReturnUrl", "/negotiations/berlin-2025")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in?error=passkey&ReturnUrl=%2Fnegotiations%2Fberlin-2025", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/negotiations")).StatusCode);
    }

    [Fact]
    public async Task PasskeyCreationOptions_SignedInByApiToken_IsRefused()
    {
        // A token limited to one negotiation must not become a passkey, i.e. a full sign-in.
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkey/creation-options") { Headers = { { "X-CSRF-TOKEN", TokenIn(page) } } };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Create a token", page);
    }

    [Fact]
    public async Task PasskeyCreationOptions_SignedInByCookie_GivesOptionsForTheUser()
    {
        var browser = Browser();
        await PostPasswordAsync(browser, await AntiforgeryTokenAsync(browser), User, Password);
        var page = await browser.GetStringAsync("/account");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkey/creation-options") { Headers = { { "X-CSRF-TOKEN", TokenIn(page) } } };

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"amira\"", await response.Content.ReadAsStringAsync());
    }

    /// <summary>A client that keeps cookies and does not follow redirects, with no API token: a browser.</summary>
    private HttpClient Browser()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Opens the sign-in page (which sets the antiforgery cookie) and returns the token of its forms.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string? returnUrl = null)
    {
        var page = await browser.GetAsync("/account/sign-in" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return TokenIn(await page.Content.ReadAsStringAsync());
    }

    private static string TokenIn(string html) =>
        WebUtility.HtmlDecode(TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("The page has no antiforgery token."));

    private static Task<HttpResponseMessage> PostPasswordAsync(HttpClient browser, string? token, string user, string password, string? returnUrl = null)
    {
        var fields = new List<(string, string)> { ("UserName", user), ("Password", password) };
        if (token is not null) fields.Add(("__RequestVerificationToken", token));
        if (returnUrl is not null) fields.Add(("ReturnUrl", returnUrl));
        return browser.PostAsync("/account/sign-in/password", Form([.. fields]));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
