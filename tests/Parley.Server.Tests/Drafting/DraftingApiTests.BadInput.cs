using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Core.Drafting;
using Parley.Server.Drafting;

namespace Parley.Server.Tests.Drafting;

// Bad uploads are 400s naming the field (with line and column for the text), unknown things 404s; never a 500, and a
// refused upload stores nothing.
public abstract partial class DraftingApiTests
{
    private async Task<int> HistoryCount() =>
        (await Json(await Client.GetAsync("/api/negotiations/berlin-2025/history"))).AsArray().Count;

    [Fact]
    public async Task Upload_UnbalancedBrackets_Is400WithLineAndColumn_AndStoresNothing()
    {
        var before = await HistoryCount();

        var response = await Upload("berlin-framework", "version=broken", "# Title\n\nThe Parties [shall\nagree.]]\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await Json(response);
        var problems = problem["problems"]!.AsArray();
        Assert.Single(problems);
        Assert.Equal(4, problems[0]!["line"]!.GetValue<int>());
        Assert.Equal(8, problems[0]!["column"]!.GetValue<int>());
        Assert.StartsWith("4:8: ']' has no matching '['", problem["errors"]!["text"]![0]!.GetValue<string>());
        Assert.Equal(before, await HistoryCount());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Berlin}/versions/broken")).StatusCode);
    }

    [Fact]
    public async Task Upload_UnbalancedBracketsAccepted_IsStoredWithItsProblems()
    {
        var response = await Upload("berlin-framework", "version=as-is&acceptProblems=true", "The Parties [shall agree.\n");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stats = await Json(await Client.GetAsync($"{Berlin}/versions/as-is/stats"));
        Assert.Equal(1, stats["problems"]!.AsArray()[0]!["line"]!.GetValue<int>());
        Assert.Equal(13, stats["problems"]!.AsArray()[0]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upload_NotUtf8_Is400WithLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes("First line.\nSecond [line] caf").Concat(new byte[] { 0xE9, (byte)'.' }).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        var response = await Client.PostAsync($"{Berlin}/versions?version=latin1", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await Json(response))["errors"]!["text"]![0]!.GetValue<string>();
        Assert.StartsWith("2:18: the text is not UTF-8 (byte 0xE9)", detail);
    }

    [Fact]
    public async Task Upload_MoreOpeningBracketsThanTheLimit_Is400OnTheText_AndNothingIsStored()
    {
        // A file of nothing but '[' made some 500 bytes of memory per byte when read: refused before it is read.
        var content = new StringContent("# Bomb\n\n" + new string('[', DraftLimits.MaxOpeningBrackets + 1), Encoding.UTF8, "text/markdown");

        var response = await Client.PostAsync($"{Berlin}/versions?version=bomb", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await Json(response))["errors"]!["text"]![0]!.GetValue<string>();
        Assert.Equal("the draft holds 500,001 opening brackets; at most 500,000 are read", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Berlin}/versions/bomb/stats")).StatusCode);
    }

    [Fact]
    public async Task Upload_NotADocx_Is400OnTheFile()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("PK this is not a zip"));
        content.Headers.ContentType = new MediaTypeHeaderValue(DraftUpload.DocxType);

        var response = await Client.PostAsync($"{Berlin}/versions?version=word", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]!["file"]);
    }

    [Theory]
    [InlineData("berlin-framework", "date=2025-12-20", "version")]
    [InlineData("berlin-framework", "version=x&date=20.12.2025", "date")]
    [InlineData("berlin-framework", "version=x&format=pdf", "format")]
    [InlineData("berlin-framework", "version=a%2Fb", "version")]
    [InlineData("berlin-framework", "version=15%20DEC&date=2025-12-20", "version")]
    [InlineData("berlin-framework", "version=earlier&date=2025-12-01", "date")]
    [InlineData("bad%20draft", "version=x", "draft")]
    public async Task Upload_BadField_Is400NamingIt(string draft, string query, string field)
    {
        var before = await HistoryCount();

        var response = await Upload(draft, query, "The Parties [shall][should] agree.\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]![field]);
        Assert.Equal(before, await HistoryCount());
    }

    [Fact]
    public async Task Upload_EmptyBody_Is400()
    {
        var response = await Upload("berlin-framework", "version=empty", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_MultipartWithoutFile_Is400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("v9"), "version" } };
        var response = await Client.PostAsync($"{Berlin}/versions", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]!["file"]);
    }

    [Fact]
    public async Task Upload_UnknownNegotiation_Is404()
    {
        var response = await Client.PostAsync("/api/negotiations/nope/drafts/x/versions?version=v1",
            new StringContent("Text.", Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/negotiations/nope/drafts")]
    [InlineData(Drafts + "/nope/versions")]
    [InlineData(Berlin + "/versions/nope")]
    [InlineData(Berlin + "/versions/nope/stats")]
    [InlineData(Berlin + "/versions/nope/render")]
    [InlineData(Berlin + "/diff?from=nope")]
    [InlineData(Berlin + "/diff")]
    [InlineData(Drafts + "/nope/convergence")]
    [InlineData("/api/negotiations/nope/drafts/berlin-framework/agreed-share")]
    public async Task Get_UnknownNegotiationDraftOrVersion_Is404ProblemDetails(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(Berlin + "/versions/latest/render?to=pdf", "to")]
    [InlineData(Berlin + "/versions/latest/render?asOf=yesterday", "asOf")]
    [InlineData(Berlin + "/agreed-share?asOf=yesterday", "asOf")]
    public async Task Get_BadQuery_Is400NamingTheField(string path, string field)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]![field]);
    }
}
