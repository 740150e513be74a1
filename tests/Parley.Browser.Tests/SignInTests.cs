using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Parley.Core.Access;
using Parley.Data.Access;
using Parley.Server.Access;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>
/// Signing in, in headless Chromium: the password form, a passkey made and used through Chromium's virtual
/// authenticator, and the demo accounts. The pages are reached as <c>localhost</c>, not 127.0.0.1: WebAuthn refuses an
/// IP address as the relying party's id.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private BrowserApp _app = null!;
    private Chromium _browser = null!;

    public async Task InitializeAsync()
    {
        _browser = await Chromium.StartAsync();
        _app = await BrowserApp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_PasswordForm_LandsOnTheDashboard()
    {
        await CreateUserAsync("amira", MemberRole.Observer);
        var page = await _browser.NewUserAsync();

        await page.GotoAsync(Url("/"));
        await Expect(page).ToHaveURLAsync(Url("/account/sign-in?ReturnUrl=%2F"));
        Assert.Equal("", await SeriousAxeViolationsAsync(page));
        await SignInWithPasswordAsync(page, "amira", Password);

        await Expect(page).ToHaveURLAsync(Url("/"));
        await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndKeepsTheUserName()
    {
        await CreateUserAsync("amira", MemberRole.Observer);
        var page = await _browser.NewUserAsync();
        await page.GotoAsync(Url("/account/sign-in"));

        await SignInWithPasswordAsync(page, "amira", "not the password at all");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Wrong" })).ToHaveTextAsync("Wrong user name or password.");
        await Expect(page.GetByLabel("User name")).ToHaveValueAsync("amira");
        Assert.Equal("", await SeriousAxeViolationsAsync(page));
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task SignIn_Passkey_RegisteredOnTheAccountPageThenSignsIn()
    {
        await CreateUserAsync("amira", MemberRole.Observer);
        var page = await _browser.NewUserAsync();
        var webAuthn = await page.Context.NewCDPSessionAsync(page);
        await webAuthn.SendAsync("WebAuthn.enable");
        await webAuthn.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        // Signed in with the password, add a passkey.
        await page.GotoAsync(Url("/account"));
        await SignInWithPasswordAsync(page, "amira", Password);
        await Expect(page).ToHaveURLAsync(Url("/account"));
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("amira");
        await page.GetByLabel("Name of the new passkey").FillAsync("test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Passkey “test laptop” added.");
        await Expect(page.GetByTestId("passkeys")).ToContainTextAsync("test laptop");
        Assert.Equal("", await SeriousAxeViolationsAsync(page));
        await Screenshots.SaveAsync(page, "account");

        // Signed out, back in with the passkey alone.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(); // the header's, on every page
        await Expect(page).ToHaveURLAsync(Url("/account/sign-in"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Url("/"));
        await page.GotoAsync(Url("/account"));
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("amira");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task SignIn_DemoAccounts_ListsSixAndOneClickSignsInAsUkraine()
    {
        var page = await _browser.NewUserAsync();
        await page.GotoAsync(Url("/account/sign-in"));

        var demo = page.GetByRole(AriaRole.Region, new() { Name = "Demo accounts" });
        await Expect(demo.GetByRole(AriaRole.Link)).ToHaveCountAsync(6);
        await Expect(demo.GetByRole(AriaRole.Link)).ToHaveTextAsync(DemoAccounts.All.Select(a => a.Label).ToArray());
        Assert.Equal("", await SeriousAxeViolationsAsync(page));
        await Screenshots.SaveAsync(page, "sign-in");

        await demo.GetByRole(AriaRole.Link, new() { Name = "Ukraine's delegation" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Url("/"));
        await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 20_000 });
        await Screenshots.SaveAsync(page);
        // A link on an interactive page leads to the account page as the server renders it (it needs the request).
        await page.EvaluateAsync("() => { const a = document.createElement('a'); a.href = '/account'; a.textContent = 'Your account'; a.id = 'test-account-link'; document.querySelector('footer').append(a); }");
        await page.Locator("#test-account-link").ClickAsync();
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("ua");
        await Expect(page.Locator("main")).ToHaveAttributeAsync("data-interactive", "false");
        await Expect(page.GetByTestId("memberships")).ToContainTextAsync("berlin-2025: delegation for ua");
    }

    [Fact]
    public async Task SignIn_ApiToken_CreatedOnTheAccountPageShownOnceThenRevoked()
    {
        await CreateUserAsync("amira", MemberRole.Observer);
        var page = await _browser.NewUserAsync();
        await page.GotoAsync(Url("/account"));
        await SignInWithPasswordAsync(page, "amira", Password);

        await page.GetByLabel("Token name").FillAsync("nightly export");
        await page.GetByLabel("Reaches").SelectOptionAsync(new SelectOptionValue { Label = "only berlin-2025" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a token" }).ClickAsync();
        var secret = await page.GetByTestId("new-token-secret").InputValueAsync();
        Assert.StartsWith(TokenStore.Prefix, secret);
        await Expect(page.GetByTestId("tokens")).ToContainTextAsync("nightly export");
        Assert.Equal("", await SeriousAxeViolationsAsync(page));
        await Screenshots.SaveAsync(page);

        using var api = new HttpClient { BaseAddress = _app.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/negotiations/berlin-2025")).StatusCode);

        await page.GotoAsync(Url("/account"));
        await Expect(page.GetByTestId("new-token-secret")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the token nightly export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/negotiations/berlin-2025")).StatusCode);
    }

    /// <summary>The app's address for <paramref name="path"/>, by the name <c>localhost</c>.</summary>
    private string Url(string path) => new UriBuilder(_app.Address) { Host = "localhost" }.Uri + path.TrimStart('/');

    /// <summary>Fills in and sends the sign-in page's password form.</summary>
    private static async Task SignInWithPasswordAsync(IPage page, string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private async Task CreateUserAsync(string name, MemberRole role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>();
        var created = await users.CreateAsync(new ParleyUser { UserName = name }, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await scope.ServiceProvider.GetRequiredService<MembershipStore>().GrantAsync(DemoAccounts.Negotiation, name, role, null, "test-setup");
    }

    private static async Task<string> SeriousAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return string.Join("\n", result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
    }
}
