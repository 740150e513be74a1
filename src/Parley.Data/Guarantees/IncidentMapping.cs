using System.Buffers;
using System.Text;
using System.Text.Json;
using Parley.Core.Guarantees;
using Parley.Data.Mapping;

namespace Parley.Data.Guarantees;

/// <summary>Incidents to rows and back. Instants are stored in UTC (the source's offset is not kept).</summary>
internal static class IncidentMapping
{
    public static IncidentRow Row(string negotiationId, Incident i, string? duplicateOf, long? batch) => new()
    {
        NegotiationId = negotiationId,
        Id = i.Id,
        Start = Instants.ToMicroseconds(i.Time.Start),
        End = Instants.ToMicroseconds(i.Time.End),
        Precision = i.Time.Precision.ToString(),
        Latitude = i.Location.Latitude,
        Longitude = i.Location.Longitude,
        Country = i.Location.Country,
        Admin1 = i.Location.Admin1,
        Admin2 = i.Location.Admin2,
        Admin3 = i.Location.Admin3,
        Place = i.Location.Place,
        EventType = i.EventType,
        SubEventType = i.SubEventType,
        ActorsJson = Json(i.Actors),
        TargetClassesJson = Json(i.TargetClasses),
        Fatalities = i.Fatalities,
        SourcesJson = Json(i.Sources),
        Notes = i.Notes,
        State = i.State.ToString(),
        DuplicateOf = duplicateOf,
        Batch = batch,
    };

    public static IncidentReviewRow Review(string negotiationId, string incidentId, int step, VerificationStep s) => new()
    {
        NegotiationId = negotiationId,
        IncidentId = incidentId,
        Step = step,
        ToState = s.To.ToString(),
        At = Instants.ToMicroseconds(s.At),
        Reviewer = s.Reviewer,
        Evidence = s.Evidence,
        ResponsibleParty = s.ResponsibleParty,
    };

    public static Incident Model(IncidentRow r, IEnumerable<IncidentReviewRow> reviews) =>
        new(r.Id, new IncidentTime(r.Start.ToUniversalTime(), r.End.ToUniversalTime(), Enum.Parse<TimePrecision>(r.Precision)),
            new Location(r.Latitude, r.Longitude, r.Country, r.Admin1, r.Admin2, r.Admin3, r.Place),
            r.EventType, r.SubEventType, StoredJson.Read<string[]>(r.ActorsJson), StoredJson.Read<string[]>(r.TargetClassesJson),
            r.Fatalities, StoredJson.Read<string[]>(r.SourcesJson), r.Notes,
            reviews.OrderBy(v => v.Step).Select(v => new VerificationStep(Enum.Parse<VerificationState>(v.ToState),
                v.At.ToUniversalTime(), v.Reviewer, v.Evidence, v.ResponsibleParty)));

    /// <summary>
    /// The list as a JSON array of strings, byte for byte what <see cref="StoredJson.Write{T}"/> writes (same encoder),
    /// through one writer and buffer per thread: an import writes three lists per report, and the serializer's
    /// per-call setup cost more than the rest of the row.
    /// </summary>
    internal static string Json(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return "[]";
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoredJson.Options.Encoder, SkipValidation = true });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        for (var k = 0; k < values.Count; k++) writer.WriteStringValue(values[k]);
        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
}
