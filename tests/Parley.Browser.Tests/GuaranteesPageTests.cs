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
        using (var http = new HttpClient { BaseAddress = App.Address })
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
        await OpenAsync(page, "/negotiations/berlin-2025/guarantees");
        var consult = page.Locator("li[data-commitment=guarantee-consult]");
        await Expect(consult.Locator("tr", new() { HasText = "test-orikhiv-assault" })).ToHaveCountAsync(0);

        var item = page.Locator(".queue > li[data-incident=test-orikhiv-assault]");
        await item.GetByLabel("Responsible party").SelectOptionAsync("ru");
        await item.GetByLabel("Evidence").FillAsync("patrol report and imagery");
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
}
