using System.Globalization;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The briefing page of the Berlin demo: printable, and downloaded as a Word document that the OpenXml SDK reads.</summary>
public sealed class BriefingPageTests : BrowserTest
{
    private static readonly string[] Parts =
        ["What is agreed", "Sticking points", "Open offers", "The draft's brackets by issue", "Guarantees and breaches"];

    [Fact]
    public async Task Briefing_AsMediator_DownloadsAWordDocumentWithTheStatusFigures()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025", "mediator");
        // Reached from the pages' menu, keeping the date.
        await OpenAsync(page, "/negotiations/berlin-2025?asOf=2025-12-15");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of this negotiation" }).GetByRole(AriaRole.Link, new() { Name = "Briefing" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/negotiations/berlin-2025/briefing\\?asOf=2025-12-15$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("State of play as of 15 Dec 2025");
        await Expect(page.Locator("article.briefing h2")).ToHaveTextAsync(Parts);
        await Expect(page.GetByTestId("prepared-for")).ToContainTextAsync("Prepared for the mediator");

        // The status endpoint's figures, on the page and in the document.
        using var api = await App.ApiClientAsync();
        var status = JsonNode.Parse(await api.GetStringAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-15"))!;
        var share = Math.Round(status["agreedShare"]!.GetValue<double>() * 100).ToString(CultureInfo.InvariantCulture);
        var headline = $"{status["agreedIssues"]} of {status["totalIssues"]} issues agreed ({share}\u00a0%)";
        await Expect(page.GetByTestId("briefing-agreed")).ToContainTextAsync(headline);
        await Expect(page.GetByTestId("briefing-sticking")).ToHaveTextAsync(["Territory — Blocked", "Zaporizhzhia nuclear power plant — Open"]);

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download as Word (.docx)" });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("berlin-2025-briefing-2025-12-15.docx", download.SuggestedFilename);
        var file = Path.Combine(Screenshots.FolderPath, "berlin-2025-briefing-2025-12-15.docx");
        await download.SaveAsAsync(file);
        using (var document = WordprocessingDocument.Open(file, false))
        {
            var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToArray();
            string[] Styled(string style) => [.. paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText)];
            Assert.Equal(["State of play as of 15 Dec 2025"], Styled("Title"));
            Assert.Equal(Parts, Styled("Heading1"));
            Assert.StartsWith(headline, paragraphs.First(p => p.InnerText.Contains("issues agreed")).InnerText);
            Assert.Equal(["Territory — Blocked", "Zaporizhzhia nuclear power plant — Open"], Styled("Heading2"));
        }
        await Screenshots.SaveAsync(page);

        // Printed: the briefing alone, without the app's header, menus, date picker or footer.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.app-header")).ToBeHiddenAsync();
        await Expect(page.Locator("nav.page-nav")).ToBeHiddenAsync();
        await Expect(page.Locator("form.as-of")).ToBeHiddenAsync();
        await Expect(link).ToBeHiddenAsync();
        await Expect(page.Locator("article.briefing h2").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "print");
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(Screenshots.FolderPath, "berlin-2025-briefing-2025-12-15.pdf") });
        Assert.True(pdf.Length > 1000, "the page prints to a PDF");
    }
}
