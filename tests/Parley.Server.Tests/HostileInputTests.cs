using System.Net;
using System.Text;

namespace Parley.Server.Tests;

/// <summary>A hostile file sent to the API is refused with its position, and the server goes on serving.</summary>
public sealed class HostileInputTests : SqliteAppTest
{
    [Fact]
    public async Task ImportScenario_400KBOfNestedBrackets_Is400WithThePosition_AndTheServerLives()
    {
        using var client = Factory.CreateClient();
        var yaml = "negotiation: " + new string('[', 200_000) + new string(']', 200_000);

        var response = await client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("upload.yaml:1:", body);
        Assert.Contains("deep", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }

    [Fact]
    public async Task ImportScenario_AliasBomb_Is400AtTheAliasTooMany_AndTheServerLives()
    {
        using var client = Factory.CreateClient();
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n"); // 9^12 values once walked
        for (var level = 1; level <= 12; level++)
            yaml.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n");

        var response = await client.PostAsync("/api/negotiations?fileName=laughs.yaml", new StringContent(yaml.ToString(), Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("laughs.yaml:13:", body);
        Assert.Contains("aliases", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task UploadDraft_DocxThatUnpacksTo1GB_Is400NamingTheLimit_AndNothingIsStored()
    {
        using var client = Factory.CreateClient();
        using var bomb = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bomb, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var mb = 0; mb < 1024; mb++) part.Write(spaces); // 1 GiB of spaces pack to about 1 MB
        }
        var content = new ByteArrayContent(bomb.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var response = await client.PostAsync("/api/negotiations/berlin-2025/drafts/bomb/versions?version=v1", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(problem.Contains("unpacks to more than 200 MB"), problem);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/negotiations/berlin-2025/drafts/bomb/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ScenarioOverItsLimit_Is413NamingTheLimit_BeforeTheBodyIsRead_AndNothingIsStored()
    {
        using var client = Factory.CreateClient();
        var yaml = "negotiation:\n  id: huge\n  title: Huge\n  description: " + new string('x', 33 << 20) + "\n";

        var response = await client.PostAsync("/api/negotiations", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("32 MiB", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/negotiations/huge")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/negotiations/berlin-2025/status")).StatusCode);
    }

    [Fact]
    public async Task JsonEditOverOneMiB_Is413_AndTheSameEditUnderItIsTaken()
    {
        using var client = Factory.CreateClient();
        static StringContent Statement(string id, int textLength) => new(
            $$"""{"id":"{{id}}","text":"{{new string('a', textLength)}}","signatories":["ua"]}""",
            Encoding.UTF8, "application/json");

        var huge = await client.PostAsync("/api/negotiations/berlin-2025/statements", Statement("too-long", 2 << 20));
        var small = await client.PostAsync("/api/negotiations/berlin-2025/statements", Statement("short", 100));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("1 MiB", await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_OnARealServer_Is413WhileItIsRead()
    {
        // A body that does not declare its length is counted by Kestrel as it arrives; the answer is still a 413 naming the limit.
        Factory.UseKestrel(0);
        Factory.StartServer();
        using var client = Factory.CreateClient();
        var body = new PushStreamContent(2 << 20);

        var response = await client.PostAsync("/api/negotiations/berlin-2025/statements", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1 MiB", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>A JSON-looking body of <c>length</c> bytes sent without a Content-Length (chunked).</summary>
    private sealed class PushStreamContent(int length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"text\":\""u8.ToArray());
            var chunk = Encoding.ASCII.GetBytes(new string('a', 64 << 10));
            for (var sent = 0; sent < length; sent += chunk.Length) await stream.WriteAsync(chunk);
            await stream.WriteAsync("\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
