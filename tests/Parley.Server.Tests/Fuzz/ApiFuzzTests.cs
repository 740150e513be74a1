using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Core.Access;

namespace Parley.Server.Tests.Fuzz;

/// <summary>
/// Every operation of the app's OpenAPI document, called by the Berlin demo's mediator with generated and then spoiled
/// paths, queries, headers and bodies (<see cref="RequestMutator"/>). The oracle: no answer is 500 or above, no request
/// goes unanswered for <see cref="HangAfter"/>, and the server still serves the demo's status afterwards. Input
/// <c>i</c> of seed <c>s</c> is replayed alone with <c>PARLEY_FUZZ_SEED=s PARLEY_FUZZ_INDEX=i</c>; the failure message
/// gives the request. Size: <c>PARLEY_FUZZ_API_INPUTS</c> (default 200, the CI size).
/// </summary>
public sealed class ApiFuzzTests : SqliteAppTest
{
    /// <summary>A request unanswered this long is a hang: settlement on the demo answers in well under a second.</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EveryOperation_SpoiledRequests_AreNeverAServerError_AndTheServerKeepsAnswering()
    {
        using var client = Factory.ClientAs("fuzz-mediator", MemberRole.Mediator);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var api = new OpenApiOperations(document);
        var operations = api.Operations();
        Assert.True(operations.Count >= 40, $"the OpenAPI document lists {operations.Count} operations");
        var mutator = new RequestMutator(api, new FileBodies());

        var seed = Env("PARLEY_FUZZ_SEED", 13);
        var only = Environment.GetEnvironmentVariable("PARLEY_FUZZ_INDEX");
        var indices = only is null ? Enumerable.Range(0, Env("PARLEY_FUZZ_API_INPUTS", 200)) : [int.Parse(only, CultureInfo.InvariantCulture)];
        var failures = new List<string>();
        var (sent, errors, hangs) = (0, 0, 0);
        var statuses = new SortedDictionary<int, int>();
        var fileStatuses = new SortedDictionary<int, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var i in indices)
        {
            var request = mutator.Next(operations, new Random(InputSeed(seed, i)));
            sent++;
            var (status, body) = await SendAsync(client, request);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (request.Raw is not null) fileStatuses[status] = fileStatuses.GetValueOrDefault(status) + 1;
            if (status < 500) continue;
            if (status == 0) hangs++; else errors++;
            failures.Add($"PARLEY_FUZZ_SEED={seed} PARLEY_FUZZ_INDEX={i}: {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))}\n  {request}\n  answer: {Cut(body)}");
            if (hangs > 0 || failures.Count >= 10) break;
        }

        Report($"{DateTime.UtcNow:O} target=api seed={seed} operations={operations.Count} inputs={sent} errors5xx={errors} hangs={hangs} seconds={clock.Elapsed.TotalSeconds:0.0} statuses={string.Join(' ', statuses.Select(s => $"{s.Key}:{s.Value}"))} files={string.Join(' ', fileStatuses.Select(s => $"{s.Key}:{s.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/negotiations/{ParleyFactory.Demo}/status")).StatusCode);
    }

    /// <summary>Sends <paramref name="request"/>; status 0 when it went unanswered, 599 when the test server threw.</summary>
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Raw is not null || request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Raw ?? Encoding.UTF8.GetBytes(request.Body!));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        using var timeout = new CancellationTokenSource(HangAfter);
        try
        {
            using var response = await client.SendAsync(message, timeout.Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (0, "");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (599, e.ToString()); // the in-memory server let an exception out of the pipeline
        }
    }

    private static int InputSeed(int seed, int index) => (int)(2166136261u ^ (uint)seed * 2654435761u ^ (uint)index * 40503u ^ 0x41504931u);

    private static string Cut(string s) => s.Length > 2000 ? s[..2000] + "…" : s;

    private static void Report(string line)
    {
        if (Environment.GetEnvironmentVariable("PARLEY_FUZZ_REPORT") is { Length: > 0 } file) File.AppendAllText(file, line + Environment.NewLine);
    }

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
