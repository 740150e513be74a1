using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests.Crash;

/// <summary>
/// Kill/restart cycles against one database: the real server runs as its own process, writers (the Ukrainian and Russian
/// delegations, two each) add statements through the REST API and remember every one answered 201, the server is
/// killed with SIGKILL at a random moment while they write, and before it is started again on the same database the
/// record is verified (<c>parley verify</c>) and a SQLite file checked (<c>PRAGMA integrity_check</c>); after the restart
/// every acknowledged statement must be read back through the API. Figures in docs/reliability.md, "Crash safety".
/// </summary>
public sealed class CrashTrial(string database, string folder, int seed)
{
    private const string Negotiation = "berlin-2025";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly (string User, string Party)[] Writers = [("ua", "ua"), ("ua", "ua"), ("ru", "ru"), ("ru", "ru")];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, string> _tokens = [];
    private readonly string _keyFile = Path.Combine(folder, "record-key.pem");

    /// <summary>What the cycles found. <see cref="Problems"/> empty means every check held.</summary>
    public sealed record Figures(int Kills, int Acknowledged, int InFlight, int InFlightKept, int Lost, int VerifyRuns, int IntegrityChecks,
        IReadOnlyList<string> Problems)
    {
        public override string ToString() =>
            $"{Kills} SIGKILLs, {Acknowledged} writes acknowledged, {Lost} lost; {InFlight} unanswered at the kill, {InFlightKept} of them stored; " +
            $"parley verify run {VerifyRuns} times, integrity_check {IntegrityChecks} times; {Problems.Count} problems";
    }

    /// <summary>Runs <paramref name="kills"/> kill/restart cycles and gives the figures; never throws for a failed check.</summary>
    public async Task<Figures> RunAsync(int kills)
    {
        var acknowledged = new HashSet<string>();
        var lostIds = new HashSet<string>();
        var problems = new List<string>();
        int inFlight = 0, inFlightKept = 0, verifies = 0, integrity = 0;
        var server = await ServerProcess.StartAsync(database, _keyFile, StartTimeout);
        try
        {
            foreach (var user in new[] { "ua", "ru", "mediator" }) _tokens[user] = await TokenAsync(user);
            for (var cycle = 1; cycle <= kills; cycle++)
            {
                var round = await WriteUntilKilledAsync(server, cycle);
                await server.DisposeAsync();
                acknowledged.UnionWith(round.Acknowledged);
                problems.AddRange(round.Unexpected.Select(u => $"cycle {cycle}: {u}"));

                if (await IntegrityAsync() is { } broken) problems.Add($"cycle {cycle}: integrity_check: {broken}");
                if (!IsPostgres) integrity++;
                var verify = await CliRunner.Run("verify", "-d", database, "--key", _keyFile);
                verifies++;
                if (verify.Exit != 0) problems.Add($"cycle {cycle}: parley verify exited {verify.Exit}: {verify.Out}{verify.Error}");
                SqliteConnection.ClearAllPools();

                server = await ServerProcess.StartAsync(database, _keyFile, StartTimeout);
                var stored = await StoredStatementsAsync(server);
                var lost = acknowledged.Where(id => !stored.Contains(id)).Order(StringComparer.Ordinal).ToList();
                lostIds.UnionWith(lost);
                if (lost.Count > 0) problems.Add($"cycle {cycle}: {lost.Count} acknowledged writes lost: {string.Join(", ", lost.Take(20))}");
                inFlight += round.Unanswered.Count;
                inFlightKept += round.Unanswered.Count(stored.Contains);
            }
        }
        finally
        {
            await server.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
        return new Figures(kills, acknowledged.Count, inFlight, inFlightKept, lostIds.Count, verifies, integrity, problems);
    }

    private bool IsPostgres => Data.ParleyDatabase.IsPostgres(database);

    /// <summary>What one cycle's writers saw.</summary>
    private sealed class Round(int killAt)
    {
        private int _count;

        /// <summary>Done when the <c>killAt</c>-th write has been acknowledged.</summary>
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Acknowledge(string id)
        {
            Acknowledged.Add(id);
            if (Interlocked.Increment(ref _count) == killAt) Reached.TrySetResult();
        }

        public ConcurrentBag<string> Acknowledged { get; } = [];
        public ConcurrentBag<string> Unanswered { get; } = [];
        public ConcurrentBag<string> Unexpected { get; } = [];
    }

    private async Task<Round> WriteUntilKilledAsync(ServerProcess server, int cycle)
    {
        // The kill follows the n-th acknowledgement (n random), at once in half the cycles, so that it falls in the moment
        // between an answer and what comes after it (a write acknowledged before its commit would be lost there), and
        // after a random pause of up to 0.4 s in the others.
        var round = new Round(_random.Next(4, 40));
        var pause = _random.Next(2) == 0 ? 0 : _random.Next(1, 400);
        var clients = Writers.Select(w => Client(server, w.User)).ToList();
        try
        {
            var writers = Writers.Select((w, k) => WriteAsync(clients[k], w.Party, $"crash-{seed}-{cycle}-{k}", round)).ToList();
            await Task.WhenAny(round.Reached.Task, Task.WhenAll(writers), Task.Delay(TimeSpan.FromSeconds(60)));
            if (pause > 0) await Task.Delay(pause);
            if (server.HasExited) round.Unexpected.Add($"the server died before the kill:\n{server.Output}");
            await server.KillAsync();
            await Task.WhenAll(writers);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
        if (round.Acknowledged.IsEmpty) round.Unexpected.Add($"no write was acknowledged before the kill:\n{server.Output}");
        return round;
    }

    /// <summary>Adds statements until the server stops answering; the last one sent is the one in flight at the kill.</summary>
    private static async Task WriteAsync(HttpClient http, string party, string prefix, Round round)
    {
        for (var n = 0; ; n++)
        {
            var id = $"{prefix}-{n}";
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync($"api/negotiations/{Negotiation}/statements",
                    new { id, text = $"Statement {id} of the crash trial.", signatories = new[] { party } });
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                round.Unanswered.Add(id);
                return;
            }
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    round.Unexpected.Add($"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
                round.Acknowledge(id);
            }
        }
    }

    private async Task<HashSet<string>> StoredStatementsAsync(ServerProcess server)
    {
        using var http = Client(server, "mediator");
        var negotiation = JsonNode.Parse(await http.GetStringAsync($"api/negotiations/{Negotiation}"))!;
        return negotiation["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Null when <c>PRAGMA integrity_check</c> says ok (or on PostgreSQL), else what it says.</summary>
    private async Task<string?> IntegrityAsync()
    {
        if (IsPostgres) return null;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines is ["ok"] ? null : string.Join("; ", lines);
    }

    private async Task<string> TokenAsync(string user)
    {
        var run = await CliRunner.Run("tokens", "create", user, "-d", database);
        if (run.Exit != 0) throw new InvalidOperationException($"parley tokens create {user} exited {run.Exit}: {run.Error}");
        return run.Out.Trim();
    }

    private HttpClient Client(ServerProcess server, string user)
    {
        var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return http;
    }
}
