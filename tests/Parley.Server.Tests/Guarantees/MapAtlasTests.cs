using Parley.Core.Formats.Acled;
using Parley.Server.Guarantees.Map;
using Parley.Testing;

namespace Parley.Server.Tests.Guarantees;

/// <summary>The outlines shipped with the server (Natural Earth admin 1 around Ukraine).</summary>
public class MapAtlasTests
{
    [Fact]
    public void Outlines_EveryOblastOfUkraineAndItsNeighbours()
    {
        var atlas = MapAtlas.Outlines;
        Assert.Equal(25, atlas.OfCountry("Ukraine").Count);
        Assert.NotEmpty(atlas.OfCountry("Russia"));
        Assert.NotEmpty(atlas.OfCountry("Belarus"));
        Assert.True(atlas.Bounds!.Contains(22.2, 48.2) && atlas.Bounds.Contains(40.1, 49.6)); // Ukraine's far west and far east
    }

    [Fact]
    public void Outlines_FindEveryAdmin1OfTheAcledSample()
    {
        var sample = AcledCsv.Read(new StreamReader(TestData.Path("acled", "acled-ukraine-sample.csv"))).Incidents;
        var names = sample.Select(i => i.Location.Admin1).OfType<string>().Distinct().ToList();
        Assert.True(names.Count > 20);
        Assert.DoesNotContain(names, n => MapAtlas.Outlines.Find(n) is null);
        Assert.Equal("Kiev City", MapAtlas.Outlines.Find("Kyiv City")!.Name);
        Assert.Equal("Kiev", MapAtlas.Outlines.Find("Kyiv")!.Name);
        Assert.Equal("Zaporizhzhya", MapAtlas.Outlines.Find("Zaporizhia")!.Name);
    }

    [Fact]
    public void Outlines_EachSampleReportLiesInTheOutlineItsAdmin1Names()
    {
        // ACLED's coordinates and names agree with Natural Earth's outlines (to the simplification's kilometre).
        var sample = AcledCsv.Read(new StreamReader(TestData.Path("acled", "acled-ukraine-sample.csv"))).Incidents;
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var outside = sample.Where(i => i.Location.Admin1 is not null && i.Location.Latitude is not null)
            .Where(i => MapAtlas.Outlines.Find(i.Location.Admin1)!.Shape
                .IsWithinDistance(factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(i.Location.Longitude!.Value, i.Location.Latitude!.Value)), 0.05) is false)
            .Select(i => $"{i.Id} {i.Location.Admin1}").ToList();
        Assert.True(outside.Count <= sample.Count / 100, string.Join("; ", outside));
    }
}
