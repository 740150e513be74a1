using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parley.Core.Formats.Scenario;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>Importing and exporting scenario files in the web app, in headless Chromium.</summary>
public sealed class ScenarioFilesTests : BrowserTest
{
    // A small negotiation of its own; line numbers below refer to this text.
    internal const string Harbour = """
        negotiation:
          id: harbour-talks
          title: Harbour access talks
        parties:
          - {id: north, name: Northland, roles: [principal]}
          - {id: south, name: Southland, roles: [principal]}
          - {id: un, name: United Nations, roles: [mediator]}
        issues:
          - id: access
            title: Harbour access
            options:
              - {id: shared, label: Shared access}
              - {id: north-only, label: Northland only}
        positions:
          - {party: north, issue: access, valid_from: 2025-12-01, stances: {shared: acceptable, north-only: preferred}}
          - {party: south, issue: access, valid_from: 2025-12-02, stances: {shared: preferred, north-only: red-line}}
        """;

    // A new negotiation is imported by an instance administrator; the demo's mediator is made one for these tests.
    private async Task OpenAsAdministratorAsync(IPage page, string path)
    {
        await App.MakeAdministratorAsync("mediator");
        await OpenAsync(page, path, "mediator");
    }

    private static FilePayload Yaml(string name, string text) =>
        new() { Name = name, MimeType = "application/yaml", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task Import_BadFile_ListsEveryErrorWithItsLineAndStoresNothing()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsAdministratorAsync(page, "/scenarios");
        // Line 15 names a party that does not exist; line 16 a date that does not exist.
        var bad = Harbour.Replace("{party: north, issue", "{party: east, issue").Replace("2025-12-02", "2025-12-32");
        await ChooseFileUntilEnabledAsync(page.Locator("#scenario-file"), Yaml("bad-harbour.yaml", bad), page.GetByRole(AriaRole.Button, new() { Name = "Import" }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        var errors = page.Locator("#scenario-errors");
        await Expect(errors).ToContainTextAsync("Nothing was stored");
        await Expect(errors.Locator("li").Filter(new() { HasText = "bad-harbour.yaml:15:" })).ToContainTextAsync("east");
        await Expect(errors.Locator("li").Filter(new() { HasText = "bad-harbour.yaml:16:" })).ToContainTextAsync("valid_from");
        await Expect(page.Locator("#scenario-file")).ToHaveAttributeAsync("aria-describedby", "scenario-help scenario-errors");
        await Expect(page.Locator("li[data-negotiation=harbour-talks]")).ToHaveCountAsync(0);
        var stored = await page.APIRequest.GetAsync(new Uri(App.Address, "/api/negotiations/harbour-talks").ToString());
        Assert.Equal((int)HttpStatusCode.NotFound, stored.Status);

        await AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Import_SmallScenario_IsListed_AndReplacingAsksFirst()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsAdministratorAsync(page, "/scenarios");
        await ChooseFileUntilEnabledAsync(page.Locator("#scenario-file"), Yaml("harbour.yaml", Harbour), page.GetByRole(AriaRole.Button, new() { Name = "Import" }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Imported “harbour-talks” from harbour.yaml");
        var listed = page.Locator("li[data-negotiation=harbour-talks]");
        await Expect(listed).ToContainTextAsync("Harbour access talks");
        await Expect(listed).ToContainTextAsync("3 parties · 1 issue");
        await Screenshots.SaveAsync(page, "imported");

        // The same id again: nothing happens until the user confirms the replacement.
        var renamed = Harbour.Replace("title: Harbour access talks", "title: Harbour access talks, second reading");
        await ChooseFileUntilEnabledAsync(page.Locator("#scenario-file"), Yaml("harbour-2.yaml", renamed), page.GetByRole(AriaRole.Button, new() { Name = "Import" }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator(".confirm")).ToContainTextAsync("A negotiation “harbour-talks” is already stored");
        await Expect(listed).ToContainTextAsync("Harbour access talks");
        await Expect(listed).Not.ToContainTextAsync("second reading");
        await AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page, "confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Replace “harbour-talks”" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Replaced “harbour-talks”");
        await Expect(listed).ToContainTextAsync("second reading");

        await listed.GetByRole(AriaRole.Link, new() { Name = "Harbour access talks, second reading", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Harbour access talks, second reading");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("0 of 1 issue");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Export_DownloadLink_GivesYamlThatReadsBack()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsAdministratorAsync(page, "/scenarios");
        var link = page.Locator("li[data-negotiation=berlin-2025]").GetByRole(AriaRole.Link, new() { Name = "Download berlin-2025.yaml" });

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("berlin-2025.yaml", download.SuggestedFilename);
        var yaml = await File.ReadAllTextAsync((await download.PathAsync())!);
        var read = ScenarioReader.Read(yaml, download.SuggestedFilename);
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        Assert.Equal("berlin-2025", read.Negotiation!.Id);
        Assert.Equal(22, read.Negotiation.Issues.Count);

        // The dashboard offers the same file.
        await OpenAsync(page, "/negotiations/berlin-2025");
        var fromDashboard = page.GetByRole(AriaRole.Link, new() { Name = "Export as a scenario file (berlin-2025.yaml)" });
        var href = await fromDashboard.GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(new Uri(App.Address, href!).ToString());
        Assert.Contains("yaml", response.Headers["content-type"]);
        Assert.Equal(yaml, await response.TextAsync());
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task ScenariosPage_NarrowScreen_FitsWithErrorsShown()
    {
        var page = await Browser.NewUserAsync(width: 390, height: 844);
        await OpenAsAdministratorAsync(page, "/scenarios");
        await page.Locator("#scenario-file").SetInputFilesAsync(Yaml("a-rather-long-file-name-for-a-narrow-screen.yaml",
            Harbour.Replace("roles: [principal]}", "roles: [chief]}")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Expect(page.Locator("#scenario-errors li").First).ToContainTextAsync("a-rather-long-file-name-for-a-narrow-screen.yaml:5:");
        await Screenshots.SaveAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the scenarios page is {overflow}px wider than a 390px screen");
    }

    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var problems = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToArray();
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }
}
