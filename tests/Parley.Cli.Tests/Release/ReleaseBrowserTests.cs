using Microsoft.Playwright;
using Parley.Browser.Tests;
using Parley.Cli.Tests.Crash;
using static Microsoft.Playwright.Assertions;

namespace Parley.Cli.Tests.Release;

/// <summary>
/// The published <c>parley serve</c> in a real browser (headless Chromium, as the browser tests drive it): the page is
/// styled by the app's stylesheet, a demo account signs in with one click, and the dashboard runs interactively (its
/// Blazor circuit connected through the published <c>blazor.web.js</c>) with the Berlin demo's figures. Here, not in
/// Parley.Browser.Tests, so that it runs on the one Release build the release tests make.
/// </summary>
[Trait("Category", "Release")]
[Collection(ReleaseCollection.Name)]
public sealed class ReleaseBrowserTests(ReleaseBuild build)
{
    [Fact]
    public async Task PublishedServe_InChromium_StyledSignInThenInteractiveBerlinDashboard()
    {
        var data = build.Scratch($"browser-{Guid.NewGuid():N}");
        await using var server = await ServerProcess.StartPublishedAsync(Path.Combine(build.Published, "parley"), data,
            Path.Combine(data, "parley.db"), Path.Combine(data, "record-key.pem"), TimeSpan.FromMinutes(2));
        await using var browser = await Chromium.StartAsync();
        var page = await browser.NewUserAsync();

        await page.GotoAsync(new Uri(server.Address, "/").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        // app.css is applied: the page background is its --bg (#f4f5f7), not the browser's white.
        Assert.Equal("rgb(244, 245, 247)", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));

        var demo = page.GetByRole(AriaRole.Region, new() { Name = "Demo accounts" });
        await demo.GetByRole(AriaRole.Link, new() { Name = "The mediator", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(server.Address, "/").ToString());

        await page.GotoAsync(new Uri(server.Address, "/?asOf=2025-12-15").ToString());
        await page.Locator("main[data-interactive=true]").WaitForAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("20 of 22 issues agreed");
        Assert.False(server.HasExited, server.Output);
    }
}
