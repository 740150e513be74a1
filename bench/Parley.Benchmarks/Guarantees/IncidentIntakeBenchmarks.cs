using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Guarantees;

namespace Parley.Benchmarks.Guarantees;

/// <summary>
/// One report added (a monitor's intake through the API) to a negotiation that already holds <see cref="Stored"/>
/// reports — the ACLED sample repeated with fresh ids, imported once into a template file copied for each invocation.
/// <list type="bullet">
/// <item><c>RegroupEverything</c> (baseline): a report after all the stored ones, through the store with a policy
/// other than the stored groups', which reads and regroups every report.</item>
/// <item><c>NewReport</c>: the same report with the default policy: only the reports it can change are read — the
/// primaries still open when it starts.</item>
/// <item><c>BackdatedReport</c>: a report in the middle of the stored period: every later report is read and regrouped.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class IncidentIntakeBenchmarks
{
    /// <summary>Reports stored before the intake.</summary>
    public const int Stored = 200_000;

    // Equal to the default in effect but not by value, so the store cannot trust the stored groups.
    private static readonly DuplicatePolicy Other = new(1.0, TimeSpan.FromHours(2) + TimeSpan.FromTicks(10));
    private string _template = "";
    private string _file = "";
    private Incident _new = null!;
    private Incident _backdated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var incidents = AcledCsv.Read(new StringReader(AcledWorkload.Text(Stored / 1000))).Incidents;
        _template = Path.Combine(Path.GetTempPath(), $"parley-intake-{Guid.NewGuid():N}.db");
        using (var db = ParleyDatabase.Open(_template))
        {
            ParleyDatabase.MigrateAsync(db).GetAwaiter().GetResult();
            new NegotiationStore(db, TimeProvider.System).ImportAsync(new Negotiation("bench", "Benchmark"), "bench", false).GetAwaiter().GetResult();
            new GuaranteesStore(db, TimeProvider.System).ImportIncidentsAsync("bench", incidents, "bench", "bench", "h").GetAwaiter().GetResult();
        }
        SqliteConnection.ClearAllPools();
        // At a stored report's place, an hour after the last stored report, or an hour after one in the middle.
        var byStart = incidents.OrderBy(i => i.Time.Start).ToArray();
        Incident At(Incident near, DateTimeOffset when) => new("intake-1", IncidentTime.At(when), near.Location, near.EventType, near.SubEventType);
        _new = At(byStart[^1], byStart[^1].Time.End.AddHours(1));
        _backdated = At(byStart[byStart.Length / 2], byStart[byStart.Length / 2].Time.Start.AddHours(1));
    }

    [IterationSetup]
    public void FreshFile() => _file = SqliteCopies.Fresh(_template);

    [IterationCleanup]
    public void DropFile() => SqliteCopies.Drop(_file);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_template);

    [Benchmark(Baseline = true)]
    public Task<int> RegroupEverything() => Intake(_new, Other);

    [Benchmark]
    public Task<int> NewReport() => Intake(_new, null);

    [Benchmark]
    public Task<int> BackdatedReport() => Intake(_backdated, null);

    private async Task<int> Intake(Incident report, DuplicatePolicy? policy)
    {
        await using var db = ParleyDatabase.Open(_file);
        var stored = await new GuaranteesStore(db, TimeProvider.System).ImportIncidentsAsync("bench", [report], "monitor", "api", "h", policy);
        return stored!.DuplicatesGrouped;
    }
}
