using Parley.Core.Guarantees.Maps;

namespace Parley.Core.Tests.Guarantees.Maps;

public class MapProjectionTests
{
    private static readonly GeoBox Ukraine = new(22.1, 44.4, 40.2, 52.4);

    [Fact]
    public void Project_ExtentCorners_InsideCanvasLessMarginAndCentred()
    {
        var p = new MapProjection(Ukraine, 800, 560, 12);
        var (x0, y0) = p.Project(Ukraine.West, Ukraine.North);
        var (x1, y1) = p.Project(Ukraine.East, Ukraine.South);
        Assert.All(new[] { x0, x1 }, x => Assert.InRange(x, 12 - 1e-9, 800 - 12 + 1e-9));
        Assert.All(new[] { y0, y1 }, y => Assert.InRange(y, 12 - 1e-9, 560 - 12 + 1e-9));
        Assert.Equal(800 - x1, x0, 6);
        Assert.Equal(560 - y1, y0, 6);
        // One side touches the margin: the fit is the largest.
        Assert.True(Math.Abs(x0 - 12) < 1e-6 || Math.Abs(y0 - 12) < 1e-6);
    }

    [Fact]
    public void Project_DegreeOfLongitude_IsCosineOfMiddleLatitudeOfADegreeOfLatitude()
    {
        var p = new MapProjection(Ukraine, 800, 560);
        var (ax, ay) = p.Project(30, 48);
        var (bx, _) = p.Project(31, 48);
        var (_, cy) = p.Project(30, 47);
        Assert.Equal(Math.Cos(48.4 * Math.PI / 180), (bx - ax) / (cy - ay), 9);
    }

    [Fact]
    public void Construction_MarginLeavesNoRoom_Throws() =>
        Assert.Throws<ArgumentException>(() => new MapProjection(Ukraine, 100, 20, 10));

    [Fact]
    public void Construction_SinglePoint_FiniteScale()
    {
        var (x, y) = new MapProjection(new GeoBox(30, 50, 30, 50), 400, 300).Project(30, 50);
        Assert.Equal(200, x, 6);
        Assert.Equal(150, y, 6);
    }

    [Fact]
    public void Path_PolygonWithHole_TwoClosedRings()
    {
        var f = new NetTopologySuite.Geometries.GeometryFactory();
        var shell = f.CreateLinearRing([new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)]);
        var hole = f.CreateLinearRing([new(1, 1), new(2, 1), new(2, 2), new(1, 1)]);
        var path = new MapProjection(new GeoBox(0, 0, 4, 4), 100, 100).Path(f.CreatePolygon(shell, [hole]));
        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(2, path.Count(c => c == 'Z'));
    }

    [Fact]
    public void Path_DetailFinerThanAPixel_NotDrawn()
    {
        var f = new NetTopologySuite.Geometries.GeometryFactory();
        // A square with 400 vertices along its bottom edge, wobbling by a thousandth of a degree (a small part of a pixel).
        var bottom = Enumerable.Range(0, 400).Select(i => new NetTopologySuite.Geometries.Coordinate(i / 100.0, i % 2 * 0.001));
        var ring = bottom.Concat([new(4, 0), new(4, 4), new(0, 4), new(0, 0)]).ToArray();
        var projection = new MapProjection(new GeoBox(0, 0, 4, 4), 100, 100);
        var path = projection.Path(f.CreatePolygon(ring));
        Assert.Equal("M0 100L100 100L100 0L0 0Z", path);
        // A ring smaller than a pixel is dropped.
        var speck = f.CreatePolygon([new(1, 1), new(1.001, 1), new(1.001, 1.001), new(1, 1)]);
        Assert.Equal("", projection.Path(speck));
    }

    [Fact]
    public void Padded_SinglePoint_GetsMinimumSpanAroundIt()
    {
        var box = new GeoBox(30, 50, 30, 50).Padded(0.05, 1);
        Assert.Equal(new GeoBox(29.5, 49.5, 30.5, 50.5), box);
    }

    [Fact]
    public void Construction_WestEastOfEast_Throws() => Assert.Throws<ArgumentException>(() => new GeoBox(31, 40, 30, 41));
}
