using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The incident map on the guarantees page, drawn on the server, in headless Chromium.</summary>
public sealed class IncidentMapTests : BrowserTest
{
    [Fact]
    public async Task Map_AcledSampleImported_ShowsTheTrucesAreaThePointsAndFollowsTheFilters()
    {
        var file = PageImages.TestData("acled/acled-ukraine-sample.csv");
        using (var http = await App.ApiClientAsync("mediator"))
        {
            var stored = await http.PostAsync("/api/negotiations/berlin-2025/incidents/import?format=acled",
                new StringContent(await File.ReadAllTextAsync(file), System.Text.Encoding.UTF8, "text/csv"));
            stored.EnsureSuccessStatusCode();
        }
        var page = await Browser.NewUserAsync();
        await page.SetViewportSizeAsync(1280, 1000);
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        var map = page.GetByTestId("incident-map");
        await Expect(map).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // The Christmas truce names no area: it is shaded over Russia's and Ukraine's outlines; the repair window over Zaporizhzhia.
        var truce = map.Locator("path.area[data-area~=christmas-truce]");
        await Expect(truce).ToHaveCountAsync(1);
        Assert.True((await truce.GetAttributeAsync("d"))!.Length > 500);
        // Commitments with the same area share one shading: far fewer than the demo's commitments.
        Assert.InRange(await map.Locator("path.area").CountAsync(), 2, 6);
        await Expect(page.GetByTestId("map-area").Filter(new() { HasText = "Christmas truce" })).ToContainTextAsync("whole territory (Russia, Ukraine)");
        await Expect(page.GetByTestId("map-area").Filter(new() { HasText = "Zaporizhzhia" })).ToContainTextAsync("Zaporizhzhya");

        // Every imported report is on the map, a duplicate group once: the clusters add up to the desk's total.
        var total = await TotalShownAsync(page);
        Assert.InRange(total, 900, 1000);
        Assert.Equal(total, await ClusteredAsync(map));
        // Dense places are clustered: far fewer circles than reports.
        Assert.InRange(await map.Locator("g.cluster").CountAsync(), 20, 400);
        await Expect(page.GetByTestId("map-description")).ToContainTextAsync("By region: Donetsk");
        await map.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page);
        await map.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.FolderPath, "Map_AcledSampleImported-map.png") });

        // The desk's filters apply to the map: one region leaves only its reports.
        await page.GetByLabel("Region (admin1)").FillAsync("Kherson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("region=Kherson"));
        await Expect(page.GetByTestId("incidents-shown")).ToContainTextAsync("matching");
        // The map is drawn by the live page, after the prerendered first screen.
        await Expect(page.GetByTestId("map-description")).ToContainTextAsync("By region: Kherson", new() { Timeout = 20_000 });
        var kherson = await TotalShownAsync(page);
        Assert.InRange(kherson, 50, 121);
        Assert.Equal(kherson, await ClusteredAsync(map));
        await Expect(page.GetByTestId("map-regions").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("map-description")).ToContainTextAsync($"By region: Kherson {kherson}");
        Assert.Equal("", await PageImages.SeriousAxeViolationsAsync(page));
        await map.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.FolderPath, "Map_AcledSampleImported-kherson.png") });
    }

    private static async Task<int> TotalShownAsync(IPage page)
    {
        var text = await page.GetByTestId("incidents-shown").InnerTextAsync();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"of ([\d,]+)");
        Assert.True(match.Success, text);
        return int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> ClusteredAsync(ILocator map) =>
        (await map.Locator("g.cluster").EvaluateAllAsync<int[]>("gs => gs.map(g => +g.dataset.count)")).Sum();
}
