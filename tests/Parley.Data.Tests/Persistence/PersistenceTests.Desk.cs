using Parley.Core.Formats.Acled;
using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Data.Tests.Support;
using Parley.Testing;

namespace Parley.Data.Tests.Persistence;

/// <summary>The guarantees desk's reads: filtered, sorted, paged lists in the database, and the evaluation from verified reports.</summary>
public abstract partial class PersistenceTests
{
    /// <summary>The ACLED sample stored in "small" with a few review steps; returns every stored report.</summary>
    private async Task<IReadOnlyList<StoredIncident>> DeskSampleAsync()
    {
        await ImportAsync(Samples.Small());
        var import = AcledCsv.Read(new StringReader(SampleCsv())).Incidents;
        await WithGuarantees(g => g.ImportIncidentsAsync("small", import, "importer", "acled sample", "abc"));
        var donetsk = import.Where(i => i.Location.Admin1 == "Donetsk").OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id).Take(6).ToArray();
        async Task Step(string id, VerificationState to, int hours, string? party = null) =>
            await WithGuarantees(g => g.ReviewAsync("small", id, new VerificationStep(to, T0.AddHours(hours), "monitor", "https://example.org/e", party), "monitor"));
        foreach (var (id, k) in donetsk.Select((id, k) => (id, k))) await Step(id, VerificationState.UnderReview, k);
        await Step(donetsk[0], VerificationState.Verified, 10, "ru");
        await Step(donetsk[1], VerificationState.Verified, 11, "ua");
        await Step(donetsk[2], VerificationState.Verified, 30, "ru"); // after the first date read below
        await Step(donetsk[3], VerificationState.Rejected, 12);
        return await WithGuarantees(g => g.IncidentsAsync("small"));
    }

    private static bool Matches(StoredIncident s, IncidentFilter f, DateTimeOffset asOf)
    {
        var i = s.Incident;
        var day = DateOnly.FromDateTime(i.Time.Start.UtcDateTime);
        string[] texts = [i.Id, i.EventType, i.SubEventType ?? "", i.Location.Place ?? "", i.Location.Admin1 ?? "", i.Location.Admin2 ?? "",
            i.Location.Country ?? "", string.Join(" ", i.Actors), string.Join(" ", i.Sources), i.Notes ?? ""];
        return i.Time.Start <= asOf
            && (f.States.Count == 0 || f.States.Contains(i.StateAt(asOf)))
            && (f.EventType is null || string.Equals(i.EventType, f.EventType, StringComparison.OrdinalIgnoreCase))
            && (f.Region is null || string.Equals(i.Location.Admin1, f.Region, StringComparison.OrdinalIgnoreCase))
            && (f.Party is null || i.VerifiedAsOf(asOf)?.ResponsibleParty == f.Party)
            && (f.From is null || day >= f.From) && (f.To is null || day <= f.To)
            && (f.Text is null || texts.Any(t => t.Contains(f.Text, StringComparison.OrdinalIgnoreCase)));
    }

    private static IEnumerable<StoredIncident> InOrder(IEnumerable<StoredIncident> rows, IncidentSort sort)
    {
        var newest = Comparer<StoredIncident>.Create((a, b) =>
        {
            var c = b.Incident.Time.Start.CompareTo(a.Incident.Time.Start);
            return c != 0 ? c : string.CompareOrdinal(b.Incident.Id, a.Incident.Id);
        });
        return sort switch
        {
            IncidentSort.Oldest => rows.OrderBy(r => r.Incident.Time.Start).ThenBy(r => r.Incident.Id, StringComparer.Ordinal),
            IncidentSort.Deaths => rows.OrderBy(r => r.Incident.Fatalities is null).ThenByDescending(r => r.Incident.Fatalities).ThenBy(r => r, newest),
            IncidentSort.Region => rows.OrderBy(r => r.Incident.Location.Admin1 is null).ThenBy(r => r.Incident.Location.Admin1, StringComparer.Ordinal).ThenBy(r => r, newest),
            IncidentSort.EventType => rows.OrderBy(r => r.Incident.EventType, StringComparer.Ordinal).ThenBy(r => r, newest),
            _ => rows.OrderBy(r => r, newest),
        };
    }

    [Fact]
    public async Task Desk_FiltersSortsAndPages_AsFilteringEveryReportInMemory()
    {
        var all = await DeskSampleAsync();
        var asOf = T0.AddDays(1);
        var cases = new (IncidentFilter Filter, IncidentSort Sort, bool Grouped)[]
        {
            (IncidentFilter.None, IncidentSort.Newest, true),
            (IncidentFilter.None, IncidentSort.Oldest, false),
            (new IncidentFilter(region: "donetsk"), IncidentSort.Deaths, true),
            (new IncidentFilter(eventType: "BATTLES", from: new DateOnly(2019, 1, 1), to: new DateOnly(2021, 12, 31)), IncidentSort.Region, false),
            (new IncidentFilter(text: "drone"), IncidentSort.EventType, true),
            (new IncidentFilter(states: [VerificationState.Reported, VerificationState.UnderReview], region: "Donetsk"), IncidentSort.Oldest, false),
            (new IncidentFilter(states: [VerificationState.Verified]), IncidentSort.Newest, false),
            (new IncidentFilter(party: "ru"), IncidentSort.Newest, false),
            (new IncidentFilter(text: "UKR1"), IncidentSort.Newest, true),
        };
        foreach (var (filter, sort, grouped) in cases)
        {
            var expected = InOrder(all.Where(s => Matches(s, filter, asOf) && (!grouped || s.DuplicateOf is null)), sort).ToList();
            var page = await WithGuarantees(g => g.ListAsync("small", new IncidentQuery(filter, asOf, sort, 3, 25, grouped)));
            Assert.True(expected.Count > 0, $"{filter} matches something");
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Skip(3).Take(25).Select(s => s.Incident.Id), page.Rows.Select(s => s.Incident.Id));
            if (!grouped) continue;
            foreach (var row in page.Rows)
                Assert.Equal(all.Where(s => s.DuplicateOf == row.Incident.Id).Select(s => s.Incident.Id).Order(StringComparer.Ordinal),
                    (page.Duplicates.GetValueOrDefault(row.Incident.Id) ?? []).Select(s => s.Incident.Id).Order(StringComparer.Ordinal));
        }
        Assert.Contains(all, s => s.DuplicateOf is not null); // the sample has groups, so the grouped cases compared some
    }

    [Fact]
    public async Task Desk_StateFilterAtAnEarlierDate_ReadsOnlyTheStepsKnownThen()
    {
        var all = await DeskSampleAsync();
        var laterVerified = all.Single(s => s.Incident.Verification.Count == 2 && s.Incident.Verification[^1].At == T0.AddHours(30)).Incident.Id;
        var verified = new IncidentFilter([VerificationState.Verified]);
        var review = new IncidentFilter([VerificationState.UnderReview]);

        var before = await WithGuarantees(g => g.ListAsync("small", new IncidentQuery(verified, T0.AddDays(1), IncidentSort.Newest, 0, 10)));
        var after = await WithGuarantees(g => g.ListAsync("small", new IncidentQuery(verified, T0.AddDays(2), IncidentSort.Newest, 0, 10)));
        var underReviewThen = await WithGuarantees(g => g.ListAsync("small", new IncidentQuery(review, T0.AddDays(1), IncidentSort.Newest, 0, 10)));

        Assert.Equal(2, before.Total);
        Assert.DoesNotContain(laterVerified, before.Rows.Select(r => r.Incident.Id));
        Assert.Equal(3, after.Total);
        Assert.Contains(laterVerified, underReviewThen.Rows.Select(r => r.Incident.Id));
        Assert.Equal(3, underReviewThen.Total); // six claimed; two verified and one rejected by then
    }

    [Fact]
    public async Task Desk_PrimaryStatesAtEarlierAndLaterDates_CountEachGroupOnceInItsStateThen()
    {
        var all = await DeskSampleAsync();
        foreach (var asOf in new[] { T0.AddDays(1), T0.AddDays(2), new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) })
        {
            var expected = all.Where(s => s.DuplicateOf is null && s.Incident.Time.Start <= asOf)
                .GroupBy(s => (s.Incident.Time.Start, s.Incident.StateAt(asOf)))
                .Select(g => $"{g.Key.Start:o} {g.Key.Item2} {g.Count()}").Order(StringComparer.Ordinal);
            var stored = await WithGuarantees(g => g.PrimaryStatesAsync("small", asOf));
            Assert.Equal(expected, stored.Select(c => $"{c.Start:o} {c.State} {c.Count}").Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Desk_EvaluationFromVerifiedReports_EqualsEvaluatingEveryReport()
    {
        var all = await DeskSampleAsync();
        // A duplicate verified on its own: its group's primary and other members must still be named by the breach.
        var member = all.First(s => s.DuplicateOf is not null && s.Incident.EventType == "Explosions/Remote violence");
        await WithGuarantees(g => g.ReviewAsync("small", member.Incident.Id, new VerificationStep(VerificationState.UnderReview, T0, "m"), "m"));
        await WithGuarantees(g => g.ReviewAsync("small", member.Incident.Id, new VerificationStep(VerificationState.Verified, T0.AddHours(1), "m", null, "ru"), "m"));
        var region = member.Incident.Location.Admin1!;
        Commitment[] commitments =
        [
            new Prohibition("no-shelling", "No shelling", ["ru", "ua"], [new ConductRule("shelling", ["Explosions/Remote violence"])],
                new Area([new AdminRegion(region), new AdminRegion("Donetsk")]), new TimeWindow(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero))),
            new Prohibition("no-battles", "No battles", ["ru", "ua"], [new ConductRule("battles", ["Battles"])]),
        ];
        CommitmentEvent[] events =
        [
            new LifecycleEvent("no-shelling", LifecycleAction.EnterIntoForce, new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), "signed"),
            new LifecycleEvent("no-battles", LifecycleAction.EnterIntoForce, new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), "signed"),
        ];
        await WithGuarantees(g => g.ReplaceCommitmentsAsync("small", commitments, events, "mediator"));
        var small = (await LoadAsync("small"))!;

        foreach (var asOf in new[] { T0.AddDays(1), T0.AddDays(2) })
        {
            var full = (await WithGuarantees(g => g.EvaluateAsync(small, asOf))).Evaluation;
            var verified = await WithGuarantees(g => g.EvaluateVerifiedAsync(small, asOf));
            static object Shape(GuaranteesEvaluation e) => string.Join("\n", e.Commitments.Select(c => $"{c.Commitment.Id} {c.State}: " +
                string.Join("; ", c.Breaches.Select(b => $"{b.RuleId} {b.IncidentId} [{string.Join(",", b.IncidentIds)}] {b.ResponsibleParty}"))));
            Assert.Equal(Shape(full), Shape(verified));
            Assert.Contains(full.Commitments, c => c.Breaches.Any(b => b.IncidentIds.Contains(member.Incident.Id) && b.IncidentIds.Count > 1));
        }
    }
}
