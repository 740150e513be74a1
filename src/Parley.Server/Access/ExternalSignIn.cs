using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Parley.Server.Access;

/// <summary>
/// Optional sign-in through an organisation's OpenID Connect provider, on when <c>Parley:Oidc:Authority</c> is set
/// (with <c>ClientId</c>, <c>ClientSecret</c>, optional <c>DisplayName</c>). The provider's identity is linked to a
/// Parley user as an external login; see docs/access.md.
/// </summary>
public static class ExternalSignIn
{
    /// <summary>The scheme name of the organisation's provider.</summary>
    public const string Scheme = "oidc";

    /// <summary>Adds the OpenID Connect handler when configured.</summary>
    public static void AddOpenIdConnectIfConfigured(WebApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        var section = builder.Configuration.GetSection("Parley:Oidc");
        if (string.IsNullOrWhiteSpace(section["Authority"])) return;
        authentication.AddOpenIdConnect(Scheme, section["DisplayName"] ?? "Organisation sign-in", o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = "/account/external/callback-oidc";
            o.Scope.Add("email");
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SaveTokens = false;
        });
    }
}
