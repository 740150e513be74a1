using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Core.Talks;

namespace Parley.Application.Infrastructure;

/// <summary>Writes and reads a <see cref="Visibility"/> as the string users type: <c>shared</c>, <c>mediator</c>, <c>party:ua</c>.</summary>
public sealed class VisibilityJsonConverter : JsonConverter<Visibility>
{
    /// <inheritdoc />
    public override Visibility Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Visibility.TryParse(reader.GetString(), out var v)
            ? v
            : throw new JsonException("expected a visibility: shared, mediator or party:ID");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Visibility value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
