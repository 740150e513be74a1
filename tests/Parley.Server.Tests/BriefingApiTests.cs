using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Parley.Core.Access;
using Parley.Server.Tests.Access;

namespace Parley.Server.Tests;

/// <summary>The briefing of the Berlin demo as a Word document, over HTTP, for the mediator and for Ukraine's delegation.</summary>
public sealed class BriefingApiTests : SqliteAppTest
{
    private const string Briefing = "/api/negotiations/berlin-2025/briefing.docx";
    private const string RussiaNote = "Territory and keeping Ukraine out of NATO first"; // Russia's private preference note
    [Fact]
    public async Task BriefingDocx_AsMediator_HasTheHeadingsAndTheStatusFigures()
    {
        using var mediator = Factory.CreateClient();
        using var response = await mediator.GetAsync(Briefing + "?asOf=2025-12-15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseText.Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("berlin-2025-briefing-2025-12-15.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToArray();
        string[] Styled(string style) => [.. paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText)];
        Assert.Equal(["State of play as of 15 Dec 2025"], Styled("Title"));
        Assert.Equal(["What is agreed", "Sticking points", "Open offers", "The draft's brackets by issue", "Guarantees and breaches"], Styled("Heading1"));
        Assert.Equal(["Territory — Blocked", "Zaporizhzhia nuclear power plant — Open"], Styled("Heading2"));

        // The agreed share is the status endpoint's, for the same date.
        var status = JsonNode.Parse(await mediator.GetStringAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-15"))!;
        var share = Math.Round(status["agreedShare"]!.GetValue<double>() * 100).ToString(CultureInfo.InvariantCulture);
        var headline = $"{status["agreedIssues"]} of {status["totalIssues"]} issues agreed ({share}\u00a0%)";
        Assert.Equal("20 of 22 issues agreed (91\u00a0%)", headline);
        Assert.StartsWith(headline, paragraphs.First(p => p.InnerText.Contains("issues agreed")).InnerText);
        var text = ResponseText.OfDocx(stream.ToArray());
        Assert.Contains("Prepared for the mediator", text);
        // The draft's brackets by issue: the plant's two alternatives, credited to the US and Ukraine.
        var tables = document.MainDocumentPart.Document.Body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray()).ToArray();
        var brackets = tables.Single(t => t[0].SequenceEqual(["Issue", "Brackets", "Credited to"]));
        Assert.Contains(brackets, r => r[0] == "Zaporizhzhia nuclear power plant" && r[2].Contains("United States") && r[2].Contains("Ukraine"));
        var offers = tables.Single(t => t[0][0] == "Offer");
        Assert.Contains(offers, r => r[3].Contains("left)"));
        var guarantees = tables.Single(t => t[0][0] == "Commitment");
        Assert.Contains(guarantees, r => r[0].Contains("Christmas", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BriefingDocx_AsUkraine_HoldsNothingOfRussiasPrivateProfileOrPositions()
    {
        using var mediator = Factory.CreateClient();
        // A red line Russia keeps to itself: the mediator's briefing names it, Ukraine's must not.
        var posted = await mediator.PostAsJsonAsync("/api/negotiations/berlin-2025/positions", new
        {
            party = "ru", issue = "nuclear-plant", validFrom = "2025-12-14T00:00:00Z", visibility = "party:ru",
            stances = new Dictionary<string, string> { ["ua-us-venture"] = "redLine", ["us-led-trilateral"] = "acceptable" },
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        const string PrivateRedLine = "A 50/50 Ukraine-US joint venture: red line of Russia";

        var full = ResponseText.OfDocx(await mediator.GetByteArrayAsync(Briefing + "?asOf=2025-12-15"));
        Assert.Contains(PrivateRedLine, full);

        using var ua = Factory.ClientAs("ua-delegate", MemberRole.Delegation, "ua");
        var own = ResponseText.OfDocx(await ua.GetByteArrayAsync(Briefing + "?asOf=2025-12-15"));
        Assert.Contains("Prepared for the delegation of Ukraine", own);
        Assert.DoesNotContain(PrivateRedLine, own);
        Assert.DoesNotContain(RussiaNote, own);
        Assert.DoesNotContain("0.400", own); // Russia's reservation
        // Its agreed share is its own status endpoint's.
        var status = JsonNode.Parse(await ua.GetStringAsync("/api/negotiations/berlin-2025/status?asOf=2025-12-15"))!;
        Assert.Contains($"{status["agreedIssues"]} of {status["totalIssues"]} issues agreed", own);
    }

    [Fact]
    public async Task BriefingDocx_BadAsOf_Is400NamingIt()
    {
        using var mediator = Factory.CreateClient();
        using var response = await mediator.GetAsync(Briefing + "?asOf=2025-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["asOf"]);
    }
}
