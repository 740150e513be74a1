using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Parley.Core.Guarantees.Maps;

/// <summary>A first-level area's outline: its name, the country the data set places it in, and other spellings.</summary>
public sealed record RegionOutline(string Name, string Country, string? Iso, IReadOnlyList<string> Aliases, Geometry Shape);

/// <summary>
/// The outlines a map is drawn over (first-level areas, e.g. Natural Earth's Admin 1), read from a GeoJSON
/// FeatureCollection whose features carry <c>name</c>, <c>country</c>, optional <c>iso</c> and <c>aliases</c> (an array
/// of strings), with Polygon or MultiPolygon geometries. <see cref="Find"/> matches an incident's admin1 name against
/// names and aliases, ignoring case, accents, apostrophes, hyphens and spaces ("Zaporizhia", "Kyiv City").
/// </summary>
public sealed class RegionAtlas
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly Dictionary<string, RegionOutline> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);

    /// <summary>
    /// Holds the outlines. A spelling finds the one outline it names: own names first, then aliases; a name two
    /// outlines share (Moldova's town and district of Rezina) finds neither, nor does an alias two outlines share.
    /// </summary>
    public RegionAtlas(IEnumerable<RegionOutline> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Regions = regions.ToList();
        foreach (var names in new[] { Regions.Select(r => (Key: Key(r.Name), Region: r)), Regions.SelectMany(r => r.Aliases.Select(a => (Key: Key(a), Region: r))) })
        {
            var taken = new HashSet<string>(_byName.Keys.Concat(_ambiguous), StringComparer.Ordinal);
            foreach (var g in names.Where(n => !taken.Contains(n.Key)).GroupBy(n => n.Key))
                if (g.Select(n => n.Region).Distinct().Count() == 1) _byName[g.Key] = g.First().Region;
                else _ambiguous.Add(g.Key);
        }
        Bounds = Regions.Select(r => GeoBox.Of(r.Shape)).OfType<GeoBox>().Aggregate((GeoBox?)null, (a, b) => a is null ? b : a.Union(b));
    }

    /// <summary>The outlines, in the order read.</summary>
    public IReadOnlyList<RegionOutline> Regions { get; }

    /// <summary>The box around every outline, or null when there is none.</summary>
    public GeoBox? Bounds { get; }

    /// <summary>The outline an admin1 name (or one of its spellings) denotes, or null.</summary>
    public RegionOutline? Find(string? admin1) =>
        string.IsNullOrWhiteSpace(admin1) ? null : _byName.GetValueOrDefault(Key(admin1));

    /// <summary>The outlines the data set places in the named country (case-insensitive, exact).</summary>
    public IReadOnlyList<RegionOutline> OfCountry(string country) =>
        Regions.Where(r => string.Equals(r.Country, country, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Reads a GeoJSON FeatureCollection as described on the type.</summary>
    /// <exception cref="FormatException">Not such a collection: the message names the feature and what is wrong.</exception>
    public static RegionAtlas Parse(string geoJson)
    {
        FeatureCollection? collection;
        try { collection = JsonSerializer.Deserialize<FeatureCollection>(geoJson, GeoJson); }
        catch (JsonException e) { throw new FormatException($"The outlines are not GeoJSON: {e.Message}", e); }
        if (collection is null) throw new FormatException("The outlines are not a FeatureCollection.");
        var regions = new List<RegionOutline>();
        for (var i = 0; i < collection.Count; i++)
        {
            var f = collection[i];
            var name = Text(f.Attributes, "name") ?? throw new FormatException($"Feature {i} has no name.");
            var country = Text(f.Attributes, "country") ?? throw new FormatException($"Feature {i} ({name}) has no country.");
            if (f.Geometry is not (Polygon or MultiPolygon) || f.Geometry.IsEmpty)
                throw new FormatException($"Feature {i} ({name}) is not a polygon.");
            var aliases = f.Attributes?.GetOptionalValue("aliases") switch
            {
                JsonElement { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList(),
                IEnumerable<object> list => list.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)).OfType<string>().ToList(),
                _ => [],
            };
            regions.Add(new RegionOutline(name, country, Text(f.Attributes, "iso"), aliases, f.Geometry));
        }
        return new RegionAtlas(regions);
    }

    /// <summary>The comparison key: letters and digits only, accents removed, lower case.</summary>
    internal static string Key(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static string? Text(IAttributesTable? attributes, string name) =>
        attributes?.GetOptionalValue(name) switch
        {
            string s when !string.IsNullOrWhiteSpace(s) => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            _ => null,
        };
}
