using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using Parley.Core.Formats.Drafting;
using Parley.Server.Drafting;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>
/// The drafts page with several versions: the version diff, the convergence chart, .docx upload and download, and the
/// highlight by party or by issue.
/// </summary>
public sealed class DraftsPageVersionTests : BrowserTest
{
    private const string Page = "/negotiations/berlin-2025/drafts";

    /// <summary>The demo draft on 16 Dec: the plant agreed as the Ukrainian alternative, a new bracket on the borders.</summary>
    private static string SixteenthDecember()
    {
        var text = BerlinDraftSeed.Markdown();
        int start = text.IndexOf("[#us-led-trilateral", StringComparison.Ordinal);
        int venture = text.IndexOf("[#ua-us-venture UA: ", StringComparison.Ordinal);
        int end = text.IndexOf("].", venture, StringComparison.Ordinal);
        var kept = text[(venture + "[#ua-us-venture UA: ".Length)..text.IndexOf(']', venture)];
        text = text[..start] + kept + text[(end + 1)..];
        return text.Replace("Ukraine is a sovereign and independent state.",
            "Ukraine is a sovereign and independent state [#reaffirm UA: within its internationally recognised borders].", StringComparison.Ordinal);
    }

    private async Task UploadAsync(string version, string date, string text)
    {
        using var http = await App.ApiClientAsync("mediator");
        var response = await http.PostAsync($"/api/negotiations/berlin-2025/drafts/berlin-framework/versions?version={Uri.EscapeDataString(version)}&date={date}",
            new StringContent(text, Encoding.UTF8, "text/markdown"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Drafts_PickTwoVersions_ShowsTheBracketsRemovedAndAddedSideBySide()
    {
        var sixteenth = SixteenthDecember();
        await UploadAsync("16 Dec", "2025-12-16", sixteenth);
        await UploadAsync("17 Dec", "2025-12-17", sixteenth.Replace("sovereign and independent", "sovereign, independent", StringComparison.Ordinal));
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Page, "mediator");

        // By default the last two versions: one provision reworded, no bracket touched.
        await Expect(page.GetByTestId("diff-summary")).ToContainTextAsync("From 16 Dec to 17 Dec");
        await Expect(page.GetByTestId("brackets-added")).ToContainTextAsync("Brackets added (0)");
        await Expect(page.GetByTestId("diff-sides").Locator("ins")).ToContainTextAsync("sovereign,");

        await page.GetByLabel("Compare", new() { Exact = true }).SelectOptionAsync("15 Dec");
        await Expect(page.GetByTestId("diff-summary")).ToContainTextAsync("From 15 Dec to 17 Dec");
        var removed = page.GetByTestId("brackets-removed");
        await Expect(removed).ToContainTextAsync("Brackets removed (3)");
        await Expect(removed.Locator("li", new() { HasText = "a joint venture owned in equal shares" })).ToContainTextAsync("agreed (the words stay, unbracketed)");
        await Expect(removed.Locator("li", new() { HasText = "under United States management" })).ToContainTextAsync("dropped with its words");
        await Expect(page.GetByTestId("brackets-added")).ToContainTextAsync("within its internationally recognised borders");
        // Side by side: the older text struck through where it was deleted, the newer underlined where inserted, named for screen readers.
        var sides = page.GetByTestId("diff-sides");
        await Expect(sides.Locator("del", new() { HasText = "United States management" }).First).ToContainTextAsync("[deleted:");
        await Expect(sides.Locator("ins", new() { HasText = "internationally recognised borders" }).First).ToContainTextAsync("[inserted:");
        await Screenshots.SaveAsync(page);
        Assert.Equal("", await PageImages.SeriousAxeViolationsAsync(page));

        var narrow = await Browser.NewUserAsync(width: 390, height: 844);
        await OpenAsync(narrow, Page, "mediator");
        await Expect(narrow.GetByTestId("diff-summary")).ToContainTextAsync("From 16 Dec to 17 Dec");
        await Screenshots.SaveAsync(narrow, "narrow");
        var overflow = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the drafts page is {overflow}px wider than a 390px screen: " + await PageImages.WidestAsync(narrow));
    }

    [Fact]
    public async Task Drafts_ConvergenceChart_IsAPngWithItsTable()
    {
        await UploadAsync("16 Dec", "2025-12-16", SixteenthDecember());
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Page, "mediator");

        var chart = page.GetByTestId("convergence-chart");
        await Expect(chart).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("15 Dec \\(15 Dec 2025\\): \\d+ brackets.*16 Dec"));
        var (status, type, png) = await PageImages.FetchAsync(page, chart, "src");
        Assert.Equal((200, "image/png"), (status, type));
        Assert.Equal((640, 300), PageImages.PngSize(png));
        await Expect(chart).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await PageImages.LoadedAsync(chart), "the browser decoded the chart");
        var table = page.GetByTestId("convergence-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(table.Locator("tbody tr").Last).ToContainTextAsync("16 Dec");
        File.WriteAllBytes(Path.Combine(Screenshots.FolderPath, nameof(Drafts_ConvergenceChart_IsAPngWithItsTable) + "-chart.png"), png);

        // The same text highlighted by issue: the legend names the issues instead of the parties.
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Bracket colours by party" })).ToBeVisibleAsync();
        await ClickUntilAsync(page.GetByRole(AriaRole.Radio, new() { Name = "issue" }).First,
            page.GetByRole(AriaRole.List, new() { Name = "Bracket colours by issue" }));
        await Expect(page.GetByTestId("draft-text")).ToHaveAttributeAsync("data-colour-by", "issue");
        await Expect(page.GetByTestId("draft-text").Locator("mark.bracket[data-issue]").First).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^issue: "));
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Drafts_UploadDocxWithUnbalancedBracket_ShowsItsProblems()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Page, "mediator");
        var docx = PageImages.Docx("1. The Parties shall [#a UA: withdraw] forces.", "2. The line is drawn] here.");
        await page.GetByLabel("Version label").FillAsync("17 Dec");
        await page.GetByLabel("Version label").BlurAsync();
        await page.GetByLabel("Markdown file or .docx").SetInputFilesAsync(new FilePayload
        {
            Name = "framework-17-dec.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = docx,
        });
        var problems = page.GetByTestId("upload-problems");
        await Expect(problems).ToContainTextAsync("']' has no matching '['");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("framework-17-dec.docx has 1 problem");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Uploaded text" })).ToContainTextAsync("The line is drawn");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check and store" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was stored");
        await Expect(page.Locator("#version-pick option")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Drafts_UploadDocxWithoutProblems_StoresItAsANewVersion()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Page, "mediator");
        await page.GetByLabel("Version label").FillAsync("docx 17 Dec");
        await page.GetByLabel("Version label").BlurAsync();
        await page.GetByLabel("Markdown file or .docx").SetInputFilesAsync(new FilePayload
        {
            Name = "framework.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = PageImages.Docx("1. The Parties shall apply [#freeze-line UA: the line of contact].", "2. Elections follow."),
        });
        await Expect(page.GetByTestId("upload-problems")).ToContainTextAsync("No problems");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and store" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Stored berlin-framework/docx 17 Dec");
        await Expect(page.GetByTestId("draft-text").Locator("mark.bracket[data-parties='UA']")).ToContainTextAsync("line of contact");
    }

    [Fact]
    public async Task Drafts_DownloadDocx_ReturnsAWordDocumentOfTheVersion()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Page, "mediator");
        var link = page.GetByTestId("download-docx");
        await Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("versions/15%20Dec/render\\?to=docx"));

        var (status, type, body) = await PageImages.FetchAsync(page, link, "href");
        Assert.Equal((200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (status, type));
        using var stream = new MemoryStream(body);
        var import = DocxDraftImporter.Import(stream);
        Assert.True(import.Markdown is not null, import.Error);
        Assert.Contains("Zaporizhzhia nuclear power plant", import.Markdown);

        // A click on the link downloads the file under its name.
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("berlin-framework-15-Dec.docx", download.SuggestedFilename);
        var markdown = page.GetByRole(AriaRole.Link, new() { Name = "Markdown", Exact = true });
        var (mdStatus, mdType, md) = await PageImages.FetchAsync(page, markdown, "href");
        Assert.Equal((200, "text/markdown"), (mdStatus, mdType));
        Assert.Contains("Zaporizhzhia", Encoding.UTF8.GetString(md));
        await Screenshots.SaveAsync(page);
    }
}
