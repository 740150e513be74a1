using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer parley_…</c> with a personal API token (<see cref="TokenStore"/>): the
/// principal is the token's owner, with <see cref="ParleyClaims.TokenNegotiation"/> when the token is limited to one
/// negotiation. A missing header is no result (another scheme may apply); a bad, revoked or expired token fails.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenCache cache, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ParleyToken";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        // A token seen a moment ago is recalled without a database context; the store is resolved only to look one up.
        if (!TokenStore.Recall(cache, clock, secret, out var owner))
            owner = await Context.RequestServices.GetRequiredService<TokenStore>().FindAsync(secret, Context.RequestAborted);
        if (owner is null)
            return AuthenticateResult.Fail("The API token is not valid (unknown, revoked or expired).");
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.UserId),
            new(ClaimTypes.Name, owner.UserName),
            new(ParleyClaims.TokenId, owner.TokenId),
        };
        if (owner.NegotiationId is { } n) claims.Add(new Claim(ParleyClaims.TokenNegotiation, n));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>The claims Parley adds to a signed-in principal.</summary>
public static class ParleyClaims
{
    /// <summary>The API token that authenticated the request.</summary>
    public const string TokenId = "parley:token";

    /// <summary>The only negotiation the request's API token reaches.</summary>
    public const string TokenNegotiation = "parley:token-negotiation";
}
