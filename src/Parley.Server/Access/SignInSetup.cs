using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>
/// Sign-in and the web surface that comes with it: Identity (passwords with lockout, passkeys) with a cookie for the
/// browser, personal API tokens for scripts, optional OpenID Connect, a fallback policy that requires a signed-in user
/// everywhere not marked otherwise, antiforgery on cookie-authenticated API writes, a rate limit on sign-in, host
/// filtering, HTTPS redirection and HSTS off loopback, and security headers.
/// </summary>
public static class SignInSetup
{
    /// <summary>The rate-limiting policy of the sign-in endpoints: 10 attempts a minute per client address.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>The default scheme: a bearer token when the request carries one, else the Identity cookie.</summary>
    public const string Scheme = "Parley";

    /// <summary>Where the browser is sent to sign in.</summary>
    public const string SignInPath = "/account/sign-in";

    /// <summary>Registers sign-in, authorization, antiforgery and the rate limiter.</summary>
    public static WebApplicationBuilder AddParleySignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddParleyIdentityCore().AddSignInManager().AddDefaultTokenProviders();
        services.AddSingleton<TokenCache>();
        services.AddScoped<TokenStore>();
        services.AddScoped<MembershipStore>();
        services.AddScoped<CurrentViewer>();
        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Parley", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        authentication.AddIdentityCookies();
        ExternalSignIn.AddOpenIdConnectIfConfigured(builder, authentication);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath;
            o.Cookie.Name = "parley";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: a sign-in through an organisation's provider returns by a cross-site redirect. Cross-site
            // POSTs never carry it, and cookie-authenticated API writes need an antiforgery token besides.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c => ApiStatusOrRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiStatusOrRedirect(c, StatusCodes.Status403Forbidden);
        });
        RecentTickets.AddTo(services);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "parley-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        // Loopback unless configured (appsettings.json says the same): a server reached by other names lists them.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
        return builder;
    }

    /// <summary>The middleware, in order: headers, HTTPS off loopback, rate limits, authentication, authorization, access rules, antiforgery.</summary>
    public static WebApplication UseParleySignIn(this WebApplication app)
    {
        app.Use(SecurityHeaders.AddAsync);
        app.UseWhen(http => !IsLoopback(http.Request.Host.Host), off => off.UseHsts().UseHttpsRedirection());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseNegotiationAccess();
        app.Use(RequireAntiforgeryForCookieApiWrites);
        app.UseAntiforgery();
        return app;
    }

    /// <summary>True for <c>localhost</c> and loopback addresses.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // Browsers send the cookie with any same-site request; an API write that rides on it must also carry the
    // antiforgery token (header X-CSRF-TOKEN), so a page elsewhere cannot make a signed-in browser write. Tokens
    // sent as Bearer headers are never added by a browser on its own and need none.
    private static async Task RequireAntiforgeryForCookieApiWrites(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type != ApiTokenAuthentication.SchemeName)
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = 400,
                        Title = "A write signed in by cookie needs the antiforgery token (header X-CSRF-TOKEN); scripts use an API token instead.",
                    },
                });
                return;
            }
        }
        await next(http);
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/charts") || c.Request.Path.StartsWithSegments("/openapi"))
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }
}
