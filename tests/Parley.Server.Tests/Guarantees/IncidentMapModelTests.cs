using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;
using Parley.Data.Guarantees;
using Parley.Server.Guarantees.Map;

namespace Parley.Server.Tests.Guarantees;

/// <summary>What the map draws from the store's counts: shadings shared, territories merged, clusters as pies.</summary>
public class IncidentMapModelTests
{
    private static readonly RegionAtlas Atlas = MapAtlas.Outlines;

    private static Prohibition Term(string id, string[] bound, Area? area = null) =>
        new(id, id, bound, [new ConductRule("fire", ["Battles"])], area);

    private static string? Name(string id) => id switch { "ua" => "Ukraine", "ru" => "Russia", "us" => "United States", _ => null };

    private static IncidentMapModel Build(IReadOnlyList<Commitment> commitments, IReadOnlyList<MapPoint> points)
    {
        var areas = CommitmentAreas.Of(commitments, Atlas, Name);
        var box = points.Count == 0 ? null : new GeoBox(points.Min(p => p.Longitude), points.Min(p => p.Latitude), points.Max(p => p.Longitude), points.Max(p => p.Latitude));
        var projection = IncidentMapModel.ProjectionFor(box, areas, Atlas);
        var cells = GridClustering.Count(projection.Grid(IncidentMapModel.CellPixels), points);
        var regions = points.GroupBy(p => p.State).Select(g => ((string?)"Donetsk", g.Key, g.Count())).ToList();
        return IncidentMapModel.Build(projection, Atlas, areas, new IncidentMapCounts(box, cells, regions, 0));
    }

    [Fact]
    public void Build_SameAreaTwice_OneShadingNamingBoth()
    {
        var map = Build([Term("a", ["ru", "ua"]), Term("b", ["ua", "ru"]), Term("c", ["ru"], new Area([new AdminRegion("Zaporizhia")]))], []);
        Assert.Equal(2, map.Areas.Count);
        Assert.Equal(["a", "b"], map.Areas[0].Commitments.Select(c => c.CommitmentId));
        Assert.Contains("whole territory (Russia, Ukraine)", map.Areas[0].Describe());
        Assert.Equal("Zaporizhzhya", map.Areas[1].Describe());
    }

    [Fact]
    public void Build_TerritoryArea_OneMergedOutlineNotEveryOblast()
    {
        var map = Build([Term("truce", ["ua"])], []);
        var territory = map.Areas.Single().Path;
        // Ukraine's 25 oblasts merged: a handful of rings (the mainland, islands), not one per oblast.
        Assert.InRange(territory.Count(c => c == 'M'), 1, 12);
    }

    [Fact]
    public void Build_EverywhereWithoutACountry_ShadesTheWholeCanvas()
    {
        var map = Build([Term("pledge", ["us"])], []);
        Assert.Equal("M0 0H800V560H0Z", map.Areas.Single().Path);
        Assert.Contains("the whole map", map.Areas.Single().Describe());
    }

    [Fact]
    public void Build_MixedCell_PieWithASlicePerStateAndCountsInTheTitle()
    {
        var map = Build([], [new MapPoint(37.80, 48.00, VerificationState.Verified), new MapPoint(37.801, 48.001, VerificationState.Reported),
            new MapPoint(37.802, 48.002, VerificationState.Reported), new MapPoint(30.5, 50.4, VerificationState.Reported)]);
        Assert.Equal(2, map.Clusters.Count);
        var mixed = map.Clusters.Single(c => c.Cluster.Total == 3);
        Assert.Equal([VerificationState.Verified, VerificationState.Reported], mixed.Slices.Select(s => s.State));
        Assert.Contains("3 reports", mixed.Title);
        Assert.Contains("2 reported", mixed.Title);
        Assert.Equal(4, map.Total);
        Assert.Equal(3, map.CountOf(VerificationState.Reported));
    }
}
