using System.Globalization;
using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;
using Parley.Data.Guarantees;
using Parley.Server.Components.Services;

namespace Parley.Server.Guarantees.Map;

/// <summary>A cluster as drawn: its centre and radius in pixels, its pie slices and what it says in words.</summary>
public sealed record DrawnCluster(double X, double Y, double Radius, MapCluster Cluster, IReadOnlyList<(VerificationState State, string Path)> Slices, string Title);

/// <summary>An outline as drawn, and whether reports named its region.</summary>
public sealed record DrawnOutline(RegionOutline Region, string Path);

/// <summary>
/// A commitment area as drawn: its path (regions and polygon; a territory as one merged outline), or the whole canvas
/// when it is everywhere. Commitments with the same area share one (<see cref="Commitments"/>).
/// </summary>
public sealed record DrawnArea(ShadedArea Area, IReadOnlyList<ShadedArea> Commitments, string Path, int Index)
{
    /// <summary>The commitments' titles, joined.</summary>
    public string Titles => string.Join("; ", Commitments.Select(c => c.Title));

    /// <summary>What the area is, in words (legend and text description).</summary>
    public string Describe() =>
        Area.Everywhere ? "everywhere (no area named, and none of the bound parties is a country on the map): the whole map"
        : Area.Countries.Count > 0 ? $"no area named: the bound parties’ whole territory ({string.Join(", ", Area.Countries)})"
        : string.Join(", ", Area.Regions.Select(r => r.Name).Concat(Area.Shape is null ? [] : ["a polygon"]))
          + (Area.Unmatched.Count > 0 ? $" (not on the map: {string.Join(", ", Area.Unmatched)})" : "");
}

/// <summary>
/// The incident map, ready to draw as SVG: outlines in view, commitment areas, clusters of reports with pie slices per
/// state, and the counts the text description reads. Built from the counts the store grouped (never one item per report).
/// </summary>
public sealed class IncidentMapModel
{
    /// <summary>Canvas width, pixels.</summary>
    public const double Width = 800;

    /// <summary>Canvas height, pixels.</summary>
    public const double Height = 560;

    /// <summary>Blank border, pixels.</summary>
    public const double Margin = 14;

    /// <summary>A grid cell's side, pixels: reports closer than about this are drawn as one cluster.</summary>
    public const double CellPixels = 28;

    /// <summary>States in legend order.</summary>
    public static readonly VerificationState[] States =
        [VerificationState.Verified, VerificationState.UnderReview, VerificationState.Reported, VerificationState.Rejected];

    private IncidentMapModel(MapProjection projection, IReadOnlyList<DrawnOutline> outlines, IReadOnlyList<DrawnArea> areas,
        IReadOnlyList<DrawnCluster> clusters, IncidentMapCounts counts)
    {
        (Projection, Outlines, Areas, Clusters, Counts) = (projection, outlines, areas, clusters, counts);
    }

    /// <summary>The projection the map is drawn in.</summary>
    public MapProjection Projection { get; }

    /// <summary>Outlines touching the canvas.</summary>
    public IReadOnlyList<DrawnOutline> Outlines { get; }

    /// <summary>Commitment areas, in the commitments' order.</summary>
    public IReadOnlyList<DrawnArea> Areas { get; }

    /// <summary>Clusters, largest last (drawn on top).</summary>
    public IReadOnlyList<DrawnCluster> Clusters { get; }

    /// <summary>The store's counts.</summary>
    public IncidentMapCounts Counts { get; }

    /// <summary>Reports on the map and off it.</summary>
    public int Total => Counts.Regions.Sum(r => r.Count);

    /// <summary>Reports per state (all of them, located or not).</summary>
    public int CountOf(VerificationState state) => Counts.Regions.Where(r => r.State == state).Sum(r => r.Count);

    /// <summary>Reports per admin1 name as the reports give it (most first; none given last), with counts per state.</summary>
    public IReadOnlyList<(string? Admin1, int Total, IReadOnlyDictionary<VerificationState, int> ByState)> ByRegion() =>
        Counts.Regions.GroupBy(r => r.Admin1, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Sum(r => r.Count), (IReadOnlyDictionary<VerificationState, int>)g.GroupBy(r => r.State).ToDictionary(s => s.Key, s => s.Sum(r => r.Count))))
            .OrderBy(g => g.Key is null).ThenByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The projection for the box around the reports (null: none located) and the areas named.</summary>
    public static MapProjection ProjectionFor(GeoBox? reports, IReadOnlyList<ShadedArea> areas, RegionAtlas atlas) =>
        new(MapExtent.Of(reports, areas, atlas.Bounds ?? new GeoBox(22, 44, 41, 53)), Width, Height, Margin);

    /// <summary>Draws the counts in <paramref name="projection"/> (the one the store's grid came from).</summary>
    public static IncidentMapModel Build(MapProjection projection, RegionAtlas atlas, IReadOnlyList<ShadedArea> areas, IncidentMapCounts counts)
    {
        var view = Visible(projection);
        var key = string.Create(CultureInfo.InvariantCulture, $"{System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(atlas)}|{projection.OriginLongitude:R}|{projection.OriginLatitude:R}|{projection.Scale:R}|{projection.Cosine:R}");
        // The same view (every unfiltered visit, a shared link) draws the same outlines: drawn once per projection.
        if (OutlineCache.Count > 64) OutlineCache.Clear();
        var outlines = OutlineCache.GetOrAdd(key, _ => atlas.Regions.Where(r => GeoBox.Of(r.Shape) is { } b && Overlaps(b, view))
            .Select(r => new DrawnOutline(r, projection.Path(r.Shape))).Where(o => o.Path.Length > 0).ToList());
        var canvas = FormattableString.Invariant($"M0 0H{Width}V{Height}H0Z");
        var drawnAreas = areas.GroupBy(ShadingKey, StringComparer.Ordinal).Select((g, k) =>
        {
            var a = g.First();
            var path = a.Everywhere ? canvas
                : a.Countries.Count > 0 ? projection.Path(Territories.GetOrAdd(string.Join("|", a.Countries.Order(StringComparer.OrdinalIgnoreCase)),
                    _ => OutlineUnion.Of(a.Regions)))
                : string.Concat(a.Regions.Where(r => GeoBox.Of(r.Shape) is { } b && Overlaps(b, view)).Select(r => projection.Path(r.Shape)))
                  + (a.Shape is null ? "" : projection.Path(a.Shape));
            return new DrawnArea(a, g.ToList(), path, k);
        }).ToList();
        var clusters = GridClustering.Merge(counts.Cells).Select(c => Draw(projection, c)).OrderBy(c => c.Cluster.Total).ToList();
        return new IncidentMapModel(projection, outlines, drawnAreas, clusters, counts);
    }

    private static DrawnCluster Draw(MapProjection projection, MapCluster c)
    {
        var (x, y) = projection.Project(c.Longitude, c.Latitude);
        // Area grows with the count, capped so that neighbours a cell apart barely touch.
        var r = Math.Min(CellPixels * 0.52, 4 + 1.5 * Math.Sqrt(c.Total));
        var slices = new List<(VerificationState, string)>();
        if (c.States.Count == 1)
            slices.Add((c.States[0].State, ""));
        else
        {
            var angle = -Math.PI / 2;
            foreach (var (state, count) in c.States.OrderBy(s => Array.IndexOf(States, s.State)))
            {
                var sweep = 2 * Math.PI * count / c.Total;
                var (x1, y1) = (x + r * Math.Cos(angle), y + r * Math.Sin(angle));
                var (x2, y2) = (x + r * Math.Cos(angle + sweep), y + r * Math.Sin(angle + sweep));
                slices.Add((state, FormattableString.Invariant(
                    $"M{x:0.#} {y:0.#}L{x1:0.##} {y1:0.##}A{r:0.##} {r:0.##} 0 {(sweep > Math.PI ? 1 : 0)} 1 {x2:0.##} {y2:0.##}Z")));
                angle += sweep;
            }
        }
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{Reports(c.Total)} around {c.Latitude:0.00}° N, {c.Longitude:0.00}° E: {string.Join(", ", c.States.Select(s => $"{s.Count} {Format.Words(s.State).ToLowerInvariant()}"))}");
        return new DrawnCluster(x, y, r, c, slices, title);
    }

    /// <summary>"1 report", "12 reports".</summary>
    public static string Reports(int n) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} report{(n == 1 ? "" : "s")}");

    // A territory's merged outline depends only on the shipped atlas: merged once per set of countries.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, NetTopologySuite.Geometries.Geometry> Territories = new(StringComparer.OrdinalIgnoreCase);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<DrawnOutline>> OutlineCache = new(StringComparer.Ordinal);

    private static string ShadingKey(ShadedArea a) =>
        a.Everywhere ? "*" : string.Join("|", a.Countries.Order(StringComparer.OrdinalIgnoreCase)) + "#"
            + string.Join("|", a.Regions.Select(r => r.Country + "/" + r.Name).Order(StringComparer.Ordinal)) + "#" + a.Shape?.ToText();

    private static GeoBox Visible(MapProjection p) => new(Math.Max(-180, p.OriginLongitude), Math.Max(-90, p.OriginLatitude - p.Height / p.Scale),
        Math.Min(180, p.OriginLongitude + p.Width / (p.Scale * p.Cosine)), Math.Min(90, p.OriginLatitude));

    private static bool Overlaps(GeoBox a, GeoBox b) => a.West <= b.East && b.West <= a.East && a.South <= b.North && b.South <= a.North;
}
