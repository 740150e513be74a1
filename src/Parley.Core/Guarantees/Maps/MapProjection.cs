using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace Parley.Core.Guarantees.Maps;

/// <summary>
/// An equirectangular projection fitted to a box on a canvas of <see cref="Width"/> × <see cref="Height"/> pixels:
/// x = x₀ + (λ − λ_w)·k·cos φ₀, y = y₀ + (φ_n − φ)·k, with φ₀ the box's middle latitude (so distances are true along
/// it), and k (pixels per degree of latitude) the largest that fits the box inside the canvas less the margin; the
/// box is centred. Being linear in degrees, a square grid of pixels is a grid of degrees: <see cref="Grid"/>, which a
/// database can group on.
/// </summary>
public sealed class MapProjection
{
    /// <summary>Fits <paramref name="extent"/> into the canvas.</summary>
    /// <exception cref="ArgumentException">A size is not positive and finite, or the margin leaves no room.</exception>
    public MapProjection(GeoBox extent, double width, double height, double margin = 0)
    {
        ArgumentNullException.ThrowIfNull(extent);
        if (!double.IsFinite(width) || !double.IsFinite(height) || width <= 0 || height <= 0)
            throw new ArgumentException("The canvas has a positive width and height.", nameof(width));
        if (!double.IsFinite(margin) || margin < 0 || 2 * margin >= Math.Min(width, height))
            throw new ArgumentException("The margin leaves room on the canvas.", nameof(margin));
        (Extent, Width, Height) = (extent, width, height);
        Cosine = Math.Cos((extent.South + extent.North) / 2 * Math.PI / 180);
        // A zero-size box still gets a finite scale: it is drawn as if one degree wide.
        var spanX = Math.Max(extent.Width * Cosine, 1e-9);
        var spanY = Math.Max(extent.Height, 1e-9);
        Scale = Math.Min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
        if (extent.Width == 0 && extent.Height == 0) Scale = Math.Min(width - 2 * margin, height - 2 * margin);
        // The canvas's top-left corner in degrees: the box centred.
        OriginLongitude = (extent.West + extent.East) / 2 - width / 2 / (Scale * Cosine);
        OriginLatitude = (extent.South + extent.North) / 2 + height / 2 / Scale;
    }

    /// <summary>The box fitted (the canvas shows at least this).</summary>
    public GeoBox Extent { get; }

    /// <summary>Canvas width, pixels.</summary>
    public double Width { get; }

    /// <summary>Canvas height, pixels.</summary>
    public double Height { get; }

    /// <summary>k: pixels per degree of latitude.</summary>
    public double Scale { get; }

    /// <summary>cos φ₀: a degree of longitude is <see cref="Scale"/>·cos φ₀ pixels.</summary>
    public double Cosine { get; }

    /// <summary>Longitude at the canvas's left edge (x = 0).</summary>
    public double OriginLongitude { get; }

    /// <summary>Latitude at the canvas's top edge (y = 0).</summary>
    public double OriginLatitude { get; }

    /// <summary>The point's pixel position (x to the right, y down).</summary>
    public (double X, double Y) Project(double longitude, double latitude) =>
        ((longitude - OriginLongitude) * Scale * Cosine, (OriginLatitude - latitude) * Scale);

    /// <summary>The grid of square cells of <paramref name="cellPixels"/> pixels from the canvas's top-left corner.</summary>
    /// <exception cref="ArgumentException">The size is not positive and finite.</exception>
    public MapGrid Grid(double cellPixels)
    {
        if (!double.IsFinite(cellPixels) || cellPixels <= 0) throw new ArgumentException("A cell has a positive size.", nameof(cellPixels));
        return new MapGrid(OriginLongitude, OriginLatitude, cellPixels / (Scale * Cosine), cellPixels / Scale);
    }

    /// <summary>
    /// SVG path data of a polygonal geometry's rings (even-odd holes), in whole pixels: a vertex on the same pixel as
    /// the one before, or within 0.7 pixel of the line its kept neighbours draw (Douglas-Peucker), is left out — finer
    /// detail than a pixel is not drawn; a ring left with fewer than three vertices is dropped; empty for anything else.
    /// </summary>
    public string Path(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var sb = new StringBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon) continue;
            Ring(sb, polygon.ExteriorRing.Coordinates);
            foreach (var hole in polygon.InteriorRings) Ring(sb, hole.Coordinates);
        }
        return sb.ToString();
    }

    // Douglas-Peucker in pixels: a vertex within 0.7 pixel of the line through its kept neighbours is not drawn.
    private static List<(long X, long Y)> Simplify(List<(long X, long Y)> points)
    {
        const double tolerance = 0.7;
        if (points.Count < 4) return points;
        var keep = new bool[points.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int, int)>();
        stack.Push((0, points.Count - 1));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (ax, ay, bx, by) = ((double)points[a].X, (double)points[a].Y, (double)points[b].X, (double)points[b].Y);
            var (dx, dy) = (bx - ax, by - ay);
            var norm = Math.Sqrt(dx * dx + dy * dy);
            var (best, index) = (-1.0, -1);
            for (var i = a + 1; i < b; i++)
            {
                var (px, py) = (points[i].X - ax, points[i].Y - ay);
                var d = norm > 0 ? Math.Abs(dy * px - dx * py) / norm : Math.Sqrt(px * px + py * py);
                if (d > best) (best, index) = (d, i);
            }
            if (best <= tolerance) continue;
            keep[index] = true;
            stack.Push((a, index));
            stack.Push((index, b));
        }
        return points.Where((_, i) => keep[i]).ToList();
    }

    private void Ring(StringBuilder sb, Coordinate[] ring)
    {
        var points = new List<(long X, long Y)>(ring.Length);
        foreach (var c in ring)
        {
            var (x, y) = Project(c.X, c.Y);
            var p = ((long)Math.Round(x), (long)Math.Round(y));
            if (points.Count == 0 || points[^1] != p) points.Add(p);
        }
        if (points.Count > 1 && points[^1] == points[0]) points.RemoveAt(points.Count - 1);
        points = Simplify(points);
        if (points.Count < 3) return;
        for (var i = 0; i < points.Count; i++)
            sb.Append(i == 0 ? 'M' : 'L').Append(points[i].X.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(points[i].Y.ToString(CultureInfo.InvariantCulture));
        sb.Append('Z');
    }
}

/// <summary>
/// A grid of cells <see cref="CellLongitude"/> × <see cref="CellLatitude"/> degrees from the corner
/// (<see cref="OriginLongitude"/>, <see cref="OriginLatitude"/>), columns eastward and rows southward:
/// column = ⌊(λ − λ₀)/Δλ⌋, row = ⌊(φ₀ − φ)/Δφ⌋. Cells are half-open, so every point is in exactly one.
/// </summary>
public sealed record MapGrid(double OriginLongitude, double OriginLatitude, double CellLongitude, double CellLatitude)
{
    /// <summary>The cell holding the point.</summary>
    public (int Column, int Row) CellOf(double longitude, double latitude) =>
        ((int)Math.Floor((longitude - OriginLongitude) / CellLongitude), (int)Math.Floor((OriginLatitude - latitude) / CellLatitude));
}
