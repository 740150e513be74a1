using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The guarantees desk: filters in the URL, and the verification queue by keyboard, in headless Chromium.</summary>
public sealed class GuaranteesDeskTests : BrowserTest
{
    [Fact]
    public async Task Desk_FilteredToOneRegionAndWeek_TheSharedUrlShowsTheSameRowsInAFreshBrowser()
    {
        // The ACLED sample through the API: the busiest week of Donetsk reports (Monday to Sunday) that fits on one page.
        var file = PageImages.TestData("acled/acled-ukraine-sample.csv");
        using (var http = await App.ApiClientAsync("mediator"))
        {
            var stored = await http.PostAsync("/api/negotiations/berlin-2025/incidents/import?format=acled",
                new StringContent(await File.ReadAllTextAsync(file), System.Text.Encoding.UTF8, "text/csv"));
            stored.EnsureSuccessStatusCode();
        }
        var sample = Parley.Core.Formats.Acled.AcledCsv.Read(new StreamReader(file)).Incidents;
        var monday = sample.Where(i => i.Location.Admin1 == "Donetsk")
            .GroupBy(i => Monday(DateOnly.FromDateTime(i.Time.Start.UtcDateTime)))
            .Where(g => g.Count() <= 40).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var (from, to) = (monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), monday.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        List<string> expected;
        using (var http = await App.ApiClientAsync("mediator"))
        {
            var rows = (await http.GetFromJsonAsync<JsonArray>($"/api/negotiations/berlin-2025/incidents?region=Donetsk&from={from}&to={to}&sort=newest"))!;
            expected = rows.Where(r => r!["duplicateOf"] is null).Select(r => r!["id"]!.GetValue<string>()).ToList();
        }
        Assert.InRange(expected.Count, 2, 50);

        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        await page.GetByLabel("Region (admin1)").FillAsync("Donetsk");
        await page.GetByLabel("From (UTC day)").FillAsync(from);
        await page.GetByLabel("To (inclusive)").FillAsync(to);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("region=Donetsk"));
        var rowsShown = page.Locator("table.incidents tr[data-incident]");
        await Expect(rowsShown).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, await IdsAsync(rowsShown));
        await Expect(page.GetByTestId("incidents-shown")).ToContainTextAsync($"of {expected.Count} matching");
        await Screenshots.SaveAsync(page);

        // The URL is the view: another browser, signed in afresh, sees the same rows and the same filters.
        var shared = new Uri(page.Url).PathAndQuery;
        Assert.Contains($"from={from}", shared);
        var other = await Browser.NewUserAsync();
        await OpenAsync(other, shared, "mediator");
        var otherRows = other.Locator("table.incidents tr[data-incident]");
        await Expect(otherRows).ToHaveCountAsync(expected.Count);
        Assert.Equal(expected, await IdsAsync(otherRows));
        await Expect(other.GetByLabel("Region (admin1)")).ToHaveValueAsync("Donetsk");
        await Expect(other.GetByLabel("To (inclusive)")).ToHaveValueAsync(to);
        Assert.Equal("", await PageImages.SeriousAxeViolationsAsync(other));
        await Screenshots.SaveAsync(other, "shared");
    }

    [Fact]
    public async Task Queue_ClaimAndVerifyByKeyboard_RecordsTheMonitorsStepsWithTheEvidenceLink()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        using (var http = await App.ApiClientAsync("mediator"))
        {
            var created = await http.PostAsJsonAsync("/api/negotiations/berlin-2025/incidents", new
            {
                id = "test-orikhiv-assault", eventType = "Battles", subEventType = "Armed clash", at = "2026-02-19T05:00:00Z",
                location = new { lat = 47.567, lon = 35.785, country = "Ukraine", admin1 = "Zaporizhia", place = "Orikhiv" },
                actors = new[] { "Military Forces of Russia (2000-)" },
            });
            created.EnsureSuccessStatusCode();
        }
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees?state=waiting", "monitor");
        var item = page.Locator(".queue > li[data-incident=test-orikhiv-assault]");

        // C claims the focused report (a click could be lost while the circuit settles: press again until it shows).
        for (var k = 0; k < 4 && !(await item.InnerTextAsync()).Contains("claimed by you", StringComparison.Ordinal); k++)
        {
            await item.FocusAsync();
            await page.Keyboard.PressAsync("c");
            await page.WaitForTimeoutAsync(500);
        }
        await Expect(item).ToContainTextAsync("Under review, claimed by you");
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToHaveCountAsync(0);

        // Tab into its form: the responsible party by typing its name, the evidence as a link, Enter verifies.
        await item.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(item.GetByLabel("Responsible party")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Russia");
        await Expect(item.GetByLabel("Responsible party")).ToHaveValueAsync("ru");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(item.GetByLabel("Evidence", new() { Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("not a link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToContainTextAsync("Evidence: 'not a link' is not an http or https address");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("https://example.org/mission/orikhiv-imagery");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("test-orikhiv-assault: Verified, attributed to Russia");
        await Expect(page.Locator(".queue > li[data-incident=test-orikhiv-assault]")).ToHaveCountAsync(0);
        var row = page.Locator("table.incidents tr[data-incident=test-orikhiv-assault]");
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees?state=verified&region=Zaporizhia");
        await Expect(row).ToContainTextAsync("Verified");
        await Expect(row).ToContainTextAsync("responsible: ru");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "evidence" })).ToHaveAttributeAsync("href", "https://example.org/mission/orikhiv-imagery");
        await Screenshots.SaveAsync(page);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static async Task<List<string>> IdsAsync(ILocator rows) =>
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.incident)")).ToList();
}
