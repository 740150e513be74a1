using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>Recording statements and tabling and withdrawing proposals on the dashboard, seen live by a second user.</summary>
public sealed class EditingTests : BrowserTest
{
    [Fact]
    public async Task Statement_RecordedInOneBrowser_AppearsInTheOtherWithoutReload()
    {
        // An observer follows the talks: a shared statement reaches it live.
        var watcher = await Browser.NewUserAsync();
        await OpenAsync(watcher, "/negotiations/berlin-2025", "observer");
        await watcher.EvaluateAsync("() => window.parleyNotReloaded = true");
        var recent = watcher.Locator("section[aria-labelledby=statements-h]");

        var editor = await Browser.NewUserAsync();
        await OpenAsync(editor, "/negotiations/berlin-2025", "mediator");
        var form = editor.Locator(".statement-form");
        // Nothing filled in: a message under each field that needs one, linked to it.
        await ClickUntilAsync(form.GetByRole(AriaRole.Button, new() { Name = "Record statement" }), editor.Locator("#stmt-summary"));
        await Expect(editor.Locator("#stmt-signatories-error")).ToContainTextAsync("Choose the party it speaks for");
        await Expect(editor.Locator("#stmt-text-error")).ToContainTextAsync("Write what was said");
        await Expect(editor.Locator("#stmt-text")).ToHaveAttributeAsync("aria-describedby", "stmt-text-error");
        await Expect(editor.Locator("#stmt-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await ScenarioFilesTests.AssertAccessibleAsync(editor);
        await Screenshots.SaveAsync(editor, "errors");

        // A joint statement by Ukraine and Germany, Zelenskiy speaking, preferring the Christmas energy truce.
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Ukraine" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Germany" }).CheckAsync();
        await editor.Locator("#stmt-speaker").SelectOptionAsync("zelenskiy");
        await editor.Locator("#stmt-text").FillAsync("Kyiv and Berlin call for an energy truce over Christmas.");
        await editor.Locator("#stmt-about").SelectOptionAsync("issue:ceasefire");
        await editor.Locator("#stmt-option").SelectOptionAsync("christmas-energy-truce");
        await editor.Locator("#stmt-stance").SelectOptionAsync("Preferred");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Recorded: the statement of Ukraine and Germany");
        await Expect(editor.Locator("#stmt-summary")).ToHaveCountAsync(0);

        var first = recent.Locator(".statements > li").First;
        await Expect(first).ToContainTextAsync("Kyiv and Berlin call for an energy truce over Christmas.");
        await Expect(first).ToContainTextAsync("Volodymyr Zelenskiy (Ukraine and Germany)");
        await Expect(first).ToContainTextAsync("16 Dec 2025");
        await Expect(first.Locator(".stance-said")).ToHaveTextAsync("★ preferred on Interim truce over Christmas halting strikes on energy infrastructure (Ceasefire)");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.parleyNotReloaded === true"), "the watcher's page was reloaded");
        await Screenshots.SaveAsync(editor, "editor");
        await Screenshots.SaveAsync(watcher);
    }

    [Fact]
    public async Task Proposal_PastDeadlineRefused_ThenTabledLiveWithCountdown_ThenWithdrawn()
    {
        var watcher = await Browser.NewUserAsync();
        await OpenAsync(watcher, "/negotiations/berlin-2025", "mediator");
        await watcher.EvaluateAsync("() => window.parleyNotReloaded = true");
        var watchedOffer = watcher.Locator("section[aria-labelledby=offers-h] li[data-proposal=us-energy-truce-over-christmas]");

        var editor = await Browser.NewUserAsync();
        await OpenAsync(editor, "/negotiations/berlin-2025", "mediator");
        var form = editor.Locator(".proposal-form");
        await editor.Locator("#prop-title").FillAsync("Energy truce over Christmas");
        await Expect(editor.Locator("#prop-author")).ToHaveValueAsync("us");
        await editor.Locator("#prop-issue-1").SelectOptionAsync("ceasefire");
        await editor.Locator("#prop-option-1").SelectOptionAsync("christmas-energy-truce");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add an issue" }).ClickAsync();
        await editor.Locator("#prop-issue-2").SelectOptionAsync("nuclear-plant");
        await editor.Locator("#prop-option-2").SelectOptionAsync("iaea-split-ua-ru");

        // A deadline already past (the app's clock says 16 Dec 2025, 09:00 UTC): refused at the field.
        await editor.Locator("#prop-expires").FillAsync("2025-12-10T12:00");
        await ClickUntilAsync(form.GetByRole(AriaRole.Button, new() { Name = "Table proposal" }), editor.Locator("#prop-expires-error"));
        await Expect(editor.Locator("#prop-expires-error")).ToContainTextAsync("The deadline has passed");
        await Expect(editor.Locator("#prop-expires")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(editor.Locator("#prop-expires")).ToHaveAttributeAsync("aria-describedby", "prop-expires-hint prop-expires-error");
        await ScenarioFilesTests.AssertAccessibleAsync(editor);
        await Screenshots.SaveAsync(editor, "past-deadline");
        await Expect(watchedOffer).ToHaveCountAsync(0);

        await editor.Locator("#prop-expires").FillAsync("2025-12-20T12:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Table proposal" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("Tabled: “Energy truce over Christmas” by United States, open until 20 Dec 2025, 12:00 UTC");

        await Expect(watchedOffer).ToContainTextAsync("Energy truce over Christmas");
        await Expect(watchedOffer).ToContainTextAsync("From United States to Ukraine and Russia · 2 issues");
        await Expect(watchedOffer.Locator(".countdown")).ToContainTextAsync("4 days 3 h left");
        Assert.True(await watcher.EvaluateAsync<bool>("() => window.parleyNotReloaded === true"), "the watcher's page was reloaded");
        await Screenshots.SaveAsync(watcher, "tabled");

        // The watcher withdraws it; the editor sees it leave the open offers.
        await watchedOffer.GetByRole(AriaRole.Button, new() { Name = "Withdraw “Energy truce over Christmas”…" }).ClickAsync();
        await watchedOffer.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw it" }).ClickAsync();
        await Expect(watchedOffer).ToHaveCountAsync(0);
        var offers = editor.Locator("section[aria-labelledby=offers-h]");
        await Expect(offers.Locator("li[data-proposal=us-energy-truce-over-christmas]")).ToHaveCountAsync(0);
        await Expect(offers).ToContainTextAsync("Energy truce over Christmas — withdrawn 16 Dec 2025");
        await Screenshots.SaveAsync(editor);
    }
}
