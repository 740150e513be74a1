using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>The drafts page of the Berlin demo, in headless Chromium.</summary>
public sealed class DraftsPageTests : BrowserTest
{
    [Fact]
    public async Task Drafts_UploadWithUnbalancedBracket_ShowsTheProblemWithLineAndColumn()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/drafts", "mediator");
        // The seeded Berlin draft: brackets coloured by party, no problems.
        await Expect(page.GetByTestId("version-problems")).ToContainTextAsync("No problems");
        await Expect(page.GetByTestId("draft-text").Locator("mark.bracket[data-parties='US']").First).ToContainTextAsync("free economic zone");

        const string text = "# Framework\n\n1. The Parties shall [#a UA: withdraw] forces.\n2. The line is drawn] here.\n";
        await page.GetByLabel("Version label").FillAsync("17 Dec");
        await page.GetByLabel("Version label").BlurAsync();
        await page.GetByLabel("Markdown file").SetInputFilesAsync(new FilePayload
        {
            Name = "framework-17-dec.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(text),
        });
        var problems = page.GetByTestId("upload-problems");
        await Expect(problems).ToContainTextAsync("Line 4, column 21");
        await Expect(problems).ToContainTextAsync("']' has no matching '['");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 problem");

        // The link leads to the place: a marker in the uploaded text, just before the stray bracket.
        await problems.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#up-P0$"));
        await Expect(page.Locator("#up-P0")).ToBeInViewportAsync();

        // Nothing is stored while the problem stands.
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and store" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was stored");
        await Expect(page.Locator("#version-pick option")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Drafts_UploadWithoutProblems_StoresANewVersionAndShowsIt()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/drafts", "mediator");

        const string text = "# Framework\n\n1. The Parties shall apply [#freeze-line UA: the line of contact] [#free-economic-zone US: a free economic zone].\n";
        await page.GetByLabel("Version label").FillAsync("17 Dec");
        await page.GetByLabel("Version label").BlurAsync();
        await page.GetByLabel("Markdown file").SetInputFilesAsync(new FilePayload
        {
            Name = "framework.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(text),
        });
        await Expect(page.GetByTestId("upload-problems")).ToContainTextAsync("No problems");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and store" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stored berlin-framework/17 Dec");
        await Expect(page.Locator("#version-pick option")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("version-stats")).ToContainTextAsync("2 brackets");
        await Expect(page.GetByTestId("draft-text").Locator("mark.bracket[data-parties='UA']")).ToContainTextAsync("line of contact");
        await Screenshots.SaveAsync(page);
    }
}
