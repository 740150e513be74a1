using Parley.Core;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

/// <summary>Guarantees storage: incidents with reviews and duplicate groups, commitments and events, atomic imports.</summary>
public abstract partial class PersistenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 10, 4, 0, 0, TimeSpan.Zero);

    private static Incident Report(string id, double lat, double lon, DateTimeOffset at, string type = "Battles") =>
        new(id, IncidentTime.At(at), new Location(lat, lon, "Ukraine", "Kharkiv"), type, actors: ["Military Forces of Russia (2000-)"]);

    private async Task<T> WithGuarantees<T>(Func<GuaranteesStore, Task<T>> action)
    {
        await using var db = Open();
        return await action(new GuaranteesStore(db, Clock));
    }

    private async Task WithGuarantees(Func<GuaranteesStore, Task> action)
    {
        await using var db = Open();
        await action(new GuaranteesStore(db, Clock));
    }

    private static string SampleCsv() => File.ReadAllText(TestData.Path("acled", "acled-ukraine-sample.csv"));

    [Fact]
    public async Task Incidents_AcledSample_ImportsInFull_OneHistoryEntry()
    {
        await ImportAsync(Samples.Small());
        var import = AcledCsv.Read(new StringReader(SampleCsv()));
        var before = await HistoryCountAsync();

        var stored = await WithGuarantees(g => g.ImportIncidentsAsync("small", import.Incidents, "importer", "acled sample", "abc"));

        Assert.Equal(1000, stored!.Imported);
        var incidents = await WithGuarantees(g => g.IncidentsAsync("small"));
        Assert.Equal(1000, incidents.Count);
        Assert.Equal(772, incidents.Count(i => i.Incident.EventType == "Explosions/Remote violence"));
        Assert.Equal(stored.DuplicatesGrouped, incidents.Count(i => i.DuplicateOf is not null));
        Assert.Equal(IncidentGroups.Group(import.Incidents).DuplicatesGrouped, stored.DuplicatesGrouped);
        var entry = (await HistoryAsync("small"))[^1];
        Assert.Equal(before + 1, await HistoryCountAsync());
        Assert.Equal("incidents.imported", entry.Action);
        Assert.Contains("\"imported\":1000", entry.Change);
        Assert.Contains("\"sha256\":\"abc\"", entry.Change);
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task Incidents_AcledSample_StoresEachReportsPrimaryAsGroupedInMemory()
    {
        await ImportAsync(Samples.Small());
        // Out of file order and 993 rows: not a whole number of PostgreSQL statements; SQLite stores them in start order.
        var import = Enumerable.Reverse(AcledCsv.Read(new StringReader(SampleCsv())).Incidents).Skip(7).ToArray();
        var groups = IncidentGroups.Group(import);
        var expected = new Dictionary<string, string?>();
        for (var g = 0; g < groups.Count; g++)
        {
            var members = groups.Members(g);
            for (var k = 0; k < members.Count; k++) expected[import[members[k]].Id] = k == 0 ? null : import[members[0]].Id;
        }

        await WithGuarantees(g => g.ImportIncidentsAsync("small", import, "importer", "acled sample", "abc"));

        var stored = await WithGuarantees(g => g.IncidentsAsync("small"));
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            stored.Select(s => KeyValuePair.Create(s.Incident.Id, s.DuplicateOf)).OrderBy(p => p.Key, StringComparer.Ordinal));
        var byId = stored.ToDictionary(s => s.Incident.Id, s => s.Incident);
        Assert.All(import, i =>
        {
            var back = byId[i.Id];
            Assert.Equal((i.Time, i.Location, i.EventType, i.SubEventType, i.Notes), (back.Time, back.Location, back.EventType, back.SubEventType, back.Notes));
            Assert.Equal(i.Actors, back.Actors);
            Assert.Equal(i.Sources, back.Sources);
        });
    }

    [Fact]
    public async Task Incidents_RoundTrip_KeepsEveryField()
    {
        await ImportAsync(Samples.Small());
        var original = new Incident("x1", new IncidentTime(T0, T0.AddDays(7), TimePrecision.Week),
            new Location(50.1, 36.2, "Ukraine", "Kharkiv", "Chuhuivskyi", "Chuhuivska", "Chuhuiv"), "Explosions/Remote violence",
            "Air/drone strike", ["A", "B; C"], ["energy-infrastructure"], 3, ["src \"1\""], "notes",
            [new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "mission"),
             new VerificationStep(VerificationState.Verified, T0.AddHours(2), "mission", "imagery", "ru")]);

        await WithGuarantees(g => g.ImportIncidentsAsync("small", [original], "importer", "test", "h"));
        var back = Assert.Single(await WithGuarantees(g => g.IncidentsAsync("small"))).Incident;

        Assert.Equal(original.Time, back.Time);
        Assert.Equal(original.Location, back.Location);
        Assert.Equal(original.Actors, back.Actors);
        Assert.Equal(original.TargetClasses, back.TargetClasses);
        Assert.Equal(original.Sources, back.Sources);
        Assert.Equal((original.EventType, original.SubEventType, original.Fatalities, original.Notes), (back.EventType, back.SubEventType, back.Fatalities, back.Notes));
        Assert.Equal(original.Verification, back.Verification);
    }

    [Fact]
    public async Task Incidents_SecondImport_RefusesStoredIds_AndRegroupsDuplicates()
    {
        await ImportAsync(Samples.Small());
        await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("a", 50, 36, T0.AddMinutes(30))], "importer", "1", "h"));

        var stored = await WithGuarantees(g => g.ImportIncidentsAsync("small",
            [Report("a", 50, 36, T0.AddMinutes(30)), Report("b", 50.001, 36.001, T0)], "importer", "2", "h"));

        var again = await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("a", 50, 36, T0)], "importer", "3", "h"));

        Assert.Equal(["a"], stored!.AlreadyStored);
        Assert.Equal(1, stored.Imported);
        Assert.Equal((0, 1), (again!.Imported, again.AlreadyStored.Count));
        var all = await WithGuarantees(g => g.IncidentsAsync("small"));
        Assert.Null(all.Single(i => i.Incident.Id == "b").DuplicateOf);   // the earlier report becomes the primary
        Assert.Equal("b", all.Single(i => i.Incident.Id == "a").DuplicateOf);
    }

    [Fact]
    public async Task Incident_ReadByItsKey_IsWhatTheListHolds_WithReviewsAndGroup()
    {
        await ImportAsync(Samples.Small());
        await WithGuarantees(g => g.ImportIncidentsAsync("small",
            [Report("a", 50, 36, T0.AddMinutes(30)), Report("b", 50.001, 36.001, T0), Report("c", 40, 30, T0)], "importer", "1", "h"));
        await WithGuarantees(g => g.ReviewAsync("small", "a", new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "monitor"), "monitor"));

        var a = await WithGuarantees(g => g.IncidentAsync("small", "a"));
        var all = await WithGuarantees(g => g.IncidentsAsync("small"));

        var listed = all.Single(s => s.Incident.Id == "a");
        Assert.Equal("b", a!.DuplicateOf);
        Assert.Equal(listed.DuplicateOf, a.DuplicateOf);
        Assert.Equal(VerificationState.UnderReview, a.Incident.State);
        Assert.Equal(listed.Incident.Verification, a.Incident.Verification);
        Assert.Equal((listed.Incident.Time, listed.Incident.Location), (a.Incident.Time, a.Incident.Location));
        Assert.Equal(listed.Incident.Actors, a.Incident.Actors);
        Assert.Null(await WithGuarantees(g => g.IncidentAsync("small", "nope")));
        Assert.Null(await WithGuarantees(g => g.IncidentAsync("nope", "a")));
    }

    [Fact]
    public async Task Incidents_LaterReportWithinTheGapOfAStoredOne_JoinsItsGroup_AndOneBeyondDoesNot()
    {
        await ImportAsync(Samples.Small());
        await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("first", 50, 36, T0), Report("elsewhere", 45, 30, T0)], "importer", "1", "h"));

        var within = await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("within", 50.001, 36.001, T0.AddMinutes(110))], "importer", "2", "h"));
        var beyond = await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("beyond", 50.001, 36.001, T0.AddMinutes(121))], "importer", "3", "h"));

        var stored = (await WithGuarantees(g => g.IncidentsAsync("small"))).ToDictionary(x => x.Incident.Id, x => x.DuplicateOf);
        Assert.Equal("first", stored["within"]);   // 1 h 50 min after a report that ended then: within the 2 h gap
        Assert.Null(stored["beyond"]);             // 2 h 1 min after the group's primary: a new incident
        Assert.Equal((1, 1), (within!.DuplicatesGrouped, beyond!.DuplicatesGrouped));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Incidents_ImportedInSeededBatches_EarlierAndLater_StoreTheGroupsOfAllReportsTakenTogether(int seed)
    {
        await ImportAsync(Samples.Small());
        var random = new Random(seed);
        var imported = new List<Incident>();
        for (var batch = 0; batch < 6; batch++)
        {
            // Each batch lands somewhere in four days, some before what is stored, some after, some across it.
            var origin = T0.AddHours(random.Next(4 * 24));
            var reports = Enumerable.Range(0, 40).Select(k => new Incident($"b{batch}-{k}",
                random.Next(4) == 0
                    ? IncidentTime.OnDay(DateOnly.FromDateTime(origin.UtcDateTime).AddDays(random.Next(-1, 2)))
                    : IncidentTime.At(origin.AddMinutes(random.Next(-600, 600))),
                new Location(50 + random.Next(3) * 0.004 + random.NextDouble() * 0.002, 36 + random.NextDouble() * 0.002, "Ukraine", "Kharkiv"),
                random.Next(3) == 0 ? "Battles" : "Explosions/Remote violence")).ToArray();
            imported.AddRange(reports);

            var result = await WithGuarantees(g => g.ImportIncidentsAsync("small", reports, "importer", $"batch {batch}", "h"));

            var groups = IncidentGroups.Group(imported);
            var expected = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                var members = groups.Members(g);
                for (var m = 0; m < members.Count; m++) expected[imported[members[m]].Id] = m == 0 ? null : imported[members[0]].Id;
            }
            var stored = await WithGuarantees(g => g.IncidentsAsync("small"));
            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal),
                stored.Select(x => KeyValuePair.Create(x.Incident.Id, x.DuplicateOf)).OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(groups.DuplicatesGrouped, result!.DuplicatesGrouped);
        }
        Assert.True(IncidentGroups.Group(imported).DuplicatesGrouped > 60, "the seeds make many duplicates");
        // Stored reports whose group a later batch changed are in that batch's record entry: the record still verifies.
        await using var db = Open();
        var verdict = await new Parley.Data.Record.RecordVerifier(db).VerifyAsync(RecordKeys.Test, "small", null);
        Assert.True(verdict.Ok, string.Join("\n", verdict.Negotiations.SelectMany(n => n.Findings).Select(f => $"{f.Place}: {f.Message}")));
    }

    [Fact]
    public async Task Incidents_CancelledHalfWay_StoreNothing()
    {
        await ImportAsync(Samples.Small());
        var incidents = Enumerable.Range(0, 2500).Select(k => Report($"r{k}", 40 + k * 0.01, 30, T0.AddHours(k))).ToArray();
        var before = await HistoryCountAsync();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(n => { if (n >= 1000 && n < 2500) cts.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            WithGuarantees(g => g.ImportIncidentsAsync("small", incidents, "importer", "t", "h", progress: progress, ct: cts.Token)));

        await using var db = Open();
        Assert.Equal(0, await db.Incidents.CountAsync());
        Assert.Equal(before, await HistoryCountAsync());
        Assert.True((await VerifyAsync()).Ok);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Incidents_IdRepeatedInOneImport_RefusedNamingIt_StoresNothing(bool repeatedIdAlreadyStored)
    {
        await ImportAsync(Samples.Small());
        if (repeatedIdAlreadyStored)
            await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("r7", 50, 36, T0)], "importer", "first", "h"));
        var incidents = Enumerable.Range(0, 3000).Select(k => Report(k == 2000 ? "r7" : $"r{k}", 40 + k * 0.01, 30, T0.AddHours(k))).ToArray();
        var before = await HistoryCountAsync();

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            WithGuarantees(g => g.ImportIncidentsAsync("small", incidents, "importer", "t", "h")));

        Assert.Contains("'r7' appears twice", e.Message);
        await using var db = Open();
        Assert.Equal(repeatedIdAlreadyStored ? 1 : 0, await db.Incidents.CountAsync());
        Assert.Equal(before, await HistoryCountAsync());
    }

    [Fact]
    public async Task BulkInsert_RowsThatFailToBeProduced_ThrowTheirOwnError_AndStoreNothing()
    {
        await ImportAsync(Samples.Small());
        IEnumerable<IncidentRow> Rows()
        {
            for (var k = 0; k < 3000; k++)
            {
                if (k == 1500) throw new InvalidDataException("row 1500 cannot be read");
                yield return IncidentMapping.Row("small", Report($"r{k}", 50, 36, T0.AddMinutes(k)), null, null);
            }
        }

        await using (var db = Open())
        {
            await using var transaction = await db.BeginWriteAsync(default);
            var e = await Assert.ThrowsAsync<InvalidDataException>(() => new BulkInsert<IncidentRow>(db).InsertAsync(db, Rows(), null, default));
            Assert.Equal("row 1500 cannot be read", e.Message);
        }

        await using var check = Open();
        Assert.Equal(0, await check.Incidents.CountAsync());
    }

    [Fact]
    public async Task BulkInsert_RowTheDatabaseRefusesHalfWay_ThrowsTheDatabaseError_AndStoresNothing()
    {
        await ImportAsync(Samples.Small());
        var rows = Enumerable.Range(0, 3000)
            .Select(k => IncidentMapping.Row("small", Report(k == 2000 ? "r7" : $"r{k}", 50, 36, T0.AddMinutes(k)), null, null));

        await using (var db = Open())
        {
            await using var transaction = await db.BeginWriteAsync(default);
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => new BulkInsert<IncidentRow>(db).InsertAsync(db, rows, null, default));
        }

        await using var check = Open();
        Assert.Equal(0, await check.Incidents.CountAsync());
    }

    [Fact]
    public async Task Incidents_UnknownNegotiation_ReturnsNull()
    {
        Assert.Null(await WithGuarantees(g => g.ImportIncidentsAsync("nope", [Report("a", 50, 36, T0)], "importer", "t", "h")));
    }

    [Fact]
    public async Task Review_FollowsTheWorkflow_AndRefusesOutOfOrderSteps()
    {
        await ImportAsync(Samples.Small());
        await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("a", 50, 36, T0)], "importer", "t", "h"));

        await Assert.ThrowsAsync<RuleRefusal>(() => WithGuarantees(g =>
            g.ReviewAsync("small", "a", new VerificationStep(VerificationState.Verified, T0.AddHours(1), "m", null, "ru"), "m")));
        await WithGuarantees(g => g.ReviewAsync("small", "a", new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "m"), "m"));
        Assert.Equal("responsibleParty", (await Assert.ThrowsAsync<RuleRefusal>(() => WithGuarantees(g =>
            g.ReviewAsync("small", "a", new VerificationStep(VerificationState.Verified, T0.AddHours(2), "m", null, "xx"), "m")))).Field);
        await WithGuarantees(g => g.ReviewAsync("small", "a", new VerificationStep(VerificationState.Verified, T0.AddHours(2), "m", "imagery", "ru"), "m"));

        var a = Assert.Single(await WithGuarantees(g => g.IncidentsAsync("small"))).Incident;
        Assert.Equal(VerificationState.Verified, a.State);
        Assert.Equal("ru", a.Verification[^1].ResponsibleParty);
        var missing = await Assert.ThrowsAsync<RuleRefusal>(() => WithGuarantees(g =>
            g.ReviewAsync("small", "zz", new VerificationStep(VerificationState.UnderReview, T0, "m"), "m")));
        Assert.Equal((RefusalKind.NotFound, "incident"), (missing.Kind, missing.Field));
    }

    [Fact]
    public async Task Commitments_StoredWithEvents_EvaluateLikeInMemory()
    {
        await ImportAsync(Samples.Small());
        var area = new Area([new AdminRegion("Kharkiv")],
            new NetTopologySuite.Geometries.GeometryFactory().CreatePolygon([new(36, 49), new(37, 49), new(37, 50), new(36, 50), new(36, 49)]));
        Commitment[] commitments =
        [
            new Prohibition("truce", "Truce", ["ru", "ua"], [new ConductRule("any", ["Battles"])], area, new TimeWindow(T0.AddDays(-1), T0.AddDays(5)),
                new Dictionary<LifecycleAction, IReadOnlyList<string>> { [LifecycleAction.Suspend] = ["us"] }),
            new Obligation("respond", "Respond", ["us"], "ua", new IncidentTrigger(new ConductRule("t", ["Battles"]), ["ru"]), "respond", TimeSpan.FromHours(72)),
            new Obligation("sanction", "Sanction", ["us"], "ua", new SignalTrigger(TalksSignals.Rejected("p1", "ru")), "sanction", TimeSpan.FromDays(30)),
        ];
        CommitmentEvent[] events =
        [
            new LifecycleEvent("truce", LifecycleAction.EnterIntoForce, T0.AddDays(-1), "signed", "ua"),
            new LifecycleEvent("respond", LifecycleAction.EnterIntoForce, T0.AddDays(-1), "signed"),
        ];
        await WithGuarantees(g => g.ReplaceCommitmentsAsync("small", commitments, events, "mediator"));
        var incident = Report("a", 50, 36.5, T0)
            .Review(new VerificationStep(VerificationState.UnderReview, T0.AddHours(1), "m"))
            .Review(new VerificationStep(VerificationState.Verified, T0.AddHours(2), "m", null, "ru"));
        await WithGuarantees(g => g.ImportIncidentsAsync("small", [incident], "importer", "t", "h"));
        await WithGuarantees(g => g.AddEventAsync("small", new ActionPerformed("respond", "us", "respond", T0.AddHours(10), "answered"), "us"));

        var (stored, storedEvents) = await WithGuarantees(g => g.CommitmentsAsync("small"));
        var small = (await LoadAsync("small"))!;
        var result = (await WithGuarantees(g => g.EvaluateAsync(small, T0.AddDays(1)))).Evaluation;

        Assert.Equal(["truce", "respond", "sanction"], stored.Select(c => c.Id));
        Assert.Equal(3, storedEvents.Count);
        Assert.Equal(CommitmentState.Violated, result.Commitments[0].State);
        Assert.Equal(CommitmentState.Fulfilled, Assert.Single(result.Commitments[1].Duties).State);
        Assert.Equal(CommitmentState.Created, result.Commitments[2].State);
        var inMemory = GuaranteeEvaluator.Evaluate(commitments, IncidentIndex.Build([incident]),
            [.. events, new ActionPerformed("respond", "us", "respond", T0.AddHours(10), "answered")], T0.AddDays(1));
        Assert.Equal(inMemory.Commitments.Select(c => (c.State, c.Breaches.Count, c.Duties.Count)),
            result.Commitments.Select(c => (c.State, c.Breaches.Count, c.Duties.Count)));
    }

    [Fact]
    public async Task Commitments_DeletedWithTheirNegotiation()
    {
        await ImportAsync(Samples.Small());
        await WithGuarantees(g => g.ReplaceCommitmentsAsync("small",
            [new Prohibition("truce", "Truce", ["ru"], [new ConductRule("any")])], [], "mediator"));
        await WithGuarantees(g => g.ImportIncidentsAsync("small", [Report("a", 50, 36, T0)], "importer", "t", "h"));
        await WithStore(s => s.DeleteAsync("small", "mediator"));

        await using var db = Open();
        Assert.Equal(0, await db.Commitments.CountAsync() + await db.Incidents.CountAsync());
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, too late to cancel mid-way).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
