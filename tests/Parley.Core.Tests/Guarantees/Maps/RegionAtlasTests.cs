using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;

namespace Parley.Core.Tests.Guarantees.Maps;

public class RegionAtlasTests
{
    private const string Collection = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"Zaporizhzhya","country":"Ukraine","iso":"UA-23","aliases":["Zaporizhia","Zaporozh'ye","Kyiv"]},
           "geometry":{"type":"MultiPolygon","coordinates":[[[[34,47],[37,47],[37,48],[34,48],[34,47]]]]}},
          {"type":"Feature","properties":{"name":"Kiev City","country":"Ukraine","aliases":["Kyiv"]},
           "geometry":{"type":"Polygon","coordinates":[[[30,50],[31,50],[31,51],[30,51],[30,50]]]}},
          {"type":"Feature","properties":{"name":"Belgorod","country":"Russia","aliases":[]},
           "geometry":{"type":"Polygon","coordinates":[[[36,50],[39,50],[39,51.5],[36,51.5],[36,50]]]}}
        ]}
        """;

    [Theory]
    [InlineData("Zaporizhia")]
    [InlineData("zaporozhye")]
    [InlineData("ZAPORIZHZHYA")]
    [InlineData("Zaporizhzhyá")]
    public void Find_SpellingOrCaseOrAccent_FindsTheOutline(string name) =>
        Assert.Equal("Zaporizhzhya", RegionAtlas.Parse(Collection).Find(name)?.Name);

    [Fact]
    public void Find_AliasOfTwoOutlines_FindsNeither() => Assert.Null(RegionAtlas.Parse(Collection).Find("Kyiv"));

    [Fact]
    public void Find_NameOfTwoOutlines_FindsNeitherButTheOthersStillFound()
    {
        var atlas = RegionAtlas.Parse(Collection.Replace("\"name\":\"Kiev City\"", "\"name\":\"Belgorod\""));
        Assert.Null(atlas.Find("Belgorod"));
        Assert.Equal("Zaporizhzhya", atlas.Find("Zaporizhia")?.Name);
        Assert.Equal(3, atlas.Regions.Count);
    }

    [Fact]
    public void Find_OwnNameWithOtherSpacing_Found() => Assert.Equal("Kiev City", RegionAtlas.Parse(Collection).Find("kiev-city")?.Name);

    [Fact]
    public void Bounds_AroundEveryOutline() => Assert.Equal(new GeoBox(30, 47, 39, 51.5), RegionAtlas.Parse(Collection).Bounds);

    [Fact]
    public void Parse_FeatureWithoutName_ReportsWhich()
    {
        var e = Assert.Throws<FormatException>(() => RegionAtlas.Parse(Collection.Replace("\"name\":\"Belgorod\",", "")));
        Assert.Contains("Feature 2", e.Message);
    }

    [Fact]
    public void Areas_NamedRegion_ShadesItsOutlineAndNamesTheUnknown()
    {
        var atlas = RegionAtlas.Parse(Collection);
        var repair = new Prohibition("repair", "Repair window", ["ru", "ua"], [new ConductRule("fire", ["Battles"])],
            new Area([new AdminRegion("Zaporizhia"), new AdminRegion("Atlantis")]));
        var area = Assert.Single(CommitmentAreas.Of([repair], atlas, Name));
        Assert.Equal(["Zaporizhzhya"], area.Regions.Select(r => r.Name));
        Assert.Equal(["Atlantis"], area.Unmatched);
        Assert.Equal(new GeoBox(34, 47, 37, 48), area.Bounds);
    }

    [Fact]
    public void Areas_Everywhere_ShadesTheBoundPartiesCountries()
    {
        var truce = new Prohibition("truce", "Truce", ["ru", "ua"], [new ConductRule("fire", ["Battles"])]);
        var area = Assert.Single(CommitmentAreas.Of([truce], RegionAtlas.Parse(Collection), Name));
        Assert.Equal(["Russia", "Ukraine"], area.Countries.Order());
        Assert.Equal(3, area.Regions.Count);
        Assert.False(area.Everywhere);
        Assert.Null(area.Bounds);
    }

    [Fact]
    public void Areas_EverywhereAndNoPartyOnTheMap_WholeMap()
    {
        var pledge = new Prohibition("pledge", "Pledge", ["us"], [new ConductRule("fire", ["Battles"])]);
        var area = Assert.Single(CommitmentAreas.Of([pledge], RegionAtlas.Parse(Collection), Name));
        Assert.True(area.Everywhere);
        Assert.Empty(area.Regions);
    }

    [Fact]
    public void Areas_Obligations_TriggerAreaShadedSignalTriggerNot()
    {
        var atlas = RegionAtlas.Parse(Collection);
        var respond = new Obligation("respond", "Respond", ["us"], "ua",
            new IncidentTrigger(new ConductRule("attack", ["Battles"]), ["ru"], new Area([new AdminRegion("Zaporizhia")])), "respond", TimeSpan.FromHours(72));
        var consult = new Obligation("consult", "Consult", ["us"], "ua", new SignalTrigger("proposal-rejected"), "consult", TimeSpan.FromHours(24));
        var area = Assert.Single(CommitmentAreas.Of([respond, consult], atlas, Name));
        Assert.Equal("respond", area.CommitmentId);
        Assert.Equal(["Zaporizhzhya"], area.Regions.Select(r => r.Name));
    }

    [Fact]
    public void Extent_ReportsAndNamedAreas_Padded()
    {
        var atlas = RegionAtlas.Parse(Collection);
        var areas = CommitmentAreas.Of([new Prohibition("r", "R", ["ru"], [new ConductRule("f", ["Battles"])], new Area([new AdminRegion("Zaporizhia")]))], atlas, Name);
        var extent = MapExtent.Of(new GeoBox(36, 49, 38, 50), areas, atlas.Bounds!);
        Assert.Equal(new GeoBox(33.8, 46.85, 38.2, 50.15), extent with { }, new BoxComparer());
    }

    private static string? Name(string id) => id switch { "ua" => "Ukraine", "ru" => "Russia", "us" => "United States", _ => null };

    private sealed class BoxComparer : IEqualityComparer<GeoBox>
    {
        public bool Equals(GeoBox? a, GeoBox? b) => a is not null && b is not null && Math.Abs(a.West - b.West) < 1e-9
            && Math.Abs(a.South - b.South) < 1e-9 && Math.Abs(a.East - b.East) < 1e-9 && Math.Abs(a.North - b.North) < 1e-9;
        public int GetHashCode(GeoBox b) => 0;
    }
}
