using System.Text.Json.Nodes;

namespace Parley.Server.Tests.Fuzz;

/// <summary>One parameter of an operation: its name, where it goes (path, query, header) and its schema.</summary>
public sealed record ApiParameter(string Name, string In, JsonObject? Schema);

/// <summary>One operation of the OpenAPI document: method, path template, parameters and, when it takes one, the body's
/// media type and schema.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyType, JsonObject? BodySchema);

/// <summary>
/// Reads the operations of the app's own <c>/openapi/v1.json</c> and makes a plausible value for any schema in it
/// (references resolved, enums honoured, dates as ISO 8601), which the mutator then spoils.
/// </summary>
public sealed class OpenApiOperations(JsonObject document)
{
    private readonly JsonObject _schemas = document["components"]?["schemas"]?.AsObject() ?? [];

    /// <summary>Known ids of the Berlin demo, so that generated requests reach the handlers rather than stopping at 404.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ParleyFactory.Demo, ["draft"] = "berlin-framework", ["version"] = "15 Dec", ["incident"] = "ill-2025-12-28-odesa-substation",
        ["commitment"] = "christmas-truce", ["proposal"] = "us-28-point-plan", ["index"] = "0", ["party"] = "ua", ["issue"] = "ceasefire-line",
    };

    /// <summary>Every operation, in document order.</summary>
    public IReadOnlyList<ApiOperation> Operations()
    {
        var list = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (node is not JsonObject op || method is "parameters" or "summary" or "description") continue;
                var parameters = (op["parameters"]?.AsArray() ?? []).OfType<JsonObject>()
                    .Select(p => new ApiParameter((string)p["name"]!, (string)p["in"]!, Resolve(p["schema"] as JsonObject))).ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var (type, schema) = content is { Count: > 0 } ? (content.First().Key, Resolve(content.First().Value?["schema"] as JsonObject)) : (null, null);
                list.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, type, schema));
            }
        }
        return list;
    }

    /// <summary>The schema itself, or the one its <c>$ref</c> names.</summary>
    public JsonObject? Resolve(JsonObject? schema)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"] is JsonValue r; hops++)
            schema = _schemas[((string)r!).Split('/')[^1]] as JsonObject;
        return schema;
    }

    /// <summary>A plausible value for <paramref name="schema"/>, at most <paramref name="depth"/> levels deep.</summary>
    public JsonNode? Sample(JsonObject? schema, Random random, int depth = 0)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 6) return null;
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[random.Next(values.Count)]?.DeepClone();
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.Count > 0)
            return Sample(choices[random.Next(choices.Count)] as JsonObject, random, depth + 1);
        var type = TypeOf(schema);
        return type switch
        {
            "object" => Object(schema, random, depth),
            "array" => new JsonArray(Sample(schema["items"] as JsonObject, random, depth + 1)),
            "integer" => JsonValue.Create(random.Next(0, 5)),
            "number" => JsonValue.Create(Math.Round(random.NextDouble(), 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "null" => null,
            _ => JsonValue.Create(StringFor(schema, random)),
        };
    }

    /// <summary>The schema's type; for OpenAPI 3.1's <c>["null", "string"]</c>, the one that is not null.</summary>
    public static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => (string)v!,
        JsonArray a => a.Select(t => (string)t!).FirstOrDefault(t => t != "null") ?? "null",
        _ => schema["properties"] is not null ? "object" : "string",
    };

    private JsonObject Object(JsonObject schema, Random random, int depth)
    {
        var result = new JsonObject();
        var required = (schema["required"]?.AsArray() ?? []).Select(n => (string)n!).ToHashSet();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            if (required.Contains(name) || random.Next(3) > 0)
                result[name] = Known.TryGetValue(name, out var known) && random.Next(2) == 0 ? JsonValue.Create(known) : Sample(property as JsonObject, random, depth + 1);
        return result;
    }

    private static string StringFor(JsonObject schema, Random random) => (string?)schema["format"] switch
    {
        "date-time" => "2025-12-16T09:00:00Z",
        "date" => "2025-12-16",
        "uuid" => Guid.Empty.ToString(),
        "duration" => "01:00:00",
        _ => new[] { "ua", "ru", "shared", "berlin-2025", "x", "2025-12-16T09:00:00Z", "mediator", "party:ua", "Ceasefire" }[random.Next(9)],
    };
}
