using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;

namespace Parley.Core.Tests.Guarantees.Maps;

public class GridClusteringTests
{
    private static List<MapPoint> RandomPoints(int seed, int n)
    {
        var random = new Random(seed);
        var states = Enum.GetValues<VerificationState>();
        // Half spread over the box, half in three dense places, as a front line's shelling is.
        (double Lon, double Lat)[] hot = [(37.8, 48.0), (35.1, 47.8), (36.2, 50.0)];
        return Enumerable.Range(0, n).Select(i =>
        {
            var (lon, lat) = i % 2 == 0 ? (22.1 + random.NextDouble() * 18.1, 44.4 + random.NextDouble() * 8)
                : (hot[i % 3].Lon + random.NextDouble() * 0.3, hot[i % 3].Lat + random.NextDouble() * 0.3);
            return new MapPoint(lon, lat, states[random.Next(states.Length)]);
        }).ToList();
    }

    [Theory]
    [InlineData(1, 28)]
    [InlineData(2, 12)]
    [InlineData(3, 64)]
    public void Merge_AgreesWithBruteForceOverPixelCells(int seed, double cellPixels)
    {
        var points = RandomPoints(seed, 5000);
        var projection = new MapProjection(new GeoBox(22.1, 44.4, 40.2, 52.4).Padded(0.05, 1), 800, 560, 12);
        var clusters = GridClustering.Merge(GridClustering.Count(projection.Grid(cellPixels), points));

        // Brute force: every point's pixel cell, from the projection alone.
        var expected = points.GroupBy(p =>
            {
                var (x, y) = projection.Project(p.Longitude, p.Latitude);
                return ((int)Math.Floor(x / cellPixels), (int)Math.Floor(y / cellPixels));
            })
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, clusters.Count);
        foreach (var c in clusters)
        {
            var members = expected[(c.Column, c.Row)];
            Assert.Equal(members.Count, c.Total);
            Assert.Equal(members.GroupBy(m => m.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())), c.States);
            Assert.Equal(members.Average(m => m.Longitude), c.Longitude, 9);
            Assert.Equal(members.Average(m => m.Latitude), c.Latitude, 9);
            // The centre of a cell's reports is drawn inside the cell.
            var (x, y) = projection.Project(c.Longitude, c.Latitude);
            Assert.InRange(x, c.Column * cellPixels - 1e-6, (c.Column + 1) * cellPixels + 1e-6);
            Assert.InRange(y, c.Row * cellPixels - 1e-6, (c.Row + 1) * cellPixels + 1e-6);
        }
        Assert.Equal(points.Count, clusters.Sum(c => c.Total));
    }

    [Fact]
    public void Merge_DenseFront_FewerClustersThanReports()
    {
        var points = RandomPoints(4, 100_000);
        var projection = new MapProjection(new GeoBox(22.1, 44.4, 40.2, 52.4), 800, 560, 12);
        var clusters = GridClustering.Merge(GridClustering.Count(projection.Grid(28), points));
        // At most one cluster per cell of an 800 × 560 canvas.
        Assert.InRange(clusters.Count, 1, Math.Ceiling(800 / 28.0) * Math.Ceiling(560 / 28.0));
        Assert.Equal(100_000, clusters.Sum(c => c.Total));
    }

    [Fact]
    public void Merge_CorrectionRows_MoveAReportToItsEarlierState()
    {
        var grid = new MapGrid(30, 50, 1, 1);
        var cells = GridClustering.Count(grid, [new MapPoint(30.5, 49.5, VerificationState.Verified), new MapPoint(30.2, 49.2, VerificationState.Reported)]).ToList();
        cells.Add(new CellCount(0, 0, VerificationState.Verified, -1, -30.5, -49.5));
        cells.Add(new CellCount(0, 0, VerificationState.UnderReview, 1, 30.5, 49.5));
        var cluster = Assert.Single(GridClustering.Merge(cells));
        Assert.Equal([(VerificationState.Reported, 1), (VerificationState.UnderReview, 1)], cluster.States);
        Assert.Equal(30.35, cluster.Longitude, 9);
    }

    [Fact]
    public void Dominant_Tie_GoesToLaterState()
    {
        var c = new MapCluster(0, 0, 30, 50, [(VerificationState.Reported, 2), (VerificationState.Verified, 2)]);
        Assert.Equal(VerificationState.Verified, c.Dominant);
    }

    [Fact]
    public void CellOf_PointOnCellEdge_BelongsToTheCellEastAndSouth() =>
        Assert.Equal((1, 1), new MapGrid(30, 50, 0.5, 0.5).CellOf(30.5, 49.5));
}
