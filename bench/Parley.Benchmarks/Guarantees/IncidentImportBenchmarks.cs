using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Guarantees;

namespace Parley.Benchmarks.Guarantees;

/// <summary>
/// Storing ACLED incidents into the embedded SQLite (a file, WAL, as <c>parley</c> uses it): the shared 1,000-row
/// sample repeated with fresh ids (<see cref="Rows"/> rows), already parsed. Each invocation gets a fresh copy of a file
/// migrated as <c>parley</c> migrates a new one (16 KiB pages, WAL) holding one negotiation. Rows per second = Rows / mean time.
/// <list type="bullet">
/// <item><c>EfCoreSaveChanges</c> (baseline): the same rows through the change tracker, AddRange + SaveChanges, one transaction.</item>
/// <item><c>BulkInsert</c>: the same rows through <see cref="BulkInsert{T}"/> (on SQLite one prepared statement, values bound by ordinal), one transaction.</item>
/// <item><c>ImportIncidents</c>: the whole <see cref="GuaranteesStore.ImportIncidentsAsync"/> (id checks, history entry,
/// duplicate grouping over all rows as they are written, rows built and encoded on a worker thread while the connection
/// inserts them, with a 64 MiB page cache, the commit and the WAL checkpoint that follows it). The figure the issue's
/// 200,000 rows/s is about.</item>
/// <item><c>ParseAndImport</c>: reading the CSV text as well: what <c>parley incidents import</c> does.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class IncidentImportBenchmarks
{
    /// <summary>Rows per invocation.</summary>
    public const int Rows = 200_000;

    private string _text = "";
    private IReadOnlyList<Incident> _incidents = [];
    private IncidentRow[] _rows = [];
    private string _template = "";
    private string _file = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = AcledWorkload.Text(Rows / 1000);
        _incidents = AcledCsv.Read(new StringReader(_text)).Incidents;
        _rows = _incidents.Select(i => IncidentMapping.Row("bench", i, null, null)).ToArray();
        _template = Path.Combine(Path.GetTempPath(), $"parley-bench-{Guid.NewGuid():N}.db");
        using var db = ParleyDatabase.Open(_template);
        ParleyDatabase.MigrateAsync(db).GetAwaiter().GetResult();
        var n = new Negotiation("bench", "Benchmark");
        new NegotiationStore(db, TimeProvider.System).ImportAsync(n, "bench", false).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void FreshFile() => _file = SqliteCopies.Fresh(_template);

    [IterationCleanup]
    public void DropFile() => SqliteCopies.Drop(_file);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_template);

    [Benchmark(Baseline = true)]
    public async Task<int> EfCoreSaveChanges()
    {
        await using var db = ParleyDatabase.Open(_file);
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Incidents.AddRange(_rows.Select(Copy));
        var n = await db.SaveChangesAsync();
        await tx.CommitAsync();
        return n;
    }

    [Benchmark]
    public async Task<int> BulkInsert()
    {
        await using var db = ParleyDatabase.Open(_file);
        await using var tx = await db.Database.BeginTransactionAsync();
        await new BulkInsert<IncidentRow>(db).InsertAsync(db, _rows, null, default);
        await tx.CommitAsync();
        return _rows.Length;
    }

    [Benchmark]
    public async Task<int> ImportIncidents()
    {
        await using var db = ParleyDatabase.Open(_file);
        var stored = await new GuaranteesStore(db, TimeProvider.System).ImportIncidentsAsync("bench", _incidents, "bench", "bench", "h");
        return stored!.Imported;
    }

    [Benchmark]
    public async Task<int> ParseAndImport()
    {
        var import = AcledCsv.Read(new StringReader(_text));
        await using var db = ParleyDatabase.Open(_file);
        var stored = await new GuaranteesStore(db, TimeProvider.System).ImportIncidentsAsync("bench", import.Incidents, "bench", "bench", "h");
        return stored!.Imported;
    }

    // The change tracker keeps the instances it saw; fresh copies keep invocations independent.
    private static IncidentRow Copy(IncidentRow r) => new()
    {
        NegotiationId = r.NegotiationId, Id = r.Id, Start = r.Start, End = r.End, Precision = r.Precision, Latitude = r.Latitude,
        Longitude = r.Longitude, Country = r.Country, Admin1 = r.Admin1, Admin2 = r.Admin2, Admin3 = r.Admin3, Place = r.Place,
        EventType = r.EventType, SubEventType = r.SubEventType, ActorsJson = r.ActorsJson, TargetClassesJson = r.TargetClassesJson,
        Fatalities = r.Fatalities, SourcesJson = r.SourcesJson, Notes = r.Notes, State = r.State, DuplicateOf = r.DuplicateOf, Batch = r.Batch,
    };
}
