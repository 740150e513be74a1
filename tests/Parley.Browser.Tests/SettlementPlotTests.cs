using Deque.AxeCore.Playwright;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Browser.Tests;

/// <summary>
/// The settlement frontier in parallel coordinates (one axis per party), for the three-party Berlin demo: the mediator's
/// plot with every party, and a delegation's with its own axis only.
/// </summary>
public sealed partial class SettlementPlotTests : BrowserTest
{
    private const string Settlement = "/negotiations/berlin-2025/settlement?asOf=2025-12-15";

    [Fact]
    public async Task Settlement_ThreePartiesAsMediator_DrawsTheFrontierOnOneAxisPerParty()
    {
        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Settlement, "mediator");
        var plot = page.GetByTestId("parallel-plot");
        await Expect(plot).ToHaveAttributeAsync("data-axes", "3");
        Assert.Equal(["Ukraine", "Russia", "United States"], await AttributesAsync(plot.Locator("g.axis"), "data-axis"));

        // One line per frontier vector, three utilities each, as many as the page counts.
        var frontierSize = int.Parse(FrontierOf().Match(await page.Locator("#frontier-h + p").InnerTextAsync()).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var lines = await AttributesAsync(plot.Locator("polyline[data-kind=frontier]"), "data-values");
        Assert.Equal(Math.Min(frontierSize, 400), lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.Split(' ').Length));

        // The bargaining packages are the table's rows, drawn across the axes; the reservations are marked on each axis.
        var nashRow = page.Locator("table.frontier tr.solution", new() { HasText = "Nash" }).Locator("td");
        var nash = string.Join(" ", await nashRow.AllInnerTextsAsync());
        await Expect(plot.Locator("g.solution[data-solution=Nash]")).ToHaveAttributeAsync("data-values", nash);
        await Expect(plot.Locator("g.solution")).ToHaveCountAsync(4);
        Assert.Equal(["0.450", "0.400", "0.600"], await AttributesAsync(plot.Locator("g.reservation"), "data-value"));
        await Expect(plot.Locator("g.reservation[data-axis=Russia]")).ToContainTextAsync("reservation 0.400");

        // In words for screen readers: the SVG is an image described by its desc, and the caption says the same.
        await Expect(plot.Locator("svg[role=img]")).ToHaveAttributeAsync("aria-labelledby", "pc-title pc-desc");
        var summary = plot.GetByTestId("parallel-plot-summary");
        await Expect(summary).ToContainTextAsync("One axis per party (Ukraine, Russia, United States)");
        await Expect(summary).ToContainTextAsync($"Nash: Ukraine {nash.Split(' ')[0]}, Russia {nash.Split(' ')[1]}, United States {nash.Split(' ')[2]}");
        await Expect(summary).ToContainTextAsync("Reservations: Ukraine 0.450, Russia 0.400, United States 0.600.");
        // The two-party scatter is not drawn for three parties; the table stays.
        await Expect(page.Locator("#frontier-h ~ figure img")).ToHaveCountAsync(0);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await plot.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.FolderPath, "Settlement_ThreePartiesAsMediator_ParallelPlot.png") });
        await Screenshots.SaveAsync(page);
    }

    [Fact]
    public async Task Settlement_AsUkraine_PlotsUkrainesOwnAxisAndNoneOfRussiasUtilities()
    {
        // Russia's utilities on the frontier, as the mediator's settlement gives them.
        using var api = await App.ApiClientAsync();
        using var full = JsonDocument.Parse(await api.GetStringAsync("/api/negotiations/berlin-2025/settlement?asOf=2025-12-15"));
        var parties = full.RootElement.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ToList();
        int ua = parties.IndexOf("ua"), ru = parties.IndexOf("ru");
        var pareto = full.RootElement.GetProperty("pareto").EnumerateArray().Select(f => f.GetProperty("utilities")).ToArray();
        var ukraine = pareto.Select(u => Utility(u[ua].GetDouble())).ToArray();
        var russiaOnly = pareto.Select(u => Utility(u[ru].GetDouble())).Except(ukraine).ToHashSet();
        Assert.NotEmpty(russiaOnly);

        var page = await Browser.NewUserAsync();
        await OpenAsync(page, Settlement, "ua");
        var plot = page.GetByTestId("parallel-plot");
        await Expect(plot).ToHaveAttributeAsync("data-axes", "1");
        Assert.Equal(["Ukraine"], await AttributesAsync(plot.Locator("g.axis"), "data-axis"));
        // Its own utility on every frontier package, in the frontier's order, and its own reservation (from its own profile).
        Assert.Equal(ukraine.Take(400), await AttributesAsync(plot.Locator("[data-kind=frontier]"), "data-values"));
        Assert.Equal(["0.450"], await AttributesAsync(plot.Locator("g.reservation"), "data-value"));
        var nash = await page.GetByTestId("own-frontier").Locator("tr.solution", new() { HasText = "Nash" }).Locator("td").InnerTextAsync();
        await Expect(plot.Locator("g.solution[data-solution=Nash]")).ToHaveAttributeAsync("data-values", nash);

        var svg = await plot.InnerHTMLAsync();
        Assert.DoesNotContain("Russia", svg);
        Assert.DoesNotContain("United States", svg);
        Assert.DoesNotContain("0.400", svg); // Russia's reservation
        Assert.DoesNotContain("0.600", svg); // the United States' reservation
        foreach (var value in russiaOnly) Assert.DoesNotContain(value, svg);
        await plot.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.FolderPath, "Settlement_AsUkraine_ParallelPlot.png") });
        await Screenshots.SaveAsync(page);
    }

    private static string Utility(double u) => u.ToString("0.000", CultureInfo.InvariantCulture);

    private static async Task<List<string>> AttributesAsync(ILocator elements, string attribute)
    {
        var values = new List<string>();
        foreach (var e in await elements.AllAsync()) values.Add(await e.GetAttributeAsync(attribute) ?? "");
        return values;
    }

    [GeneratedRegex(@"frontier of ([\d,]+)")]
    private static partial Regex FrontierOf();
}
