using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>
/// The agenda edited from the dashboard — rounds, agreements, contingencies, working groups, parties and issues — seen on
/// the dashboard and in the scenario export; refused to a delegation; and the header's list of negotiations kept live.
/// </summary>
public sealed class AgendaEditingTests : BrowserTest
{
    private const string Dashboard = "/negotiations/berlin-2025";

    private static ILocator Check(ILocator form, string name) =>
        form.GetByRole(AriaRole.Checkbox, new() { Name = name, Exact = true });

    [Fact]
    public async Task Agenda_MediatorCreatesEachKind_SeesItOnTheDashboardAndInTheExport()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Dashboard, "mediator");
        var ahead = page.Locator("section[aria-labelledby=ahead-h]");

        // A round: nothing filled in shows every field's message; an end before the start is the model's own refusal.
        var round = page.Locator(".round-form");
        await ClickUntilAsync(round.GetByRole(AriaRole.Button, new() { Name = "Add round" }), page.Locator("#round-summary"));
        await Expect(page.Locator("#round-title-error")).ToContainTextAsync("Give the round a title");
        await Expect(page.Locator("#round-start-error")).ToContainTextAsync("Choose the round's first day");
        await Expect(page.Locator("#round-attendees-error")).ToContainTextAsync("Choose the parties present");
        await Expect(page.Locator("#round-title")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#round-title").FillAsync("Miami round");
        await page.Locator("#round-venue").FillAsync("Miami");
        await page.Locator("#round-start").FillAsync("2025-12-21");
        await page.Locator("#round-end").FillAsync("2025-12-20");
        await Check(round, "United States").CheckAsync();
        await Check(round, "Ukraine").CheckAsync();
        await round.GetByRole(AriaRole.Button, new() { Name = "Add round" }).ClickAsync();
        await Expect(page.Locator("#round-end-error")).ToContainTextAsync("ends before it starts");
        await Expect(page.Locator("#round-end")).ToHaveAttributeAsync("aria-describedby", "round-end-hint round-end-error");
        await Screenshots.SaveAsync(page, "round-refused");
        await page.Locator("#round-end").FillAsync("2025-12-22");
        await round.GetByRole(AriaRole.Button, new() { Name = "Add round" }).ClickAsync();
        await Expect(round.GetByRole(AriaRole.Status)).ToContainTextAsync("Added: Miami round, 21 Dec 2025 – 22 Dec 2025.");
        await Expect(ahead).ToContainTextAsync("Miami round");

        // An agreement: choosing the plant ticks its three principals; recorded final, the plant is agreed.
        var agreement = page.Locator(".agreement-form");
        await page.Locator("#agr-issue").SelectOptionAsync("nuclear-plant");
        foreach (var principal in new[] { "Ukraine", "Russia", "United States" }) await Expect(Check(agreement, principal)).ToBeCheckedAsync();
        await page.Locator("#agr-option").SelectOptionAsync("us-led-trilateral");
        await agreement.GetByRole(AriaRole.Button, new() { Name = "Record agreement" }).ClickAsync();
        await Expect(agreement.GetByRole(AriaRole.Status)).ToContainTextAsync("Ukraine, Russia and United States agreed");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("21 of 22 issues agreed");

        // A contingency: if Russia rejects the Christmas truce, Ukraine asks the US for air defence.
        var contingency = page.Locator(".contingency-form");
        await page.Locator("#cont-owner").SelectOptionAsync("ua");
        await page.Locator("#cont-proposal").SelectOptionAsync("christmas-truce");
        await page.Locator("#cont-by").SelectOptionAsync("ru");
        await page.Locator("#cont-party-1").SelectOptionAsync("us");
        await page.Locator("#cont-text-1").FillAsync("Send air defence for the power plants");
        await contingency.GetByRole(AriaRole.Button, new() { Name = "Plan contingency" }).ClickAsync();
        await Expect(contingency.GetByRole(AriaRole.Status)).ToContainTextAsync("Planned: Ukraine");
        await Expect(page.Locator("section[aria-labelledby=offers-h] li[data-proposal=christmas-truce]"))
            .ToContainTextAsync("Plan of Ukraine if rejected by Russia: asks United States: Send air defence for the power plants");

        // A working group on prisoners, meeting on 23 Dec.
        var group = page.Locator(".working-group-form");
        await page.Locator("#wg-name").FillAsync("Working group on prisoners");
        await Check(group, "Ukraine").CheckAsync();
        await Check(group, "Russia").CheckAsync();
        await group.Locator("input[name=wg-issue][value=prisoners]").CheckAsync();
        await page.Locator("#wg-next").FillAsync("2025-12-23");
        await group.GetByRole(AriaRole.Button, new() { Name = "Set up working group" }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Status)).ToContainTextAsync("Set up: Working group on prisoners, meeting next on 23 Dec 2025.");
        await Expect(ahead).ToContainTextAsync("Working group on prisoners");

        // A party with a delegate, and an issue with weight, principals and options.
        var party = page.Locator(".party-form");
        await page.Locator("#party-name").FillAsync("Türkiye");
        await page.Locator("#party-id").FillAsync("tr");
        await party.Locator("input[name=party-role][value=Principal]").UncheckAsync();
        await party.Locator("input[name=party-role][value=Observer]").CheckAsync();
        await page.Locator("#party-delegates-name-1").FillAsync("Hakan Fidan");
        await page.Locator("#party-delegates-detail-1").FillAsync("Foreign Minister");
        await party.GetByRole(AriaRole.Button, new() { Name = "Add party" }).ClickAsync();
        await Expect(party.GetByRole(AriaRole.Status)).ToContainTextAsync("Added: Türkiye (tr) with Hakan Fidan.");
        await Expect(page.GetByTestId("parties")).ToContainTextAsync("Türkiye");

        var issue = page.Locator(".issue-form");
        await page.Locator("#issue-title").FillAsync("Black Sea shipping");
        await page.Locator("#issue-weight").FillAsync("2");
        await Check(issue, "Ukraine").CheckAsync();
        await Check(issue, "Russia").CheckAsync();
        await page.Locator("#issue-options-name-1").FillAsync("Free navigation");
        await page.Locator("#issue-options-name-2").FillAsync("Inspected navigation");
        await issue.GetByRole(AriaRole.Button, new() { Name = "Add issue" }).ClickAsync();
        await Expect(issue.GetByRole(AriaRole.Status)).ToContainTextAsync("Added: Black Sea shipping (black-sea-shipping), 2 options.");
        await Expect(page.GetByTestId("agreed-headline")).ToContainTextAsync("21 of 23 issues agreed");
        await Expect(page.Locator("section[aria-labelledby=matrix-h]")).ToContainTextAsync("Black Sea shipping");
        await ScenarioFilesTests.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page);

        // The scenario export holds every item, read back by the scenario reader.
        var export = await page.APIRequest.GetAsync(new Uri(App.Address, "api/negotiations/berlin-2025/scenario").ToString());
        var read = ScenarioReader.Read(await export.TextAsync(), "berlin-2025.yaml");
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        var n = read.Negotiation!;
        var agreed = Assert.Single(n.Agreements, a => a.Issue == "nuclear-plant");
        Assert.Equal(("us-led-trilateral", false), (agreed.Option, agreed.AdReferendum));
        Assert.Equal(["ua", "ru", "us"], agreed.Parties);
        var plan = Assert.Single(n.Contingencies, c => c.Trigger.Proposal == "christmas-truce");
        Assert.Equal(("ua", TriggerKind.ProposalRejected, "ru"), (plan.Owner, plan.Trigger.Kind, plan.Trigger.ByParty));
        Assert.Equal(new ContingencyAction(ActionKind.Request, "us", "Send air defence for the power plants"), Assert.Single(plan.Actions));
        var miami = Assert.Single(n.Rounds, r => r.Title == "Miami round");
        Assert.Equal((new DateTimeOffset(2025, 12, 21, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 22, 0, 0, 0, TimeSpan.Zero)), (miami.Start, miami.End));
        Assert.Equal(["ua", "us"], miami.Attendees);
        var wg = Assert.Single(n.WorkingGroups, g => g.Name == "Working group on prisoners");
        Assert.Equal(["ua", "ru"], wg.Members);
        Assert.Equal(["prisoners"], wg.Issues);
        Assert.Equal(new DateTimeOffset(2025, 12, 23, 0, 0, 0, TimeSpan.Zero), wg.NextMeeting);
        var turkey = n.FindParty("tr")!;
        Assert.Equal([PartyRole.Observer], turkey.Roles);
        Assert.Equal(("Hakan Fidan", "Foreign Minister"), (Assert.Single(turkey.Delegates).Name, turkey.Delegates[0].Title));
        var shipping = n.FindIssue("black-sea-shipping")!;
        Assert.Equal(2.0, shipping.Weight);
        Assert.Equal(["ua", "ru"], shipping.Principals!);
        Assert.Equal(["free-navigation", "inspected-navigation"], shipping.Options.Select(o => o.Id));

        // Every change is in the history under the signed-in member.
        using var history = JsonDocument.Parse(await (await page.APIRequest.GetAsync(new Uri(App.Address, "api/negotiations/berlin-2025/history").ToString())).TextAsync());
        foreach (var id in new[] { agreed.Id, plan.Id, miami.Id, wg.Id, "tr", "black-sea-shipping" })
            Assert.Equal("mediator", history.RootElement.EnumerateArray().Last(e => e.GetProperty("itemId").GetString() == id).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Commitment_MadeFromAnAgreedProvision_KeepsItsTextOnTheDraftsGuaranteesAndExport()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, "/negotiations/berlin-2025/drafts", "mediator");
        var form = page.Locator(".commitment-form");
        await ClickUntilAsync(form.GetByRole(AriaRole.Button, new() { Name = "Make commitment" }), page.Locator("#cmt-summary"));
        await Expect(page.Locator("#cmt-provision-error")).ToContainTextAsync("Choose the agreed provision");
        await Expect(page.Locator("#cmt-conduct-error")).ToContainTextAsync("Name the conduct");

        // Only agreed text is offered: every provision listed is a paragraph without a bracket.
        var offered = page.Locator("#cmt-provision option:not([value='-1'])");
        Assert.True(await offered.CountAsync() > 0, "no agreed provision offered");
        foreach (var text in await offered.AllTextContentsAsync()) Assert.DoesNotContain("[", text);
        var provision = (await offered.First.GetAttributeAsync("value"))!;
        await page.Locator("#cmt-provision").SelectOptionAsync(provision);
        await page.Locator("#cmt-title").FillAsync("No strikes on the grid");
        await page.Locator("#cmt-conduct").FillAsync("Explosions/Remote violence");
        await Check(form, "Russia").CheckAsync();
        await Check(form, "Ukraine").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Make commitment" }).ClickAsync();
        var number = int.Parse(provision) + 1;
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync($"Made: No strikes on the grid, from provision {number}");
        var made = page.GetByTestId("commitments-from-draft").Locator("li").Filter(new() { HasText = "No strikes on the grid" });
        await Expect(made).ToContainTextAsync($"from provision {number} of");
        var quoted = (await made.Locator("blockquote").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrEmpty(quoted));
        await ScenarioFilesTests.AssertAccessibleAsync(page);
        await Screenshots.SaveAsync(page);

        // The guarantees page lists it among the commitments; the export keeps its provision and text.
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees");
        await Expect(page.Locator("main")).ToContainTextAsync("No strikes on the grid");
        var export = await page.APIRequest.GetAsync(new Uri(App.Address, "api/negotiations/berlin-2025/scenario").ToString());
        var read = ScenarioReader.Read(await export.TextAsync(), "berlin-2025.yaml");
        Assert.True(read.Ok, string.Join("\n", read.Errors));
        var commitment = Assert.IsType<Parley.Core.Guarantees.Prohibition>(Assert.Single(read.Guarantees!.Commitments, c => c.Title == "No strikes on the grid"));
        Assert.Equal(["ru", "ua"], commitment.BoundParties.Order());
        Assert.Equal((number - 1, quoted), (commitment.Source!.Provision, commitment.Source.Text));
    }

    [Fact]
    public async Task Agenda_AsDelegation_ShowsNoFormAndTheServerRefuses()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Dashboard, "ua");
        await Expect(page.Locator(".statement-form")).ToHaveCountAsync(1);
        foreach (var form in new[] { "agreement", "contingency", "round", "working-group", "party", "issue" })
            await Expect(page.Locator($".{form}-form")).ToHaveCountAsync(0);
        await OpenAsync(page, "/negotiations/berlin-2025/drafts");
        await Expect(page.Locator("section[aria-labelledby=commitments-h]")).ToBeVisibleAsync();
        await Expect(page.Locator(".commitment-form")).ToHaveCountAsync(0);
        await OpenAsync(page, Dashboard);

        // Not only the page: the server refuses Ukraine's delegation an agreement, and stores nothing.
        using var api = await App.ApiClientAsync("ua");
        var body = """{"id": "ua-says-agreed", "issue": "territory", "option": "freeze-line", "parties": ["ua", "ru", "us"]}""";
        var refused = await api.PostAsync("api/negotiations/berlin-2025/agreements", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("application/problem+json", refused.Content.Headers.ContentType?.ToString());
        using var mediator = await App.ApiClientAsync();
        Assert.DoesNotContain("ua-says-agreed", await mediator.GetStringAsync("api/negotiations/berlin-2025/scenario"));
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Header_NegotiationImportedElsewhere_AppearsWithoutReload_ForItsMembersOnly()
    {
        var mediator = await Browser.NewUserAsync();
        await OpenAsync(mediator, Dashboard, "mediator");
        var observer = await Browser.NewUserAsync();
        await OpenAsync(observer, Dashboard, "observer");
        foreach (var page in new[] { mediator, observer }) await page.EvaluateAsync("() => window.parleyNotReloaded = true");
        ILocator Listed(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Negotiations" }).GetByRole(AriaRole.Link, new() { Name = "Harbour access talks" });

        // A script imports a negotiation: its importer, the mediator, sees it in the header at once; the observer does not.
        await App.MakeAdministratorAsync("mediator");
        using var api = await App.ApiClientAsync();
        var imported = await api.PostAsync("api/negotiations", new StringContent(ScenarioFilesTests.Harbour, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        await Expect(Listed(mediator)).ToBeVisibleAsync();
        await Expect(Listed(observer)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(observer, "not-a-member");

        // Made a member, the observer sees it too, still without a reload.
        var granted = await api.PutAsync("api/negotiations/harbour-talks/members/observer",
            new StringContent("""{"role": "observer"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        await Expect(Listed(observer)).ToBeVisibleAsync();
        foreach (var page in new[] { mediator, observer })
            Assert.True(await page.EvaluateAsync<bool>("() => window.parleyNotReloaded === true"), "a page was reloaded");
        await Screenshots.SaveAsync(mediator);
        await Screenshots.SaveAsync(observer, "member");
    }
}
