using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The Talks dashboard and issue page as a mediator uses them, in headless Chromium.</summary>
public sealed class TalksPagesTests : BrowserTest
{
    [Fact]
    public async Task Dashboard_Berlin15December_ShowsNinetyPercentAgreedAndTerritoryBlocked()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/?asOf=2025-12-15", "mediator");

        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("20 of 22 issues agreed");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("91 %");
        // Agreed share by text: the Berlin framework's figures as the Drafting API computes them for the same day.
        var api = await page.APIRequest.GetAsync(new Uri(App.Address, "/api/negotiations/berlin-2025/drafts/berlin-framework/agreed-share?asOf=2025-12-15").ToString());
        var shares = System.Text.Json.JsonDocument.Parse(await api.TextAsync()).RootElement;
        var byText = page.GetByTestId("agreed-by-text");
        await Expect(byText).ToContainTextAsync("berlin-framework");
        await Expect(byText).ToContainTextAsync(Percent(shares.GetProperty("asWritten").GetDouble()) + " of the words");
        if (shares.GetProperty("bracketsResolved").GetInt32() > 0)
            await Expect(byText).ToContainTextAsync(Percent(shares.GetProperty("resolved").GetDouble()) + " once the issues agreed");
        else
            await Expect(byText).ToContainTextAsync("none of its brackets is on an issue agreed by then");
        var territory = page.Locator(".sticking > li[data-issue=territory]");
        await Expect(territory).ToContainTextAsync("Blocked");
        await Expect(territory).ToContainTextAsync("red line of Ukraine");
        await Expect(page.Locator(".sticking > li").First).ToHaveAttributeAsync("data-issue", "territory");
        // Red lines are marked in words in the matrix, not by colour alone.
        await Expect(page.Locator("tbody[data-issue=territory] .stance-redline").First).ToContainTextAsync("red line");
        // The trend chart is a real image, drawn by the server.
        var chartWidth = await page.Locator(".chart img").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0");
        Assert.Equal(640, chartWidth);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task IssuePage_Territory_ShowsItsProvisionsOfTheDraftWithEachPartysAlternative()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/issues/territory?asOf=2025-12-15", "mediator");

        // Article 9 of the Berlin framework is tagged with the territory issue; its four alternatives are linked to the
        // issue's options and tabled by Ukraine, the US, Russia and the US, and Russia.
        var provisions = page.GetByTestId("linked-provisions");
        await Expect(provisions).ToContainTextAsync("Article 9");
        await Expect(provisions).ToContainTextAsync("the line of contact on the day of signature");
        await Expect(provisions.Locator("li", new() { HasText = "9bis" }).First).ToBeVisibleAsync();
        var options = provisions.Locator(".provision-options li");
        await Expect(options).ToHaveCountAsync(4);
        await Expect(options.First).ToContainTextAsync("Ukraine");
        await Expect(provisions.Locator("mark[title='tabled by Russia']").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Position_ChangedInOneBrowser_AppearsInTheOtherWithoutReload()
    {
        var watcher = await Browser.NewUserAsync();
        await OpenAsync(watcher, "/negotiations/berlin-2025", "mediator");
        var plant = watcher.Locator(".sticking > li[data-issue=nuclear-plant]");
        await Expect(plant).ToContainTextAsync("Open");
        await watcher.EvaluateAsync("() => window.parleyNotReloaded = true");

        // Ukraine's delegation records Ukraine's position: its party is preselected and locked.
        var editor = await Browser.NewUserAsync();
        await OpenAsync(editor, "/negotiations/berlin-2025/issues/nuclear-plant", "ua");
        await Expect(editor.Locator("#pos-party")).ToHaveValueAsync("ua");
        await Expect(editor.Locator("#pos-party")).ToBeDisabledAsync();
        await editor.Locator("#pos-stance-iaea-split-ua-ru").SelectOptionAsync("Acceptable");
        await ClickUntilAsync(editor.GetByRole(AriaRole.Button, new() { Name = "Record position" }), editor.GetByRole(AriaRole.Status));
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Recorded: Ukraine");

        // Ukraine can now live with the 28-point plan's option, which Russia prefers and the US accepts.
        await Expect(plant).ToContainTextAsync("Converging");
        await Expect(plant).ToContainTextAsync("Acceptable to every principal");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.parleyNotReloaded === true"), "the watcher's page was reloaded");
        await Screenshots.SaveAsync(editor, "editor");
        await Screenshots.SaveAsync(watcher);
    }

    [Fact]
    public async Task Edits_BrokenRules_ShowInlineMessagesAndStoreNothing()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/issues/ceasefire", "mediator");

        // A position with no stance at all: the model refuses it.
        await page.Locator("#pos-party").SelectOptionAsync("ru");
        foreach (var option in new[] { "on-withdrawal", "on-signing", "christmas-energy-truce" })
            await page.Locator($"#pos-stance-{option}").SelectOptionAsync("");
        await ClickUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record position" }), page.Locator("#pos-error"));
        await Expect(page.Locator("#pos-error")).ToContainTextAsync("states no stance");
        await Expect(page.Locator(".position-form fieldset")).ToHaveAttributeAsync("aria-invalid", "true");

        // An answer dated before the offer was made: the negotiation's rules refuse it.
        var offer = page.Locator("li[data-proposal=christmas-truce]");
        await offer.Locator("#resp-at-christmas-truce").FillAsync("2025-12-01");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Record answer" }).ClickAsync();
        await Expect(offer.GetByRole(AriaRole.Alert)).ToContainTextAsync("dated before the proposal");

        // Still the page, not an error page; nothing was stored.
        await Expect(page.Locator("h1")).ToContainTextAsync("Ceasefire");
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(offer.Locator(".answers")).ToHaveTextAsync("Answers: Ukraine accepted 15 Dec 2025");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Keyboard_TabFromTheTop_ReachesTheAsOfPickerAndReplaysADay()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/", "mediator");

        var tabs = 0;
        while (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "as-of")
        {
            Assert.True(++tabs <= 12, "the as-of picker is not within 12 Tab presses of the top of the page");
            await page.Keyboard.PressAsync("Tab");
        }
        // Type the date as a keyboard user does (month, day, year in an en-US browser), Tab on to Show, press Enter.
        await page.Keyboard.TypeAsync("12022025");
        for (var k = 0; await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''") != "Show"; k++)
        {
            Assert.True(k < 5, "Show does not follow the date field");
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf=2025-12-02"));
        await Expect(page.Locator(".as-of")).ToContainTextAsync("Replaying the end of 2 Dec 2025");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("9 of 22 issues agreed");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Accessibility_EveryPage_NoSeriousViolations()
    {
        var page = await Browser.NewUserAsync();
        var problems = new List<string>();
        foreach (var (name, path) in new[]
                 {
                     ("dashboard", "/?asOf=2025-12-15"), ("issue", "/negotiations/berlin-2025/issues/territory"),
                     ("settlement", "/negotiations/berlin-2025/settlement?asOf=2025-12-15"), ("drafts", "/negotiations/berlin-2025/drafts"),
                     ("guarantees", "/negotiations/berlin-2025/guarantees"), ("briefing", "/negotiations/berlin-2025/briefing?asOf=2025-12-15"),
                 })
        {
            await OpenAsync(page, path, "mediator");
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await Screenshots.SaveAsync(page, name);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryPage_NarrowScreen_FitsWithoutSidewaysScrolling()
    {
        var page = await Browser.NewUserAsync(width: 390, height: 844);
        await OpenAsync(page, "/?asOf=2025-12-15", "mediator");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("20 of 22 issues agreed");

        await Screenshots.SaveAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen: " + await WidestAsync(page));

        await OpenAsync(page, "/negotiations/berlin-2025/issues/territory?asOf=2025-12-15");
        await Screenshots.SaveAsync(page, "issue");
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the issue page is {overflow}px wider than a 390px screen: " + await WidestAsync(page));

        foreach (var name in new[] { "settlement", "drafts", "guarantees", "briefing" })
        {
            await OpenAsync(page, $"/negotiations/berlin-2025/{name}?asOf=2025-12-15");
            await Screenshots.SaveAsync(page, name);
            overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"the {name} page is {overflow}px wider than a 390px screen: " + await WidestAsync(page));
        }
    }

    // The outermost elements that stick out of the viewport, to say what to fix.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1 || e.parentElement === document.body)
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
        """);

    private static string Percent(double share) =>
        Math.Round(share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "\u00a0%";
}
