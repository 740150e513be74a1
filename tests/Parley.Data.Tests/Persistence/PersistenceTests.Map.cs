using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;
using Parley.Data.Guarantees;

namespace Parley.Data.Tests.Persistence;

/// <summary>The incident map's counts, grouped in the database, against clustering every report in memory.</summary>
public abstract partial class PersistenceTests
{
    [Fact]
    public async Task Map_CellsRegionsAndExtent_AsClusteringEveryReportInMemory()
    {
        var all = await DeskSampleAsync();
        var cases = new (IncidentFilter Filter, DateTimeOffset AsOf, double Cell)[]
        {
            (IncidentFilter.None, T0.AddDays(1), 28),
            (IncidentFilter.None, T0.AddDays(2), 9),
            (new IncidentFilter(region: "donetsk"), T0.AddDays(1), 28),
            (new IncidentFilter(states: [VerificationState.UnderReview]), T0.AddDays(1), 28),
            (new IncidentFilter(eventType: "Battles", from: new DateOnly(2019, 1, 1)), T0.AddDays(2), 40),
        };
        foreach (var (filter, asOf, cell) in cases)
        {
            var shown = all.Where(s => s.DuplicateOf is null && Matches(s, filter, asOf)).Select(s => s.Incident).ToList();
            Assert.True(shown.Count > 0, $"{filter} matches something");
            MapProjection? projection = null;
            var counts = await WithGuarantees(g => g.MapAsync("small", filter, asOf,
                box => (projection = new MapProjection(box!.Padded(0.05, 1), 800, 560, 14)).Grid(cell)));

            var located = shown.Where(i => i.Location.Latitude is not null).ToList();
            Assert.Equal(new GeoBox(located.Min(i => i.Location.Longitude!.Value), located.Min(i => i.Location.Latitude!.Value),
                located.Max(i => i.Location.Longitude!.Value), located.Max(i => i.Location.Latitude!.Value)), counts.Extent);
            var expected = GridClustering.Merge(GridClustering.Count(projection!.Grid(cell),
                located.Select(i => new MapPoint(i.Location.Longitude!.Value, i.Location.Latitude!.Value, i.StateAt(asOf)))));
            var stored = GridClustering.Merge(counts.Cells);
            Assert.Equal(expected.Select(c => (c.Column, c.Row, string.Join(",", c.States))), stored.Select(c => (c.Column, c.Row, string.Join(",", c.States))));
            foreach (var (e, s) in expected.Zip(stored))
            {
                Assert.InRange(Math.Abs(e.Longitude - s.Longitude), 0, 1e-6);
                Assert.InRange(Math.Abs(e.Latitude - s.Latitude), 0, 1e-6);
            }
            Assert.Equal(shown.GroupBy(i => (i.Location.Admin1, i.StateAt(asOf))).Select(g => $"{g.Key.Admin1}|{g.Key.Item2}|{g.Count()}").Order(StringComparer.Ordinal),
                counts.Regions.Select(r => $"{r.Admin1}|{r.State}|{r.Count}").Order(StringComparer.Ordinal));
            Assert.Equal(shown.Count - located.Count, counts.Unlocated);
        }
    }

    [Fact]
    public async Task Map_NoReportMatches_NoExtentAndNoCell()
    {
        await DeskSampleAsync();
        GeoBox? seen = new(0, 0, 1, 1);
        var counts = await WithGuarantees(g => g.MapAsync("small", new IncidentFilter(region: "Atlantis"), T0,
            box => { seen = box; return new MapGrid(20, 55, 0.5, 0.5); }));
        Assert.Null(seen);
        Assert.Null(counts.Extent);
        Assert.Empty(counts.Cells);
        Assert.Empty(counts.Regions);
    }
}
