using Microsoft.EntityFrameworkCore;
using Parley.Core.Guarantees;
using Parley.Core.Guarantees.Maps;

namespace Parley.Data.Guarantees;

/// <summary>
/// What the incident map draws, counted in the database: the box around the located reports, the reports per grid
/// cell and state (<see cref="GridClustering"/>'s rows), and the reports per admin1 region and state (the map's text
/// description). Reports are the desk's grouped rows: primaries of duplicate groups, known at the instant.
/// </summary>
/// <param name="Extent">The box around the located reports, or null when none is located.</param>
/// <param name="Cells">Reports per grid cell and state, states as of the instant.</param>
/// <param name="Regions">Reports per admin1 name (null: none given) and state, located or not.</param>
/// <param name="Unlocated">Reports without coordinates (counted in <paramref name="Regions"/>, not on the map).</param>
public sealed record IncidentMapCounts(GeoBox? Extent, IReadOnlyList<CellCount> Cells,
    IReadOnlyList<(string? Admin1, VerificationState State, int Count)> Regions, int Unlocated);

public sealed partial class GuaranteesStore
{
    /// <summary>
    /// Counts the reports <paramref name="filter"/> keeps as of <paramref name="asOf"/> for the map, in one snapshot:
    /// first the regions' counts and the box around them, then — on the grid <paramref name="gridFor"/> chooses for that box — per cell and
    /// state. Never reads the reports one by one: at most cells × states rows come back.
    /// </summary>
    public async Task<IncidentMapCounts> MapAsync(string negotiationId, IncidentFilter filter, DateTimeOffset asOf,
        Func<GeoBox?, MapGrid> gridFor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(gridFor);
        var query = new IncidentQuery(filter, asOf, grouped: true);
        asOf = query.AsOf;
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var later = await db.IncidentReviews.AsNoTracking().Where(v => v.NegotiationId == negotiationId && v.At > asOf)
            .Select(v => v.IncidentId).Distinct().ToListAsync(ct);
        var rows = Filtered(negotiationId, query, stateIsCurrent: later.Count == 0);
        var located = rows.Where(r => r.Latitude != null && r.Longitude != null);
        // One pass for the regions' counts and the box around the located reports (each group's corners).
        var byRegion = await rows.GroupBy(r => new { r.Admin1, r.State, Located = r.Latitude != null && r.Longitude != null })
            .Select(g => new
            {
                g.Key.Admin1, g.Key.State, g.Key.Located, Count = g.Count(),
                West = g.Min(r => r.Longitude), South = g.Min(r => r.Latitude), East = g.Max(r => r.Longitude), North = g.Max(r => r.Latitude),
            }).ToListAsync(ct);
        var regions = byRegion.Select(r => (r.Admin1, State: Enum.Parse<VerificationState>(r.State), r.Count)).ToList();
        var unlocated = byRegion.Where(r => !r.Located).Sum(r => r.Count);
        var corners = byRegion.Where(r => r.Located).ToList();
        var extent = corners.Count == 0 ? null : new GeoBox(corners.Min(r => r.West!.Value), corners.Min(r => r.South!.Value),
            corners.Max(r => r.East!.Value), corners.Max(r => r.North!.Value));
        var grid = gridFor(extent);
        var (lon0, lat0, dLon, dLat) = (grid.OriginLongitude, grid.OriginLatitude, grid.CellLongitude, grid.CellLatitude);
        // The same arithmetic as MapGrid.CellOf, so the database's cells are the engine's.
        var cells = extent is null ? [] : (await located.GroupBy(r => new
            {
                Column = (int)Math.Floor((r.Longitude!.Value - lon0) / dLon),
                Row = (int)Math.Floor((lat0 - r.Latitude!.Value) / dLat),
                r.State,
            })
            .Select(g => new { g.Key.Column, g.Key.Row, g.Key.State, Count = g.Count(), Lon = g.Sum(r => r.Longitude!.Value), Lat = g.Sum(r => r.Latitude!.Value) })
            .ToListAsync(ct))
            .Select(c => new CellCount(c.Column, c.Row, Enum.Parse<VerificationState>(c.State), c.Count, c.Lon, c.Lat)).ToList();
        if (later.Count > 0)
        {
            // Steps recorded after the instant are not known then: those reports move back to their earlier state.
            var moved = await rows.Where(r => later.Contains(r.Id))
                .Select(r => new { r.Id, r.State, r.Admin1, r.Latitude, r.Longitude }).ToListAsync(ct);
            var ids = moved.Select(m => m.Id).ToList();
            var earlier = (await db.IncidentReviews.AsNoTracking()
                    .Where(v => v.NegotiationId == negotiationId && v.At <= asOf && ids.Contains(v.IncidentId))
                    .Select(v => new { v.IncidentId, v.Step, v.ToState }).ToListAsync(ct))
                .GroupBy(v => v.IncidentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Step)!.ToState, StringComparer.Ordinal);
            foreach (var m in moved)
            {
                var (stored, then) = (Enum.Parse<VerificationState>(m.State),
                    Enum.Parse<VerificationState>(earlier.GetValueOrDefault(m.Id, nameof(VerificationState.Reported))));
                if (stored == then) continue;
                regions.Add((m.Admin1, stored, -1));
                regions.Add((m.Admin1, then, 1));
                if (m.Latitude is not double lat || m.Longitude is not double lon) continue;
                var (column, row) = grid.CellOf(lon, lat);
                cells.Add(new CellCount(column, row, stored, -1, -lon, -lat));
                cells.Add(new CellCount(column, row, then, 1, lon, lat));
            }
            regions = regions.GroupBy(r => (r.Admin1, r.State)).Select(g => (g.Key.Admin1, g.Key.State, Count: g.Sum(r => r.Count)))
                .Where(r => r.Count > 0).ToList();
        }
        return new IncidentMapCounts(extent, cells, regions, unlocated);
    }
}
