using System.Text.Json;
using System.Text.Json.Serialization;
using Parley.Core.Talks;

namespace Parley.Data.Tests.Support;

/// <summary>
/// A negotiation as indented JSON of every public property, instants with their offsets: two negotiations are
/// the same for storage when their snapshots are equal (the Core records compare lists by reference).
/// </summary>
internal static class Snapshot
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(Negotiation? negotiation) => JsonSerializer.Serialize(negotiation, Options);
}
