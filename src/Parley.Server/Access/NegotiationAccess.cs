using System.Security.Claims;
using Parley.Core.Access;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>Endpoint metadata: the endpoint concerns the negotiation in its <c>{id}</c> route value and needs this permission there.</summary>
public sealed record NegotiationRule(Permission Permission);

/// <summary>What an endpoint that concerns no single negotiation requires of the caller.</summary>
public enum InstanceRequirement
{
    /// <summary>Any signed-in user (what the user sees is still limited to its memberships).</summary>
    SignedIn,

    /// <summary>An instance administrator.</summary>
    Administrator,
}

/// <summary>Endpoint metadata: the endpoint concerns no single negotiation and needs <see cref="Requirement"/>.</summary>
public sealed record InstanceRule(InstanceRequirement Requirement);

/// <summary>Endpoint metadata: the endpoint is open to anyone, for the stated reason (sign-in pages, assets).</summary>
public sealed record AnonymousRule(string Reason);

/// <summary>
/// The access rules of endpoints, and the middleware that enforces them before a handler binds its body: a caller who
/// is not signed in gets 401 (the fallback policy), one who is not a member of the negotiation (or whose token is
/// limited to another) 404 — the negotiation does not exist for them —, a member whose role lacks the permission 403.
/// Every endpoint carries exactly one of <see cref="NegotiationRule"/>, <see cref="InstanceRule"/> or
/// <see cref="AnonymousRule"/>; a test enumerates the endpoints and fails on one without.
/// </summary>
public static class NegotiationAccess
{
    /// <summary>The endpoint concerns the negotiation <c>{id}</c> and needs <paramref name="permission"/> there.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NegotiationRule(permission));

    /// <summary>The endpoint concerns no single negotiation and needs <paramref name="requirement"/>.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, InstanceRequirement requirement) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new InstanceRule(requirement));

    /// <summary>The endpoint is open to anyone; <paramref name="reason"/> says why that is safe.</summary>
    public static TBuilder AllowAnonymousBecause<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnonymousRule(reason)).AllowAnonymous(); // the reason is the metadata: every anonymous endpoint states one

    /// <summary>Adds the middleware; call after authentication and authorization.</summary>
    public static IApplicationBuilder UseNegotiationAccess(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<NegotiationRule>() is { } rule)
        {
            var id = http.GetRouteValue("id") as string ?? "";
            var viewer = await http.RequestServices.GetRequiredService<CurrentViewer>().ResolveAsync(http.User, id, http.RequestAborted);
            if (viewer is null)
            {
                await Problem(http, StatusCodes.Status404NotFound, $"There is no negotiation '{Clip(id)}'.");
                return;
            }
            if (!AccessRules.Allows(viewer, rule.Permission))
            {
                await Problem(http, StatusCodes.Status403Forbidden,
                    $"As {viewer.Role.ToString().ToLowerInvariant()} in '{id}' you may not do this ({rule.Permission}).");
                return;
            }
        }
        else if (endpoint?.Metadata.GetMetadata<InstanceRule>() is { Requirement: InstanceRequirement.Administrator }
                 && !await IsAdministratorAsync(http))
        {
            await Problem(http, StatusCodes.Status403Forbidden, "Only an instance administrator may do this.");
            return;
        }
        await next(http);
    });

    /// <summary>True when the request's user is an instance administrator (see the overload).</summary>
    public static Task<bool> IsAdministratorAsync(HttpContext http) =>
        IsAdministratorAsync(http.User, http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>());

    /// <summary>
    /// True when <paramref name="user"/> is an instance administrator (read from the user's row, not a claim) and is not
    /// signed in with an API token limited to one negotiation: such a token is never an administrator's key.
    /// </summary>
    public static async Task<bool> IsAdministratorAsync(ClaimsPrincipal user, Microsoft.AspNetCore.Identity.UserManager<ParleyUser> users)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return false;
        if (user.HasClaim(c => c.Type == ParleyClaims.TokenNegotiation)) return false;
        return await users.FindByIdAsync(id) is { IsAdministrator: true };
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static Task Problem(HttpContext http, int status, string title)
    {
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title },
        }).AsTask();
    }
}
