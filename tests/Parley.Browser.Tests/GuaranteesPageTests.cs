using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The guarantees page of the Berlin demo, in headless Chromium.</summary>
public sealed class GuaranteesPageTests : BrowserTest
{
    [Fact]
    public async Task Guarantees_VerifyingAnArmedAttackAfterEntryIntoForce_TriggersTheGuarantors()
    {
        // After the (illustrative) entry into force on 1 Feb 2026 and after the Kharkiv assault's duties are done.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        using (var http = await App.ApiClientAsync("mediator"))
        {
            var created = await http.PostAsJsonAsync("/api/negotiations/berlin-2025/incidents", new
            {
                id = "test-orikhiv-assault",
                eventType = "Battles",
                subEventType = "Armed clash",
                at = "2026-02-19T05:00:00Z",
                location = new { lat = 47.567, lon = 35.785, country = "Ukraine", admin1 = "Zaporizhia", place = "Orikhiv" },
                actors = new[] { "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)" },
                sources = new[] { "mission patrol report" },
            });
            created.EnsureSuccessStatusCode();
        }
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        var consult = page.Locator("li[data-commitment=guarantee-consult]");
        await Expect(consult.Locator("tr", new() { HasText = "test-orikhiv-assault" })).ToHaveCountAsync(0);

        var item = page.Locator(".queue > li[data-incident=test-orikhiv-assault]");
        await item.GetByLabel("Responsible party").SelectOptionAsync("ru");
        await item.GetByLabel("Evidence is").SelectOptionAsync("file");
        await item.GetByLabel("Evidence", new() { Exact = true }).FillAsync("mission/patrol-2026-02-19.pdf");
        await ClickUntilAsync(item.GetByRole(AriaRole.Button, new() { Name = "Verify" }), page.GetByRole(AriaRole.Status));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("test-orikhiv-assault: Verified, attributed to Russia");

        // Each guarantor owes a consultation within 24 hours of the verification (20 Feb 09:00).
        var duty = consult.Locator("tr[data-debtor=us]", new() { HasText = "test-orikhiv-assault" });
        await Expect(duty).ToContainTextAsync("21 Feb 2026, 09:00 UTC");
        await Expect(duty).ToContainTextAsync("1 day 0 h");
        await Expect(consult.Locator("tr[data-debtor=coalition]", new() { HasText = "test-orikhiv-assault" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".queue > li[data-incident=test-orikhiv-assault]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Guarantees_RecordingEntryIntoForce_PutsTheGuaranteeInEffect()
    {
        // 16 Dec 2025: the Berlin guarantee package is agreed in principle but not in force.
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        var consult = page.Locator("li[data-commitment=guarantee-consult]");
        await Expect(consult).ToContainTextAsync("Created");

        await page.Locator("#ev-commitment").SelectOptionAsync("guarantee-consult");
        await page.Locator("#ev-what").SelectOptionAsync("EnterIntoForce");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ev-cause-error")).ToContainTextAsync("Say why");
        await Expect(consult).ToContainTextAsync("Created");

        await page.Locator("#ev-cause").FillAsync("Signed in Berlin by the guarantors");
        await ClickUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }), page.GetByTestId("event-message"));
        await Expect(page.GetByTestId("event-message")).ToContainTextAsync("Recorded: entry into force");
        await Expect(consult).ToContainTextAsync("In effect");
        await Expect(page.Locator("#ev-commitment option[value=guarantee-consult]")).ToContainTextAsync("(in effect)");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Guarantees_ImportAcledSample_ShowsTheCountsAndTheTimeline()
    {
        var file = PageImages.TestData("acled/acled-ukraine-sample.csv");
        Parley.Core.Formats.Incidents.IncidentImport expected;
        using (var reader = new StreamReader(file)) expected = Parley.Core.Formats.Acled.AcledCsv.Read(reader);
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        await Expect(page.GetByTestId("timeline-chart")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("no incident reported by 16 Dec 2025"));

        await page.GetByLabel("Incident file (.csv)").SetInputFilesAsync(file);
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("ready to import as ACLED");
        // The upload went through the circuit, so it is connected: one click. Storing 1,000 reports takes a while on a busy machine.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("import-counts")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("import-imported")).ToHaveTextAsync(expected.Incidents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("import-rejected")).ToHaveTextAsync(expected.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("import-duplicates")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d+$"));
        if (expected.Errors.Count > 0)
        {
            var first = expected.Errors[0];
            await Expect(page.GetByTestId("import-errors").Locator("tbody tr").First).ToContainTextAsync($"{first.Line}{first.Field}");
        }
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{expected.Incidents.Count} imported");

        // The incidents appear in the table and on the timeline (2018–2024: one bar per month).
        // One page of duplicate groups, newest first, and the queue's oldest 20: the page stays light.
        var groups = Parley.Core.Guarantees.IncidentGroups.Group(expected.Incidents).Count;
        await Expect(page.GetByTestId("incidents-shown")).ToContainTextAsync($"Incidents 1–50 of {groups:N0}");
        await Expect(page.Locator("table.incidents tr[data-incident]")).ToHaveCountAsync(50);
        await Expect(page.GetByTestId("queue-shown")).ToContainTextAsync($"{expected.Incidents.Count:N0} reports are waiting; the 20 oldest are listed");
        await Expect(page.Locator(".queue > li")).ToHaveCountAsync(20);
        var chart = page.GetByTestId("timeline-chart");
        await Expect(chart).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("incidents per month by verification state"));
        var (status, type, png) = await PageImages.FetchAsync(page, chart, "src");
        Assert.Equal((200, "image/png"), (status, type));
        Assert.Equal((760, 360), PageImages.PngSize(png));
        Assert.True(await PageImages.LoadedAsync(chart), "the browser decoded the timeline");
        await Screenshots.SaveAsync(page);

        // The same file again: every row is refused as already stored, and nothing more is stored.
        // Another name: choosing the very same file again fires no change in the browser.
        await page.GetByLabel("Incident file (.csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "acled-ukraine-sample-again.csv", MimeType = "text/csv", Buffer = await File.ReadAllBytesAsync(file),
        });
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("ready to import");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("import-imported")).ToHaveTextAsync("0", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("is already stored");
        await Expect(page.GetByTestId("incidents-shown")).ToContainTextAsync($"of {groups:N0}");
        Assert.Equal("", await PageImages.SeriousAxeViolationsAsync(page));
    }

    [Fact]
    public async Task Guarantees_ImportFileWithoutItsColumns_StoresNothingAndSaysWhy()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        await page.GetByLabel("Incident file (.csv)").SetInputFilesAsync(new FilePayload
        {
            Name = "acled-export.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("event_id_cnty,event_date,notes\nUKR1,2025-12-28,something\n"),
        });
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("ready to import as ACLED");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was stored", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("import-errors").Locator("tbody tr").First).ToContainTextAsync("1");
        await Expect(page.GetByTestId("import-counts")).ToHaveCountAsync(0);
        await Expect(page.Locator("table.incidents tr[data-incident]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Guarantees_Timeline_ShadesTheChristmasTruceAndLoads()
    {
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero));
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees", "mediator");
        var chart = page.GetByTestId("timeline-chart");
        await Expect(chart).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex(
            "incidents per day by verification state as of 20 Feb 2026: \\d+ incidents.*Christmas truce on strikes against energy infrastructure, 24 Dec 2025 – 7 Jan 2026"));
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Commitment windows shaded on the timeline" }))
            .ToContainTextAsync("24 Dec 2025 – 7 Jan 2026");
        var (status, type, png) = await PageImages.FetchAsync(page, chart, "src");
        Assert.Equal((200, "image/png"), (status, type));
        Assert.True(await PageImages.LoadedAsync(chart), "the browser decoded the timeline");
        File.WriteAllBytes(Path.Combine(Screenshots.FolderPath, nameof(Guarantees_Timeline_ShadesTheChristmasTruceAndLoads) + "-chart.png"), png);

        await page.GetByText("The timeline as a table").ClickAsync();
        await Expect(page.GetByTestId("timeline-table").Locator("tr", new() { HasText = "28 Dec 2025" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page);
        Assert.Equal("", await PageImages.SeriousAxeViolationsAsync(page));

        var narrow = await Browser.NewUserAsync(width: 390, height: 844);
        await OpenAsync(narrow, "/negotiations/berlin-2025/guarantees", "mediator");
        await Expect(narrow.GetByTestId("timeline-chart")).ToBeVisibleAsync();
        await narrow.WaitForLoadStateAsync(LoadState.Load); // the stylesheet and the chart are in before measuring
        await Screenshots.SaveAsync(narrow, "narrow");
        var overflow = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the guarantees page is {overflow}px wider than a 390px screen: " + await PageImages.WidestAsync(narrow));
    }
}
