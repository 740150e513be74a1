namespace Parley.Core.Guarantees.Maps;

/// <summary>
/// A rectangle of longitude and latitude in WGS 84 degrees, edges included. It never crosses the antimeridian
/// (<see cref="West"/> ≤ <see cref="East"/>); a single point is a box of zero size.
/// </summary>
public sealed record GeoBox
{
    /// <summary>Creates a box.</summary>
    /// <exception cref="ArgumentException">An edge is not finite, out of range, or west is east of east (south north of north).</exception>
    public GeoBox(double west, double south, double east, double north)
    {
        if (!double.IsFinite(west) || !double.IsFinite(east) || west < -180 || east > 180 || west > east)
            throw new ArgumentException($"Longitudes run from west to east within [-180, 180], not {west}..{east}.", nameof(west));
        if (!double.IsFinite(south) || !double.IsFinite(north) || south < -90 || north > 90 || south > north)
            throw new ArgumentException($"Latitudes run from south to north within [-90, 90], not {south}..{north}.", nameof(south));
        (West, South, East, North) = (west, south, east, north);
    }

    /// <summary>Western edge, degrees east.</summary>
    public double West { get; }

    /// <summary>Southern edge, degrees north.</summary>
    public double South { get; }

    /// <summary>Eastern edge, degrees east.</summary>
    public double East { get; }

    /// <summary>Northern edge, degrees north.</summary>
    public double North { get; }

    /// <summary>East minus west, degrees.</summary>
    public double Width => East - West;

    /// <summary>North minus south, degrees.</summary>
    public double Height => North - South;

    /// <summary>The smallest box holding both.</summary>
    public GeoBox Union(GeoBox other) =>
        new(Math.Min(West, other.West), Math.Min(South, other.South), Math.Max(East, other.East), Math.Max(North, other.North));

    /// <summary>True when the point lies inside or on an edge.</summary>
    public bool Contains(double longitude, double latitude) =>
        longitude >= West && longitude <= East && latitude >= South && latitude <= North;

    /// <summary>
    /// The box grown by <paramref name="fraction"/> of its size on every side, and widened about its centre to at least
    /// <paramref name="minimumSpan"/> degrees each way (a single point gets a neighbourhood); clamped to the globe.
    /// </summary>
    public GeoBox Padded(double fraction, double minimumSpan)
    {
        var (cx, cy) = ((West + East) / 2, (South + North) / 2);
        var halfW = Math.Max(Width * (1 + 2 * fraction), minimumSpan) / 2;
        var halfH = Math.Max(Height * (1 + 2 * fraction), minimumSpan) / 2;
        return new(Math.Max(-180, cx - halfW), Math.Max(-90, cy - halfH), Math.Min(180, cx + halfW), Math.Min(90, cy + halfH));
    }

    /// <summary>The box of a geometry's envelope (WGS 84, x = longitude), or null for an empty geometry.</summary>
    public static GeoBox? Of(NetTopologySuite.Geometries.Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty) return null;
        var e = geometry.EnvelopeInternal;
        return new(e.MinX, e.MinY, e.MaxX, e.MaxY);
    }
}

/// <summary>What the incident map shows: its extent.</summary>
public static class MapExtent
{
    /// <summary>
    /// The box a map fits: around the located reports and the named commitment areas (a territory or everywhere area
    /// does not widen it), or <paramref name="fallback"/> when there is neither; padded by 5% and at least one degree.
    /// </summary>
    public static GeoBox Of(GeoBox? reports, IEnumerable<ShadedArea> areas, GeoBox fallback)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(fallback);
        var box = areas.Select(a => a.Bounds).Append(reports).OfType<GeoBox>().Aggregate((GeoBox?)null, (a, b) => a is null ? b : a.Union(b));
        return (box ?? fallback).Padded(0.05, 1.0);
    }
}
