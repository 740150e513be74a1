using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Parley.Cli.Tests.Crash;
using Parley.Data;

namespace Parley.Cli.Tests.Operations;

/// <summary>
/// SIGTERM (docker stop, systemd) while a write is in flight: the server stops taking new connections but finishes the
/// write, answers it, and exits 0; the database holds the whole write and verifies.
/// </summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-shutdown-").FullName;

    private string Db => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sigterm_DuringAnIncidentImport_FinishesTheImport_AndExitsCleanly()
    {
        Ok(await CliRunner.Run("import", CliRunner.Repo("scenarios", "berlin-2025.yaml"), "--database", Db));
        Ok(await CliRunner.Run("users", "add", "operator", "--database", Db));
        Ok(await CliRunner.Run("members", "add", "-n", "berlin-2025", "--user", "operator", "--role", "mediator", "--database", Db));
        var token = await CliRunner.Run("tokens", "create", "operator", "--database", Db);
        Ok(token);
        int before;
        await using (var db = ParleyDatabase.Open(Db)) before = await db.Incidents.CountAsync();
        var csv = await File.ReadAllBytesAsync(CliRunner.Repo("tests", "data", "acled", "acled-ukraine-sample.csv"));

        await using var server = await ServerProcess.StartAsync(Db, Path.Combine(_dir, "record-key.pem"), TimeSpan.FromMinutes(3));
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Out.Trim());
        var body = new HalfThenRest(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
        var import = http.PostAsync("api/negotiations/berlin-2025/incidents/import?format=acled", body);
        await body.HalfSent.Task;
        await Task.Delay(300); // the server is reading the request

        var exited = server.TerminateAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(500); // shutdown has begun
        Assert.False(exited.IsCompleted, "the server exited with a request in flight");
        body.SendRest.SetResult();
        var response = await import;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var imported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["imported"]!.GetValue<int>();
        Assert.True(imported > 0);
        Assert.Equal(0, await exited);
        await using (var db = ParleyDatabase.Open(Db)) Assert.Equal(before + imported, await db.Incidents.CountAsync());
        var verify = await CliRunner.Run("verify", "--database", Db);
        Assert.True(verify.Exit == 0, verify.Out + verify.Error);
    }

    private static void Ok(CliRunner.Result run) => Assert.True(run.Exit == 0, run.Error);

    /// <summary>A request body that sends its first half, then waits for <see cref="SendRest"/>.</summary>
    private sealed class HalfThenRest(byte[] bytes) : HttpContent
    {
        public TaskCompletionSource HalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SendRest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            HalfSent.TrySetResult();
            await SendRest.Task;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
