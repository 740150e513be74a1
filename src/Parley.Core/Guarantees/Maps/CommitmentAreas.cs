using NetTopologySuite.Geometries;

namespace Parley.Core.Guarantees.Maps;

/// <summary>
/// Where a commitment applies, as the map shades it: the outlines of its admin1 regions that the atlas knows
/// (<see cref="Unmatched"/> names those it does not), its own polygon, or — for an area with neither (everywhere) —
/// the territory of the parties it binds: every outline the atlas places in a country named like one of them
/// (<see cref="Countries"/>). When no party names a country on the map, <see cref="Everywhere"/> is true and the whole
/// map is the area.
/// </summary>
public sealed record ShadedArea(string CommitmentId, string Title, IReadOnlyList<RegionOutline> Regions, Geometry? Shape,
    IReadOnlyList<string> Countries, bool Everywhere, IReadOnlyList<string> Unmatched)
{
    /// <summary>True when the area was named (regions or a polygon), not read from the parties' territory.</summary>
    public bool IsNamed => Countries.Count == 0 && !Everywhere;

    /// <summary>The box around the named regions and polygon, or null (territory and everywhere areas have none of their own).</summary>
    public GeoBox? Bounds =>
        IsNamed ? Regions.Select(r => GeoBox.Of(r.Shape)).Append(Shape is null ? null : GeoBox.Of(Shape)).OfType<GeoBox>()
            .Aggregate((GeoBox?)null, (a, b) => a is null ? b : a.Union(b)) : null;
}

/// <summary>Reads the shaded areas of commitments (<see cref="ShadedArea"/>).</summary>
public static class CommitmentAreas
{
    /// <summary>
    /// One area per prohibition and per obligation triggered by incidents, in the given order; the parties are a
    /// prohibition's bound parties or the trigger's attributed parties, named through <paramref name="partyName"/>.
    /// </summary>
    public static IReadOnlyList<ShadedArea> Of(IEnumerable<Commitment> commitments, RegionAtlas atlas, Func<string, string?> partyName)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(partyName);
        var areas = new List<ShadedArea>();
        foreach (var c in commitments)
        {
            var (area, parties) = c switch
            {
                Prohibition p => (p.Area, p.BoundParties),
                Obligation { Trigger: IncidentTrigger t } => (t.Area, t.AttributedTo),
                _ => (null, []),
            };
            if (area is null) continue;
            if (!area.IsEverywhere)
            {
                var found = area.Regions.Select(r => (r.Admin1, Outline: atlas.Find(r.Admin1))).ToList();
                areas.Add(new ShadedArea(c.Id, c.Title, found.Select(f => f.Outline).OfType<RegionOutline>().Distinct().ToList(), area.Shape, [],
                    false, found.Where(f => f.Outline is null).Select(f => f.Admin1).ToList()));
                continue;
            }
            var countries = parties.Select(partyName).OfType<string>().Where(n => atlas.OfCountry(n).Count > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            areas.Add(new ShadedArea(c.Id, c.Title, countries.SelectMany(atlas.OfCountry).ToList(), null, countries, countries.Count == 0, []));
        }
        return areas;
    }
}

/// <summary>Merges outlines into one shape, so a territory is drawn with its outer border only.</summary>
public static class OutlineUnion
{
    /// <summary>
    /// The union of the outlines, each grown by <paramref name="closeGaps"/> degrees first so that neighbours simplified
    /// apart (a gap of a few hundred metres) merge; empty when there is none.
    /// </summary>
    public static Geometry Of(IEnumerable<RegionOutline> regions, double closeGaps = 0.01)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var shapes = regions.Select(r => closeGaps > 0 ? r.Shape.Buffer(closeGaps, 2) : r.Shape).ToList();
        var factory = new GeometryFactory();
        return shapes.Count == 0 ? factory.CreatePolygon() : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(shapes);
    }
}
