using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The settlement page of the Berlin demo, in headless Chromium.</summary>
public sealed class SettlementPageTests : BrowserTest
{
    [Fact]
    public async Task Settlement_Berlin15December_ShowsTheNashPackage()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/settlement?asOf=2025-12-15", "mediator");

        // With 20 issues agreed, the position red lines leave only the free economic zone on territory, and the
        // Nash package takes the US alternative for the Zaporizhzhia plant.
        var nash = page.GetByTestId("nash-package");
        await Expect(nash.Locator("tr[data-issue=territory]")).ToContainTextAsync("free economic zone");
        await Expect(nash.Locator("tr[data-issue=nuclear-plant]")).ToContainTextAsync("led by the US");
        await Expect(nash.Locator("tr[data-issue=ceasefire]")).ToContainTextAsync("(agreed)");
        // Three parties: the frontier is a table with one column per party.
        await Expect(page.Locator("table.frontier thead th")).ToHaveCountAsync(4);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Settlement_LiftingARedLine_RecomputesAndSaysSo()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/settlement?asOf=2025-12-15", "mediator");
        var redLine = page.GetByLabel("Ukraine: Territory — Ukraine withdraws its forces from the part of Donetsk it holds");
        await ClickUntilAsync(redLine, page.GetByRole(AriaRole.Status));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 red line lifted");
        // Ukraine's red line on withdrawing from Donetsk was all that kept the US's free economic zone in the Nash package.
        await Expect(page.GetByTestId("nash-package").Locator("tr[data-issue=territory]")).ToContainTextAsync("withdraws its forces");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Settlement_TradesFromKyivsPreBerlinStance_UkraineConcedesNatoForGuarantees()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/settlement?asOf=2025-12-13", "mediator");
        await page.GetByLabel("Start from").FillAsync("nato=membership-path,guarantees=us-guarantee-conditional");
        var trades = page.GetByTestId("trades");
        await ClickUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "Find trades" }), trades);
        var best = trades.Locator("li").First;
        await Expect(best).ToContainTextAsync("Ukraine concedes NATO membership");
        await Expect(best).ToContainTextAsync("Russia concedes Security guarantees");
        await Expect(best).ToContainTextAsync("Ukraine +0.078");
        await Screenshots.SaveAsync(page);
    }
}
