namespace Parley.Core.Guarantees;

/// <summary>
/// Where an incident happened: coordinates in WGS 84 degrees when known, and the administrative areas and
/// place name as the source gives them. Admin names are compared case-insensitively and never translated.
/// </summary>
public sealed record Location
{
    /// <summary>Creates a location.</summary>
    /// <exception cref="ArgumentException">Only one coordinate is given, or a coordinate is out of range.</exception>
    public Location(double? latitude, double? longitude, string? country = null, string? admin1 = null,
        string? admin2 = null, string? admin3 = null, string? place = null)
    {
        if (latitude.HasValue != longitude.HasValue)
            throw new ArgumentException("Latitude and longitude are given together or not at all.", nameof(latitude));
        if (latitude is < -90 or > 90 || (latitude is double la && double.IsNaN(la)))
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude is in [-90, 90].");
        if (longitude is < -180 or > 180 || (longitude is double lo && double.IsNaN(lo)))
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude is in [-180, 180].");
        Latitude = latitude;
        Longitude = longitude;
        Country = Blank(country);
        Admin1 = Blank(admin1);
        Admin2 = Blank(admin2);
        Admin3 = Blank(admin3);
        Place = Blank(place);
    }

    /// <summary>Latitude in degrees north, or null when unknown.</summary>
    public double? Latitude { get; }

    /// <summary>Longitude in degrees east, or null when unknown.</summary>
    public double? Longitude { get; }

    /// <summary>Country name as given by the source.</summary>
    public string? Country { get; }

    /// <summary>First-level administrative area (an oblast in Ukraine).</summary>
    public string? Admin1 { get; }

    /// <summary>Second-level administrative area (a raion in Ukraine).</summary>
    public string? Admin2 { get; }

    /// <summary>Third-level administrative area (a hromada in Ukraine).</summary>
    public string? Admin3 { get; }

    /// <summary>The named place (village, city district).</summary>
    public string? Place { get; }

    /// <summary>Great-circle distance in kilometres (haversine, Earth radius 6,371 km), or null if either point lacks coordinates.</summary>
    public double? DistanceKmTo(Location other)
    {
        if (Latitude is not double lat1 || Longitude is not double lon1
            || other.Latitude is not double lat2 || other.Longitude is not double lon2)
            return null;
        const double toRad = Math.PI / 180;
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
