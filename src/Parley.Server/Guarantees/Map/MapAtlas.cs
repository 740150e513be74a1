using Parley.Core.Guarantees.Maps;

namespace Parley.Server.Guarantees.Map;

/// <summary>The outlines shipped with the server (NATURAL-EARTH.md beside this file), read once on first use.</summary>
public static class MapAtlas
{
    /// <summary>The embedded resource's name.</summary>
    public const string ResourceName = "admin1-ukraine-region.geojson";

    private static readonly Lazy<RegionAtlas> Atlas = new(() =>
    {
        using var stream = typeof(MapAtlas).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The server is built without its map outlines ({ResourceName}).");
        using var reader = new StreamReader(stream);
        return RegionAtlas.Parse(reader.ReadToEnd());
    });

    /// <summary>Natural Earth's first-level areas of Ukraine and its neighbours.</summary>
    public static RegionAtlas Outlines => Atlas.Value;
}
