using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Application.Infrastructure;

/// <summary>The one JSON shape of Parley: camelCase names, enums as camelCase strings, nulls kept.</summary>
public static class Json
{
    /// <summary>Applies Parley's settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Names only: a number would let an undefined value (kind: -1) through binding and into the store.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new VisibilityJsonConverter());
        return options;
    }

    /// <summary>Settings for writing to a terminal or file (indented).</summary>
    public static JsonSerializerOptions Indented { get; } = Configure(new JsonSerializerOptions { WriteIndented = true });
}
