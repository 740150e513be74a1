using NetTopologySuite.Geometries;
using NetTopologySuite.Algorithm.Locate;

namespace Parley.Core.Guarantees;

/// <summary>An administrative region: a first-level area, optionally narrowed to one of its second-level areas.</summary>
public sealed record AdminRegion
{
    /// <summary>Creates a region; names are matched case-insensitively against incident locations.</summary>
    /// <exception cref="ArgumentException"><paramref name="admin1"/> is blank.</exception>
    public AdminRegion(string admin1, string? admin2 = null)
    {
        if (string.IsNullOrWhiteSpace(admin1)) throw new ArgumentException("A region names its admin1 area.", nameof(admin1));
        Admin1 = admin1.Trim();
        Admin2 = string.IsNullOrWhiteSpace(admin2) ? null : admin2.Trim();
    }

    /// <summary>First-level area name (oblast).</summary>
    public string Admin1 { get; }

    /// <summary>Second-level area name (raion), or null for the whole first-level area.</summary>
    public string? Admin2 { get; }

    /// <summary>True when the location's admin names equal this region's (case-insensitive).</summary>
    public bool Contains(Location location) =>
        string.Equals(location.Admin1, Admin1, StringComparison.OrdinalIgnoreCase)
        && (Admin2 is null || string.Equals(location.Admin2, Admin2, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Where a term applies: the union of named admin regions and of polygons (WGS 84, x = longitude, y = latitude).
/// An area with neither is everywhere. A location is inside a polygon if it lies in its interior or on its boundary;
/// a location without coordinates can only match by admin names.
/// </summary>
public sealed class Area
{
    private readonly AdminRegion[] _regions;
    private readonly IndexedPointInAreaLocator? _shape;
    private readonly Envelope? _envelope;

    /// <summary>Creates an area from regions and an optional polygonal geometry.</summary>
    /// <exception cref="ArgumentException">The geometry is empty, invalid, or not polygonal.</exception>
    public Area(IEnumerable<AdminRegion>? regions = null, Geometry? shape = null)
    {
        _regions = (regions ?? []).ToArray();
        if (shape is not null)
        {
            if (shape.IsEmpty || shape is not (Polygon or MultiPolygon))
                throw new ArgumentException($"An area shape is a non-empty Polygon or MultiPolygon, not {shape.GeometryType}.", nameof(shape));
            if (!shape.IsValid)
                throw new ArgumentException("The area polygon is not valid (self-intersecting or badly closed).", nameof(shape));
            Shape = shape;
            _shape = new IndexedPointInAreaLocator(shape);
            _envelope = shape.EnvelopeInternal;
        }
    }

    /// <summary>Everywhere.</summary>
    public static Area Anywhere { get; } = new();

    /// <summary>The admin regions that make up the area.</summary>
    public IReadOnlyList<AdminRegion> Regions => _regions;

    /// <summary>The polygonal part of the area, or null.</summary>
    public Geometry? Shape { get; }

    /// <summary>True when the area has no regions and no shape.</summary>
    public bool IsEverywhere => _regions.Length == 0 && Shape is null;

    /// <summary>True when the location is in one of the regions or inside (or on the edge of) the shape.</summary>
    public bool Contains(Location location)
    {
        if (IsEverywhere) return true;
        foreach (var region in _regions)
            if (region.Contains(location)) return true;
        if (_shape is not null && location.Latitude is double lat && location.Longitude is double lon)
        {
            var env = _envelope!;
            if (lon < env.MinX || lon > env.MaxX || lat < env.MinY || lat > env.MaxY) return false;
            return _shape.Locate(new Coordinate(lon, lat)) != NetTopologySuite.Geometries.Location.Exterior;
        }
        return false;
    }

    /// <summary>True when the point (degrees) is inside or on the edge of the shape; false without a shape or for NaN.</summary>
    internal bool ContainsPoint(double lat, double lon)
    {
        if (_shape is null || double.IsNaN(lat)) return false;
        var env = _envelope!;
        if (lon < env.MinX || lon > env.MaxX || lat < env.MinY || lat > env.MaxY) return false;
        return _shape.Locate(new Coordinate(lon, lat)) != NetTopologySuite.Geometries.Location.Exterior;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (IsEverywhere) return "anywhere";
        var parts = _regions.Select(r => r.Admin2 is null ? r.Admin1 : $"{r.Admin1}/{r.Admin2}").ToList();
        if (Shape is not null) parts.Add("polygon");
        return string.Join(", ", parts);
    }
}
