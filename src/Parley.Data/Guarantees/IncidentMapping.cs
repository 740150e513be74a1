using System.Buffers;
using System.Text;
using System.Text.Json;
using Parley.Core.Guarantees;
using Parley.Data.Mapping;

namespace Parley.Data.Guarantees;

/// <summary>Incidents to rows and back. Instants are stored in UTC (the source's offset is not kept).</summary>
internal static class IncidentMapping
{
    public static IncidentRow Row(string negotiationId, Incident i, string? duplicateOf, long? batch)
    {
        var row = new IncidentRow
        {
            NegotiationId = negotiationId, Id = "", Precision = "", EventType = "", ActorsJson = "", TargetClassesJson = "",
            SourcesJson = "", State = "", Batch = batch,
        };
        Fill(row, i, duplicateOf);
        return row;
    }

    /// <summary>Overwrites every column of <paramref name="row"/> but the negotiation and batch with <paramref name="i"/>.</summary>
    public static void Fill(IncidentRow row, Incident i, string? duplicateOf)
    {
        row.Id = i.Id;
        row.Start = Instants.ToMicroseconds(i.Time.Start);
        row.End = Instants.ToMicroseconds(i.Time.End);
        row.Precision = i.Time.Precision.ToString();
        row.Latitude = i.Location.Latitude;
        row.Longitude = i.Location.Longitude;
        row.Country = i.Location.Country;
        row.Admin1 = i.Location.Admin1;
        row.Admin2 = i.Location.Admin2;
        row.Admin3 = i.Location.Admin3;
        row.Place = i.Location.Place;
        row.EventType = i.EventType;
        row.SubEventType = i.SubEventType;
        row.ActorsJson = Json(i.Actors);
        row.TargetClassesJson = Json(i.TargetClasses);
        row.Fatalities = i.Fatalities;
        row.SourcesJson = Json(i.Sources);
        row.Notes = i.Notes;
        row.State = i.State.ToString();
        row.DuplicateOf = duplicateOf;
    }

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

    /// <summary>The stored interval as the model's time (UTC).</summary>
    public static IncidentTime Time(DateTimeOffset start, DateTimeOffset end, string precision) =>
        new(start.ToUniversalTime(), end.ToUniversalTime(), Enum.Parse<TimePrecision>(precision));

    public static Incident Model(IncidentRow r, IEnumerable<IncidentReviewRow> reviews) =>
        new(r.Id, Time(r.Start, r.End, r.Precision),
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
