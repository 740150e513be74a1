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
/// interval and copied into each answer; the rest is written per request. The bytes are those that serialising
/// <see cref="StatusView.From"/> gives (checked against it). Kept with the snapshot it derives from, per viewer scope.
/// </summary>
public sealed class StatusAnswers(StatusTimeline timeline, JsonSerializerOptions options)
{
    private readonly ConcurrentDictionary<int, Parts> _parts = new();

    /// <summary>The status as of <paramref name="asOf"/>, as the JSON answer.</summary>
    public StatusAnswer At(DateTimeOffset asOf)
    {
        var report = timeline.At(asOf);
        var interval = timeline.IntervalOf(asOf);
        if (!_parts.TryGetValue(interval, out var parts))
        {
            parts = new Parts(StatusView.From(report), options);
            if (_parts.Count < StatusTimeline.MaxKept) _parts.TryAdd(interval, parts);
        }
        return new StatusAnswer(parts, report.AsOf, report.Proposals, options);
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
    private readonly StatusAnswers.Parts _parts;
    private readonly DateTimeOffset _asOf;
    private readonly IReadOnlyList<ProposalReport> _proposals;
    private readonly JsonSerializerOptions _options;

    internal StatusAnswer(StatusAnswers.Parts parts, DateTimeOffset asOf, IReadOnlyList<ProposalReport> proposals, JsonSerializerOptions options)
    {
        (_parts, _asOf, _proposals, _options) = (parts, asOf, proposals, options);
    }

    /// <inheritdoc />
    public int? StatusCode => StatusCodes.Status200OK;

    /// <summary>The answer's JSON, as written to a response.</summary>
    public byte[] ToUtf8Bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter)) Write(writer);
        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    // The properties in StatusView's order, as the serializer writes them.
    private void Write(Utf8JsonWriter writer)
    {
        var view = _parts.View;
        var names = _parts.Names;
        writer.WriteStartObject();
        Value(writer, names[nameof(StatusView.AsOf)], _asOf);
        Value(writer, names[nameof(StatusView.AgreedShare)], view.AgreedShare);
        Value(writer, names[nameof(StatusView.AgreedShareByWeight)], view.AgreedShareByWeight);
        Value(writer, names[nameof(StatusView.AgreedIssues)], view.AgreedIssues);
        Value(writer, names[nameof(StatusView.TotalIssues)], view.TotalIssues);
        Raw(writer, names[nameof(StatusView.Issues)], _parts.Issues);
        Raw(writer, names[nameof(StatusView.StickingPoints)], _parts.StickingPoints);
        Raw(writer, names[nameof(StatusView.Convergence)], _parts.Convergence);
        Value(writer, names[nameof(StatusView.Proposals)], _proposals);
        Raw(writer, names[nameof(StatusView.ExpiredOffers)], _parts.ExpiredOffers);
        Raw(writer, names[nameof(StatusView.FiredContingencies)], _parts.FiredContingencies);
        writer.WriteEndObject();
    }

    private void Value<T>(Utf8JsonWriter writer, JsonEncodedText name, T value)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, _options);
    }

    private static void Raw(Utf8JsonWriter writer, JsonEncodedText name, byte[] json)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(json, skipInputValidation: true); // the serializer wrote it
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(StatusView), ["application/json"]));
}
