using Microsoft.AspNetCore.Http.Features;

namespace Parley.Server.Infrastructure;

/// <summary>
/// How large a request body each endpoint takes. Every body is capped: <see cref="Default"/> (JSON edits, forms) unless
/// the endpoint declares more with <see cref="WithBodyLimit{TBuilder}"/> (file uploads). A body over the limit is refused
/// with 413 and a ProblemDetails naming the limit — before it is read when it declares its length, while it is read
/// otherwise (Kestrel counts) — and nothing is stored. Listed in docs/web-app.md, "Limits".
/// </summary>
public static class BodyLimits
{
    /// <summary>Any endpoint that declares nothing else: 1 MiB (a JSON edit is a few KB).</summary>
    public const long Default = 1L << 20;

    /// <summary>A scenario file (<c>POST /api/negotiations</c>): 32 MiB.</summary>
    public const long Scenario = 32L << 20;

    /// <summary>A draft version, Markdown or .docx (<c>POST …/drafts/…/versions</c>): 64 MiB (a .docx is also capped unpacked).</summary>
    public const long Draft = 64L << 20;

    /// <summary>An ACLED or UCDP CSV export (<c>POST …/incidents/import</c>): 128 MiB.</summary>
    public const long IncidentFile = 128L << 20;

    /// <summary>Declares that the endpoint takes bodies of up to <paramref name="bytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Applies each endpoint's limit to its requests (after routing, before anything reads the body).</summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? Default;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (http.Request.ContentLength is { } length && length > limit)
        {
            await TooLarge(http, limit).ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    /// <summary>The 413 answer for a body over <paramref name="limit"/> bytes.</summary>
    public static IResult TooLarge(HttpContext http, long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large; nothing was stored.",
        detail: $"body: {http.Request.Method} {http.Request.Path} takes at most {Describe(limit)} ({limit:N0} bytes).");

    /// <summary>"1 MiB", "128 MiB".</summary>
    public static string Describe(long bytes) => bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes:N0} bytes";

    /// <summary>An endpoint's body limit, in bytes.</summary>
    public sealed record BodyLimit(long Bytes);
}
