using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Core.Tests.Formats.Scenario;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding Parley.slnx, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
            throw new InvalidOperationException($"No Parley.slnx above {AppContext.BaseDirectory}.");
        }
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));
}

/// <summary>Validates scenario YAML against scenarios/scenario.schema.json.</summary>
internal static partial class SchemaCheck
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Repo.Read("scenarios/scenario.schema.json")));

    /// <summary>The schema's complaints about <paramref name="yaml"/>, empty when it validates.</summary>
    public static IReadOnlyList<string> Problems(string yaml)
    {
        var json = ToJson(yaml) ?? throw new InvalidOperationException("empty YAML");
        var element = System.Text.Json.JsonDocument.Parse(json.ToJsonString()).RootElement;
        var results = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no detail)")
            .ToArray();
    }

    /// <summary>YAML to JSON with the YAML 1.2 core schema: plain scalars may be null, booleans or numbers; quoted ones are text.</summary>
    public static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode s when s.Style is ScalarStyle.Plain => Plain(s.Value ?? ""),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntPattern().IsMatch(value)) return JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture));
        if (FloatPattern().IsMatch(value)) return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

/// <summary>
/// Field-by-field equality of model objects through their public properties: lists element by element,
/// dictionaries key by key, instants with their offsets. Reports the first difference with its path.
/// </summary>
internal static class Deep
{
    public static void Equal(object? expected, object? actual, string path = "")
    {
        if (Difference(expected, actual, path) is { } difference) Assert.Fail(difference);
    }

    public static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}";
        if (expected.GetType() != actual.GetType()) return $"{path}: type {expected.GetType().Name} vs {actual.GetType().Name}";
        switch (expected)
        {
            case string or double or bool or int or long or Enum or TimeSpan or DateTime:
                return Equals(expected, actual) ? null : $"{path}: expected '{expected}', got '{actual}'";
            case DateTimeOffset e:
                var a = (DateTimeOffset)actual;
                return e == a && e.Offset == a.Offset ? null : $"{path}: expected {e:O}, got {a:O}";
            case IDictionary ed:
                var ad = (IDictionary)actual;
                if (ed.Count != ad.Count) return $"{path}: {ed.Count} entries vs {ad.Count}";
                foreach (DictionaryEntry entry in ed)
                {
                    if (!ad.Contains(entry.Key)) return $"{path}[{entry.Key}]: missing";
                    if (Difference(entry.Value, ad[entry.Key], $"{path}[{entry.Key}]") is { } d) return d;
                }
                return null;
            case IEnumerable el:
                var ea = el.Cast<object?>().ToArray();
                var aa = ((IEnumerable)actual).Cast<object?>().ToArray();
                if (ea.Length != aa.Length) return $"{path}: {ea.Length} items vs {aa.Length}";
                for (var k = 0; k < ea.Length; k++)
                    if (Difference(ea[k], aa[k], $"{path}[{k}]") is { } d) return d;
                return null;
        }
        var properties = expected.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").ToArray();
        if (properties.Length == 0) return Equals(expected, actual) ? null : $"{path}: expected '{expected}', got '{actual}'";
        foreach (var property in properties)
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } d) return d;
        return null;
    }
}
