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

    /// <summary>
    /// Overwrites every column of <paramref name="row"/> but the negotiation and batch with <paramref name="i"/>; the
    /// lists' JSON through <paramref name="lists"/> when given (many rows of one import).
    /// </summary>
    public static void Fill(IncidentRow row, Incident i, string? duplicateOf, ListJson? lists = null)
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
        row.ActorsJson = lists?.Of(i.Actors) ?? Json(i.Actors);
        row.TargetClassesJson = lists?.Of(i.TargetClasses) ?? Json(i.TargetClasses);
        row.Fatalities = i.Fatalities;
        row.SourcesJson = lists?.Of(i.Sources) ?? Json(i.Sources);
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

    /// <summary>
    /// <see cref="Json"/> of lists that repeat from row to row (an export's actors and sources name a few hundred
    /// parties and outlets in 200,000 rows): each distinct list (by content, ordinal) written once, the same text.
    /// Bounded; one per import, not thread-safe.
    /// </summary>
    internal sealed class ListJson
    {
        private const int MaxEntries = 8192;
        private readonly Dictionary<IReadOnlyList<string>, string> _written = new(ByContent.Instance);

        public string Of(IReadOnlyList<string> values)
        {
            if (values.Count == 0) return "[]";
            if (_written.TryGetValue(values, out var json)) return json;
            json = Json(values);
            if (_written.Count >= MaxEntries) _written.Clear();
            _written[values] = json;
            return json;
        }

        private sealed class ByContent : IEqualityComparer<IReadOnlyList<string>>
        {
            public static ByContent Instance { get; } = new();

            public bool Equals(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
            {
                if (ReferenceEquals(a, b)) return true;
                if (a is null || b is null || a.Count != b.Count) return false;
                for (var k = 0; k < a.Count; k++)
                    if (!string.Equals(a[k], b[k], StringComparison.Ordinal)) return false;
                return true;
            }

            public int GetHashCode(IReadOnlyList<string> values)
            {
                var hash = new HashCode();
                for (var k = 0; k < values.Count; k++) hash.Add(values[k], StringComparer.Ordinal);
                return hash.ToHashCode();
            }
        }
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
}
