using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Parley.Core.Talks;
using Parley.Application.Talks;

namespace Parley.Server.Talks;

/// <summary>
/// The status endpoint's answers for one scoped negotiation: <see cref="StatusView"/> as JSON, written from parts kept per
/// interval of its <see cref="StatusTimeline"/>. Within an interval only the as-of instant and the open offers' time left
/// change, so the issues, sticking points, convergence, expired offers and fired contingencies are serialised once per
/// interval and copied into each answer; the rest is written per request. The last answer's bytes are kept with its
/// instant, so that requests for the same instant (the endpoint's "now" is a whole millisecond) share them. The bytes are
/// those that serialising <see cref="StatusView.From"/> gives (checked against it). Kept with the snapshot it derives
/// from, per viewer scope.
/// </summary>
public sealed class StatusAnswers(StatusTimeline timeline, JsonSerializerOptions options)
{
    private readonly ConcurrentDictionary<int, Parts> _parts = new();
    private volatile Written? _last;

    private sealed record Written(DateTimeOffset AsOf, byte[] Json);

    /// <summary>The status as of <paramref name="asOf"/>, as the JSON answer.</summary>
    public StatusAnswer At(DateTimeOffset asOf)
    {
        if (_last is { } last && last.AsOf == asOf && last.AsOf.Offset == asOf.Offset) return new StatusAnswer(last.Json);
        var report = timeline.At(asOf);
        var interval = timeline.IntervalOf(asOf);
        if (!_parts.TryGetValue(interval, out var parts))
        {
            parts = new Parts(StatusView.From(report), options);
            if (_parts.Count < StatusTimeline.MaxKept) _parts.TryAdd(interval, parts);
        }
        var json = Write(parts, report.AsOf, report.Proposals);
        _last = new Written(asOf, json);
        return new StatusAnswer(json);
    }

    // The properties in StatusView's order, as the serializer writes them.
    private byte[] Write(Parts parts, DateTimeOffset asOf, IReadOnlyList<ProposalReport> proposals)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var view = parts.View;
            var names = parts.Names;
            writer.WriteStartObject();
            Value(writer, names[nameof(StatusView.AsOf)], asOf);
            Value(writer, names[nameof(StatusView.AgreedShare)], view.AgreedShare);
            Value(writer, names[nameof(StatusView.AgreedShareByWeight)], view.AgreedShareByWeight);
            Value(writer, names[nameof(StatusView.AgreedIssues)], view.AgreedIssues);
            Value(writer, names[nameof(StatusView.TotalIssues)], view.TotalIssues);
            Raw(writer, names[nameof(StatusView.Issues)], parts.Issues);
            Raw(writer, names[nameof(StatusView.StickingPoints)], parts.StickingPoints);
            Raw(writer, names[nameof(StatusView.Convergence)], parts.Convergence);
            Value(writer, names[nameof(StatusView.Proposals)], proposals);
            Raw(writer, names[nameof(StatusView.ExpiredOffers)], parts.ExpiredOffers);
            Raw(writer, names[nameof(StatusView.FiredContingencies)], parts.FiredContingencies);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void Value<T>(Utf8JsonWriter writer, JsonEncodedText name, T value)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, options);
    }

    private static void Raw(Utf8JsonWriter writer, JsonEncodedText name, byte[] json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json, skipInputValidation: true); // the serializer wrote it
    }

    /// <summary>What one interval's answers share: the names as the options spell them and the serialised lists.</summary>
    internal sealed class Parts
    {
        public Parts(StatusView view, JsonSerializerOptions options)
        {
            View = view;
            Names = typeof(StatusView).GetProperties().ToDictionary(p => p.Name, p => JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name));
            Issues = JsonSerializer.SerializeToUtf8Bytes(view.Issues, options);
            StickingPoints = JsonSerializer.SerializeToUtf8Bytes(view.StickingPoints, options);
            Convergence = JsonSerializer.SerializeToUtf8Bytes(view.Convergence, options);
            ExpiredOffers = JsonSerializer.SerializeToUtf8Bytes(view.ExpiredOffers, options);
            FiredContingencies = JsonSerializer.SerializeToUtf8Bytes(view.FiredContingencies, options);
        }

        public StatusView View { get; }
        public IReadOnlyDictionary<string, JsonEncodedText> Names { get; }
        public byte[] Issues { get; }
        public byte[] StickingPoints { get; }
        public byte[] Convergence { get; }
        public byte[] ExpiredOffers { get; }
        public byte[] FiredContingencies { get; }
    }
}

/// <summary>One status answer: 200 with the <see cref="StatusView"/> JSON (declared as such in the OpenAPI document).</summary>
public sealed class StatusAnswer : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly byte[] _json;

    internal StatusAnswer(byte[] json) => _json = json;

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>The answer's JSON, as written to a response (a copy).</summary>
    public byte[] ToUtf8Bytes() => (byte[])_json.Clone();

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = _json.Length;
        return response.Body.WriteAsync(_json, httpContext.RequestAborted).AsTask();
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StatusView), ["application/json"]));
}
