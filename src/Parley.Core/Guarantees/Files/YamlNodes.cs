using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Guarantees.Files;

/// <summary>A problem in a guarantees file, at a 1-based line and column.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong, naming the key.</param>
public sealed record FileError(int Line, int Column, string Message);

/// <summary>Typed reads from YAML nodes that record an error (with position) instead of throwing.</summary>
internal sealed class YamlNodes
{
    public List<FileError> Errors { get; } = [];

    public void Fail(YamlNode node, string message) =>
        Errors.Add(new FileError((int)node.Start.Line, (int)node.Start.Column, message));

    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlMappingNode? Map(YamlNode? node, string what)
    {
        if (node is null) return null;
        if (node is YamlMappingNode m) return m;
        Fail(node, $"{what} must be a mapping");
        return null;
    }

    public IEnumerable<YamlNode> Seq(YamlMappingNode map, string key)
    {
        var node = Get(map, key);
        if (node is null) return [];
        if (node is YamlSequenceNode s) return s.Children;
        if (node is YamlScalarNode { Value: { } v } && v.Length > 0) return [node];
        Fail(node, $"'{key}' must be a list");
        return [];
    }

    public string? Text(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        if (node is not null and not YamlScalarNode) Fail(node, $"'{key}' must be a single value");
        else if (required) Fail(node ?? map, $"'{key}' is required");
        return null;
    }

    public string[] Texts(YamlMappingNode map, string key) =>
        Seq(map, key).Select(n => n is YamlScalarNode { Value: { } v } ? v.Trim() : null)
            .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();

    public DateTimeOffset? Instant(YamlMappingNode map, string key, bool required = false)
    {
        var s = Text(map, key, required);
        if (s is null) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        Fail(Get(map, key)!, $"'{key}': '{s}' is not a date-time (use ISO 8601, e.g. 2025-12-24T00:00:00Z)");
        return null;
    }

    /// <summary>Durations as "72h", "30m", "7d", "45s", combinations like "1d12h", or ISO 8601 ("PT72H").</summary>
    public TimeSpan? Duration(YamlMappingNode map, string key, bool required = false)
    {
        var s = Text(map, key, required);
        if (s is null) return null;
        if (TryDuration(s, out var d) && d > TimeSpan.Zero) return d;
        Fail(Get(map, key)!, $"'{key}': '{s}' is not a positive duration (e.g. 72h, 1d12h, PT72H)");
        return null;
    }

    public static bool TryDuration(string s, out TimeSpan duration)
    {
        try
        {
            return TryDurationUnchecked(s, out duration);
        }
        catch (OverflowException)
        {
            duration = TimeSpan.Zero;
            return false; // more digits or days than a TimeSpan holds: not a duration a commitment can mean
        }
    }

    private static bool TryDurationUnchecked(string s, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (s.StartsWith('P'))
        {
            try { duration = System.Xml.XmlConvert.ToTimeSpan(s); return true; }
            catch (FormatException) { return false; }
        }
        var number = 0L;
        var any = false;
        var digits = false;
        foreach (var c in s.ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c)) { number = checked(number * 10 + (c - '0')); digits = true; continue; }
            if (!digits) return false;
            var unit = c switch { 'd' => TimeSpan.FromDays(1), 'h' => TimeSpan.FromHours(1), 'm' => TimeSpan.FromMinutes(1), 's' => TimeSpan.FromSeconds(1), _ => TimeSpan.Zero };
            if (unit == TimeSpan.Zero || number > 1_000_000) return false;
            duration += unit * number;
            number = 0;
            digits = false;
            any = true;
        }
        return any && !digits;
    }

    public Area? Area(YamlNode? node)
    {
        var map = Map(node, "area");
        if (map is null) return null;
        var regions = Texts(map, "admin1").Select(a => new AdminRegion(a))
            .Concat(Texts(map, "admin2").Select(r => r.Split('/', 2)).Where(p => p.Length == 2)
                .Select(p => new AdminRegion(p[0], p[1])))
            .ToList();
        foreach (var bad in Texts(map, "admin2").Where(r => !r.Contains('/')))
            Fail(Get(map, "admin2")!, $"admin2 '{bad}' must be written admin1/admin2");
        Geometry? shape = null;
        if (Text(map, "geojson") is { } json)
        {
            try
            {
                var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
                shape = JsonSerializer.Deserialize<Geometry>(json, options);
                return new Area(regions, shape);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
            {
                Fail(Get(map, "geojson")!, $"geojson: {ex.Message}");
                return null;
            }
        }
        return new Area(regions);
    }

    public ConductRule? Rule(YamlMappingNode map, string defaultId)
    {
        var id = Text(map, "id") ?? defaultId;
        return new ConductRule(id, Texts(map, "eventTypes"), Texts(map, "subEventTypes"), Texts(map, "targetClasses"));
    }
}
