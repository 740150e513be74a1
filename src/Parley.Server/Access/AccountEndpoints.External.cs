using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Data.Access;

namespace Parley.Server.Access;

public static partial class AccountEndpoints
{
    // Sign-in through the organisation's OpenID Connect provider (ExternalSignIn). This cannot be exercised against a
    // live provider in the tests here; it is kept to Identity's own calls (challenge, GetExternalLoginInfoAsync,
    // ExternalLoginSignInAsync, AddLoginAsync) so that there is little of ours to get wrong.
    private static void MapExternal(RouteGroupBuilder account)
    {
        account.MapPost("external/sign-in", ExternalChallengeAsync).WithName("ExternalSignIn")
            .RequireRateLimiting(SignInSetup.SignInRateLimit)
            .AllowAnonymousBecause("signing in: only sends the browser to the configured provider");
        account.MapGet("external/return", ExternalReturnAsync).WithName("ExternalSignInReturn")
            .RequireRateLimiting(SignInSetup.SignInRateLimit)
            .AllowAnonymousBecause("the way back from the provider: signs in only on the provider's verified answer (the external-login cookie)");
    }

    private static async Task<Results<ChallengeHttpResult, RedirectHttpResult>> ExternalChallengeAsync(
        [FromQuery] string? provider, [FromForm] string? returnUrl, SignInManager<ParleyUser> signIn, IAuthenticationSchemeProvider schemes)
    {
        if (provider != ExternalSignIn.Scheme || await schemes.GetSchemeAsync(provider) is null)
            return TypedResults.Redirect(SignInPage(Failure.External, returnUrl: returnUrl));
        var back = "/account/external/return?returnUrl=" + Uri.EscapeDataString(LocalOrHome(returnUrl));
        return TypedResults.Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, back), [provider]);
    }

    private static async Task<RedirectHttpResult> ExternalReturnAsync(HttpContext http, SignInManager<ParleyUser> signIn, string? returnUrl = null)
    {
        if (await signIn.GetExternalLoginInfoAsync() is not { } info) return TypedResults.Redirect(SignInPage(Failure.External, returnUrl: returnUrl));
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded) return TypedResults.Redirect(LocalOrHome(returnUrl));
        if (result.IsLockedOut || result.IsNotAllowed) return TypedResults.Redirect(SignInPage(Reason(result), returnUrl: returnUrl));

        // First sign-in with this provider account: a new Parley user named after it, with no memberships. An existing
        // user of that name is never linked on the provider's word alone (the provider may let anyone pick the name);
        // an administrator links such accounts.
        var name = info.Principal.FindFirstValue("preferred_username") ?? info.Principal.FindFirstValue(ClaimTypes.Email)
            ?? info.Principal.FindFirstValue("email");
        if (string.IsNullOrWhiteSpace(name)) return TypedResults.Redirect(SignInPage(Failure.External, returnUrl: returnUrl));
        var users = signIn.UserManager;
        if (await users.FindByNameAsync(name) is not null) return TypedResults.Redirect(SignInPage(Failure.ExternalNameTaken, name, returnUrl));
        var user = new ParleyUser { UserName = name };
        if (!(await users.CreateAsync(user)).Succeeded) return TypedResults.Redirect(SignInPage(Failure.External, returnUrl: returnUrl));
        if (!(await users.AddLoginAsync(user, info)).Succeeded)
        {
            await users.DeleteAsync(user);
            return TypedResults.Redirect(SignInPage(Failure.External, returnUrl: returnUrl));
        }
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return TypedResults.Redirect(LocalOrHome(returnUrl));
    }
}
