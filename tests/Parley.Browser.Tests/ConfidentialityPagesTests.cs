using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>
/// What each role sees of the Berlin demo in the pages, signed in through the demo accounts: a delegation its own
/// utilities only, an observer no private item, the mediator everything; and the header's account switcher.
/// </summary>
public sealed class ConfidentialityPagesTests : BrowserTest
{
    private const string Settlement = "/negotiations/berlin-2025/settlement?asOf=2025-12-15";

    // The private notes of the three preference profiles (scenarios/berlin-2025.yaml), each visible to its party and the mediator.
    private const string UkraineNote = "Territory and guarantees first";
    private const string RussiaNote = "Territory and keeping Ukraine out of NATO first";
    private const string UnitedStatesNote = "A deal first; guarantees that bind the US";

    [Fact]
    public async Task Settlement_AsUkraine_ShowsUkrainesUtilitiesAndNothingOfRussias()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Settlement, "ua");

        var frontier = page.GetByTestId("own-frontier");
        await Expect(frontier.Locator("thead th")).ToHaveTextAsync(["Package", "Ukraine (your utility)"]);
        await Expect(page.Locator("thead th", new() { HasText = "Russia" })).ToHaveCountAsync(0);
        await Expect(page.Locator("th", new() { HasText = "Reservation" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("nash-package").Locator("tr[data-issue=territory]")).ToContainTextAsync("free economic zone");
        // Its own profile only, with its own reservation; no trades (they show what each party gains).
        await Expect(page.Locator("li[data-profile]")).ToHaveCountAsync(1);
        await Expect(page.Locator("li[data-profile=ua]")).ToContainTextAsync("reservation 0.450");
        await Expect(page.Locator("li[data-profile=ua]")).ToContainTextAsync(UkraineNote);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trade suggestions" })).ToHaveCountAsync(0);
        // What-if on its own red lines only.
        var redLines = page.Locator(".what-if label");
        Assert.True(await redLines.CountAsync() > 0, "Ukraine has red lines to lift");
        Assert.All(await redLines.AllTextContentsAsync(), text => Assert.StartsWith("Ukraine:", text));

        var html = await page.ContentAsync();
        Assert.DoesNotContain(RussiaNote, html);
        Assert.DoesNotContain(UnitedStatesNote, html);
        Assert.DoesNotContain("0.400", html); // Russia's reservation
        Assert.DoesNotContain("0.600", html); // the United States' reservation
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Footer_AsUkraine_OffersTheLatestSignedCheckpoint_WhichGrowsWithTheTalks()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025", "ua");

        var footer = page.GetByTestId("record-footer");
        await Expect(footer).ToContainTextAsync("Record of these talks:");
        var size = int.Parse(await footer.GetByTestId("record-size").TextContentAsync() ?? "");
        var download = footer.GetByRole(AriaRole.Link, new() { Name = "Download the signed checkpoint" });
        var note = await (await page.Context.APIRequest.GetAsync(new Uri(App.Address, await download.GetAttributeAsync("href") ?? "").ToString())).TextAsync();
        var lines = note.Split('\n');
        Assert.EndsWith("/berlin-2025", lines[0]);
        Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[1]);
        Assert.Contains("\n\n— ", note);

        // A private statement of Russia's grows the one tree: the footer follows without a reload, and shows nothing of it.
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Parley.Data.NegotiationStore>().AddStatementAsync("berlin-2025",
                new Parley.Core.Talks.Statement("ru-private-note", App.Clock.GetUtcNow(), "A note for Moscow only.", ["ru"],
                    visibility: Parley.Core.Talks.Visibility.PrivateTo("ru")), "ru");
        App.Clock.Advance(TimeSpan.FromSeconds(1)); // the history watcher's tick (it runs on the app's clock)
        await Expect(footer.GetByTestId("record-size")).ToHaveTextAsync((size + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("A note for Moscow only.", await page.ContentAsync());
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task EveryPage_AsObserver_ShowsNoPrivateItemAndNoForm()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025?asOf=2025-12-15", "observer");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("of 22 issues agreed");
        await Expect(page.GetByTestId("member-role")).ToHaveTextAsync("observer");
        await Expect(page.Locator("form.statement-form, form.proposal-form")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settlement" })).ToHaveCountAsync(0);
        await AssertNoProfileNoteAsync(page);
        await Screenshots.SaveAsync(page, "dashboard");

        await OpenAsync(page, "/negotiations/berlin-2025/issues/territory?asOf=2025-12-15");
        await Expect(page.Locator("h1")).ToContainTextAsync("Territory");
        await Expect(page.Locator("form.position-form, form.response-form")).ToHaveCountAsync(0);
        await AssertNoProfileNoteAsync(page);
        await Screenshots.SaveAsync(page, "issue");

        await OpenAsync(page, Settlement);
        await Expect(page.GetByTestId("settlement-closed")).ToContainTextAsync("The settlement is for the mediator and the delegations");
        await Expect(page.Locator("table")).ToHaveCountAsync(0);
        await AssertNoProfileNoteAsync(page);
        await Screenshots.SaveAsync(page, "settlement");
    }

    [Fact]
    public async Task Settlement_AsMediator_ShowsEveryPartysUtilitiesAndReservations()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Settlement, "mediator");

        var columns = page.Locator("table.frontier thead th");
        await Expect(columns).ToHaveTextAsync(["Package", "Ukraine", "Russia", "United States"]);
        await Expect(page.Locator("table.frontier tr", new() { HasText = "Reservation" })).ToContainTextAsync("0.400");
        await Expect(page.Locator("li[data-profile]")).ToHaveCountAsync(3);
        await Expect(page.Locator("li[data-profile=ru]")).ToContainTextAsync("reservation 0.400");
        await Expect(page.Locator("li[data-profile=ru]")).ToContainTextAsync(RussiaNote);
        await Expect(page.Locator("li[data-profile=us]")).ToContainTextAsync(UnitedStatesNote);
        await Expect(page.GetByTestId("member-role")).ToHaveTextAsync("mediator");
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Header_SwitchDemoAccountFromUkraineToRussia_SaysSoAndKeepsThePage()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025", "ua");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Signed in as ua");
        await Expect(page.GetByTestId("member-role")).ToHaveTextAsync("delegation of Ukraine");

        await page.GetByText("Switch demo account").ClickAsync();
        await Screenshots.SaveAsync(page, "menu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Russia's delegation (ru)" }).ClickAsync();

        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Signed in as ru");
        await Expect(page.GetByTestId("member-role")).ToHaveTextAsync("delegation of Russia");
        Assert.EndsWith("/negotiations/berlin-2025", new Uri(page.Url).AbsolutePath);
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await Screenshots.SaveAsync(page);
    }

    private static async Task AssertNoProfileNoteAsync(IPage page)
    {
        var html = await page.ContentAsync();
        foreach (var note in new[] { UkraineNote, RussiaNote, UnitedStatesNote })
            Assert.DoesNotContain(note, html);
    }
}
