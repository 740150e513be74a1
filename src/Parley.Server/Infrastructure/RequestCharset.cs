using System.Text;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Infrastructure;

/// <summary>
/// Refuses a request body in a character set the server cannot decode (<c>Content-Type: application/json; charset=utf-7</c>,
/// an unknown name) with a 415 naming the header, before any endpoint reads it: the framework's JSON reader would throw an
/// <see cref="InvalidOperationException"/> there, which is a 500.
/// </summary>
public static class RequestCharset
{
    /// <summary>Adds the check to the pipeline.</summary>
    public static IApplicationBuilder UseRequestCharsetCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Refusal(http.Request.ContentType) is { } problem)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["Content-Type"] = [problem] })
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "The request was refused.",
                    Detail = $"Content-Type: {problem}",
                },
            });
            return;
        }
        await next(http);
    });

    /// <summary>Why the charset of <paramref name="contentType"/> cannot be read, or null (no charset, or one .NET decodes).</summary>
    public static string? Refusal(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue) return null;
        var charset = media.Charset.Value!.Trim('"');
        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return $"charset '{charset}' is not one the server reads; send UTF-8";
        }
    }
}
