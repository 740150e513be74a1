using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The Berlin demo cites its sources as a reader expects: publication and date, reconstructions marked as such.</summary>
public sealed class DemoSourcesTests : BrowserTest
{
    private const string Report = "Asianet Newsable, report on the Berlin talks of 14–15 Dec 2025";

    [Fact]
    public async Task Demo_Sources_NamePublicationAndDate_AndMarkReconstructions()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025?asOf=2025-12-15", "observer");
        // The statements of 15 Dec cite Asianet Newsable's report of the Berlin talks, by name and date.
        var sources = await page.Locator(".statements .source").AllInnerTextsAsync();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("Source: " + Report, s));
        await Screenshots.SaveAsync(page);

        // Putin's remarks of 27 Nov, reported outside that report: "press reports" with their date.
        await OpenAsync(page, "/negotiations/berlin-2025/issues/territory?asOf=2025-12-15");
        await Expect(page.Locator(".source", new() { HasText = "Press reports of Putin's remarks, 27 Nov 2025" }).First).ToBeVisibleAsync();
        // The 20-point framework, which no official text published: a reconstruction, said so.
        await OpenAsync(page, "/negotiations/berlin-2025/issues/nuclear-plant?asOf=2025-12-24");
        await Expect(page.Locator(".source", new() { HasText = "Reconstruction: press accounts of the 20-point framework briefed by Zelenskiy, 23–24 Dec 2025" }).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reconstruction");

        // Nowhere a file name or the word "seed", on the pages or in the scenario file a member downloads.
        foreach (var path in new[] { "/negotiations/berlin-2025?asOf=2025-12-24", "/negotiations/berlin-2025/issues/territory?asOf=2025-12-24" })
        {
            await OpenAsync(page, path);
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("seed", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(".txt", text);
        }
        using var api = await App.ApiClientAsync();
        var yaml = await api.GetStringAsync("/api/negotiations/berlin-2025/scenario");
        Assert.DoesNotContain("seed/", yaml);
        Assert.DoesNotContain("outside the seed", yaml);
        Assert.Contains("source: " + Report, yaml);
    }
}
