using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Core.Talks;

namespace Parley.Data.Mapping;

/// <summary>
/// The JSON written into text columns and into history entries: camelCase, enums by name, nulls left out,
/// instants in ISO 8601 with the offset they were written with.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON is null: {json}");
}

// Stored shapes of nested values: decoupled from the Core records so that a rename there is a compile error here.

internal sealed record DelegateJson(string Id, string Name, string Title);

internal sealed record OptionJson(string Id, string Label, string Description);

internal sealed record StatementStanceJson(string? Issue, string? Option, string? Proposal, Stance Stance);

internal sealed record ResponseJson(string Party, ResponseKind Kind, DateTimeOffset At, string? Statement);

internal sealed record ActionJson(ActionKind Kind, string Party, string Text);
