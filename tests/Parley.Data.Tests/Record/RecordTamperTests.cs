using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Parley.Core.Access;
using Parley.Core.Drafting;
using Parley.Core.Formats.Scenario;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Parley.Data.Access;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;
using Parley.Data.Record;
using Parley.Data.Tests.Support;
using Parley.Testing;
using Xunit.Abstractions;

namespace Parley.Data.Tests.RecordTampering;

/// <summary>
/// The verifiable record against someone with write access to the database, run once per provider by the concrete
/// subclasses: every change to a stored row or to the record is found and named, a truncation or a rewrite is caught by
/// a checkpoint saved elsewhere, and an upgrade or a deletion leaves a record that verifies. Each test gets a fresh
/// migrated database; each step uses its own context.
/// </summary>
public abstract partial class RecordTamperTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The Berlin scenario's negotiation: every covered table holds rows of it.</summary>
    protected const string Berlin = "berlin-2025";

    /// <summary>The second negotiation of the world (<see cref="Samples.Rich"/>).</summary>
    protected const string Second = "rich";

    private TestDatabase? _database;

    /// <summary>Record time; starts at a whole second so stored values compare exactly.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    protected ITestOutputHelper Output => output;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>A new database with the migrated, empty schema.</summary>
    protected abstract Task<TestDatabase> CreateMigratedDatabaseAsync();

    /// <summary>A copy of <paramref name="source"/> as it is now, dropped when disposed.</summary>
    protected abstract Task<TestDatabase> CopyAsync(TestDatabase source);

    public async Task InitializeAsync()
    {
        _database = await CreateMigratedDatabaseAsync();
        await using var db = _database.Open();
        await ParleyDatabase.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    protected ParleyDbContext Open() => Database.Open();

    protected async Task<T> WithDb<T>(Func<ParleyDbContext, Task<T>> action)
    {
        await using var db = Open();
        return await action(db);
    }

    protected Task<T> WithStore<T>(Func<NegotiationStore, Task<T>> action) => WithDb(db => action(new NegotiationStore(db, Clock)));

    protected Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string id) => WithStore(s => s.HistoryAsync(id));

    /// <summary>Checks the whole record of <paramref name="database"/> with <see cref="RecordKeys.Test"/>.</summary>
    protected static async Task<RecordVerification> VerifyAsync(TestDatabase database, string? negotiation = null, string? savedCheckpoint = null)
    {
        await using var db = database.Open();
        return await new RecordVerifier(db).VerifyAsync(RecordKeys.Test, negotiation, savedCheckpoint);
    }

    protected Task<RecordVerification> VerifyAsync(string? negotiation = null, string? savedCheckpoint = null) =>
        VerifyAsync(Database, negotiation, savedCheckpoint);

    /// <summary>Signs (or returns the stored) checkpoint of the negotiation's tree as it is now.</summary>
    protected Task<StoredCheckpoint?> CheckpointAsync(string id) =>
        WithDb(db => new RecordStore(db, Clock).CheckpointAsync(id, RecordKeys.Test));

    /// <summary>Every finding of a verification, one per line, with its negotiation (for assertion messages).</summary>
    protected static string Describe(RecordVerification verdict)
    {
        var lines = verdict.Negotiations.SelectMany(n => n.Findings.Select(f => $"  [{n.Id}] {f.Place}: {f.Message}")).ToArray();
        return lines.Length > 0 ? string.Join("\n", lines) : "  (no findings)";
    }

    /// <summary>Runs SQL with positional parameters (<c>@p0</c>, <c>@p1</c> …) on a fresh context, as someone with database access could.</summary>
    protected async Task<int> ExecuteAsync(string sql, params object?[] values)
    {
        await using var db = Open();
        return await Sql.ExecuteAsync(db, sql, values);
    }

    /// <summary>
    /// The rich world: the Berlin scenario (parties … drafts, preferences, commitments with events, incidents with
    /// reviews) with changes after its import and two members (one more granted and revoked), the sample negotiation
    /// <see cref="Second"/> with a change and a member, and a signed checkpoint of each (Berlin's first one older than its tree).
    /// </summary>
    protected async Task BuildWorldAsync()
    {
        var scenario = ScenarioReader.Read(await File.ReadAllTextAsync(BerlinScenarioPath()), "berlin-2025.yaml");
        Assert.True(scenario.Ok, string.Join("\n", scenario.Errors));
        Assert.Equal(ImportOutcome.Created, await WithStore(s => s.ImportAsync(scenario.Negotiation!, scenario.Preferences, scenario.Guarantees,
            scenario.Drafts, "importer", replace: false)));
        Assert.Equal(ImportOutcome.Created, await WithStore(s => s.ImportAsync(Samples.Rich(Second), "importer", replace: false)));
        await AddUsersAsync("alice", "bob", "carol");

        await Step(() => WithStore(s => s.AddRoundAsync(Berlin, new Round("tamper-geneva", "Geneva follow-up", At(2, 1), At(2, 2), "Geneva",
            [], "Technical talks."), "mediator")));
        Assert.NotNull(await CheckpointAsync(Berlin));
        await Step(() => WithDb(db => new DraftStore(db, Clock).AddVersionAsync(Berlin, "berlin-framework",
            new DraftVersion("16 Dec", new DateOnly(2025, 12, 16), DraftParser.Parse("# Framework\n\nRevised — «text» ✓.\n"), "us"), "drafter")));
        await Step(() => WithDb(async db =>
        {
            await new GuaranteesStore(db, Clock).ReviewAsync(Berlin, "ill-2025-12-28-odesa-substation-b",
                new VerificationStep(VerificationState.UnderReview, At(1, 3), "mission"), "monitor");
            return true;
        }));
        var preferences = await WithStore(s => s.LoadWithPreferencesAsync(Berlin));
        await Step(() => WithStore(s => s.SetPreferencesAsync(Berlin, preferences!.Value.Preferences[0], "mediator")));
        await Grant(Berlin, "alice", MemberRole.Mediator, null);
        await Grant(Berlin, "bob", MemberRole.Delegation, scenario.Negotiation!.Parties[0].Id);
        await Grant(Berlin, "carol", MemberRole.Monitor, null);
        await Step(() => WithDb(db => new MembershipStore(db, Clock).RevokeAsync(Berlin, "carol", "admin")));

        await Step(() => WithStore(s => s.AddRoundAsync(Second, new Round("tamper-round", "Tamper round", At(2, 3), At(2, 3), "Vienna", ["ua"]), "mediator")));
        await Grant(Second, "carol", MemberRole.Delegation, "ua");

        Assert.NotNull(await CheckpointAsync(Berlin));
        Assert.NotNull(await CheckpointAsync(Second));
    }

    private async Task Step(Func<Task<bool>> change)
    {
        Clock.Advance(TimeSpan.FromMinutes(7));
        Assert.True(await change());
    }

    private Task Grant(string negotiation, string user, MemberRole role, string? party) =>
        Step(() => WithDb(async db =>
        {
            await new MembershipStore(db, Clock).GrantAsync(negotiation, user, role, party, "admin");
            return true;
        }));

    protected Task AddUsersAsync(params string[] names) =>
        WithDb(async db =>
        {
            foreach (var name in names)
                db.Users.Add(new ParleyUser { Id = "user-" + name, UserName = name, NormalizedUserName = name.ToUpperInvariant(), SecurityStamp = name });
            return await db.SaveChangesAsync();
        });

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>scenarios/berlin-2025.yaml, found from tests/data.</summary>
    protected static string BerlinScenarioPath() => Path.GetFullPath(TestData.Path("..", "..", "scenarios", "berlin-2025.yaml"));

    /// <summary>How many rows of the negotiation each covered table holds, by table name.</summary>
    protected async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(string negotiation)
    {
        await using var db = Open();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in StateTables.All(db))
            counts[table.Name] = Convert.ToInt64(await Sql.ScalarAsync(db,
                $"SELECT COUNT(*) FROM {Sql.Quote(table.Name)} WHERE {Sql.Quote(table.NegotiationColumn)} = @p0", negotiation), CultureInfo.InvariantCulture);
        return counts;
    }
}

/// <summary>The suite on a SQLite file per test.</summary>
public sealed class SqliteRecordTamperTests(ITestOutputHelper output) : RecordTamperTests(output)
{
    protected override async Task<TestDatabase> CreateMigratedDatabaseAsync() => await SqliteTestDatabase.CreateMigratedAsync();

    protected override Task<TestDatabase> CopyAsync(TestDatabase source) => Task.FromResult(DatabaseCopy.Sqlite(source));

    /// <summary>SQLite keeps record times in ticks (100 ns); the canonical form writes whole microseconds.</summary>
    [Fact]
    public async Task Tamper_RecordTimeMovedByATick_IsFoundAtTheEntry()
    {
        await BuildWorldAsync();

        await ExecuteAsync("UPDATE history SET recorded_at = recorded_at + 1 WHERE negotiation_id = @p0 AND log_index = 1", Berlin);
        var verdict = await VerifyAsync();

        Assert.Contains(verdict.Negotiations.SelectMany(n => n.Findings), f => f.Entry == 1);
    }
}

/// <summary>The suite on a fresh PostgreSQL database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRecordTamperTests(PostgresServer server, ITestOutputHelper output) : RecordTamperTests(output)
{
    protected override Task<TestDatabase> CreateMigratedDatabaseAsync() => server.CreateMigratedDatabaseAsync();

    protected override Task<TestDatabase> CopyAsync(TestDatabase source) => DatabaseCopy.PostgresAsync(server, source);
}
