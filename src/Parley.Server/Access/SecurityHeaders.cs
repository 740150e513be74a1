namespace Parley.Server.Access;

/// <summary>
/// Headers on every response: a content security policy under which Blazor Server works (scripts only from this
/// origin, no inline script; inline style attributes allowed; the circuit's WebSocket to this origin), no framing
/// (<c>frame-ancestors 'none'</c>), no MIME sniffing, no referrer to other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Middleware: sets the headers before the response starts.</summary>
    public static Task AddAsync(HttpContext http, RequestDelegate next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
