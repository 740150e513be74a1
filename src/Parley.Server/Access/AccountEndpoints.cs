using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>
/// The account endpoints behind the sign-in and account pages: password and passkey sign-in, the passkey options the
/// browser's WebAuthn calls need, sign-out, and sign-in through an organisation's provider. Every one is a POST that
/// needs the antiforgery token (form field or header <c>X-CSRF-TOKEN</c>), except the provider's return path, which
/// only reads the external-login cookie the provider's handler set. Sign-in attempts share the
/// <see cref="SignInSetup.SignInRateLimit"/>; wrong passwords count towards Identity's lockout. All the cryptography
/// (password hashes, WebAuthn attestation and assertion) is Identity's.
/// </summary>
public static partial class AccountEndpoints
{
    /// <summary>Why a sign-in failed, as the sign-in page's <c>error</c> query value.</summary>
    public static class Failure
    {
        /// <summary>Wrong user name or password (never which of the two).</summary>
        public const string Wrong = "wrong";

        /// <summary>Locked out after too many failed attempts.</summary>
        public const string Locked = "locked";

        /// <summary>The account may not sign in (e.g. an unconfirmed account).</summary>
        public const string NotAllowed = "not-allowed";

        /// <summary>The passkey was not accepted.</summary>
        public const string Passkey = "passkey";

        /// <summary>The organisation's provider did not sign the user in.</summary>
        public const string External = "external";

        /// <summary>The provider's account names a Parley user that exists but is not linked to it.</summary>
        public const string ExternalNameTaken = "external-name-taken";
    }

    /// <summary>Maps the account endpoints.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("account").ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(RequireAntiforgeryAsync);

        account.MapPost("sign-in/password", PasswordSignInAsync).WithName("PasswordSignIn")
            .RequireRateLimiting(SignInSetup.SignInRateLimit)
            .AllowAnonymousBecause("signing in: checks a password, rate-limited, counts failures towards lockout");
        account.MapPost("passkey/request-options", PasskeyRequestOptionsAsync).WithName("PasskeyRequestOptions")
            .RequireRateLimiting(SignInSetup.SignInRateLimit)
            .AllowAnonymousBecause("signing in with a passkey: a random challenge for any credential, names no user");
        account.MapPost("passkey/sign-in", PasskeySignInAsync).WithName("PasskeySignIn")
            .RequireRateLimiting(SignInSetup.SignInRateLimit)
            .AllowAnonymousBecause("signing in with a passkey: Identity verifies the assertion, rate-limited");
        account.MapPost("passkey/creation-options", PasskeyCreationOptionsAsync).WithName("PasskeyCreationOptions")
            .Requires(InstanceRequirement.SignedIn);
        account.MapPost("sign-out", SignOutAsync).WithName("SignOut")
            .Requires(InstanceRequirement.SignedIn);
        MapExternal(account);
        return app;
    }

    /// <summary>The sign-in page's address with a failure, the user name typed and the return URL kept.</summary>
    public static string SignInPage(string? error = null, string? userName = null, string? returnUrl = null)
    {
        var query = new List<string>();
        if (error is not null) query.Add("error=" + Uri.EscapeDataString(error));
        if (!string.IsNullOrEmpty(userName) && userName.Length <= 256) query.Add("user=" + Uri.EscapeDataString(userName));
        if (DemoAccounts.IsLocal(returnUrl) && returnUrl != "/") query.Add("ReturnUrl=" + Uri.EscapeDataString(returnUrl!));
        return SignInSetup.SignInPath + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    /// <summary>
    /// True when <paramref name="user"/> was authenticated by an API token: such a request may not add passkeys or
    /// tokens, which would turn a token limited to one negotiation into a full sign-in.
    /// </summary>
    public static bool SignedInByToken(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ParleyClaims.TokenId);

    /// <summary>Where to go after signing in: <paramref name="returnUrl"/> when it is a path on this site, else the dashboard.</summary>
    public static string LocalOrHome(string? returnUrl) => DemoAccounts.IsLocal(returnUrl) ? returnUrl! : "/";

    private static async Task<RedirectHttpResult> PasswordSignInAsync([FromForm] string? userName, [FromForm] string? password,
        [FromForm] string? returnUrl, SignInManager<ParleyUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return TypedResults.Redirect(SignInPage(Failure.Wrong, userName, returnUrl));
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Redirect(LocalOrHome(returnUrl));
        return TypedResults.Redirect(SignInPage(Reason(result), userName, returnUrl));
    }

    // No user name: the browser offers the passkeys it holds for this site (discoverable credentials), and the
    // answer says nothing about which accounts exist.
    private static async Task<ContentHttpResult> PasskeyRequestOptionsAsync(SignInManager<ParleyUser> signIn) =>
        TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    private static async Task<RedirectHttpResult> PasskeySignInAsync([FromForm] string? credential, [FromForm] string? returnUrl,
        SignInManager<ParleyUser> signIn)
    {
        if (string.IsNullOrEmpty(credential)) return TypedResults.Redirect(SignInPage(Failure.Passkey, returnUrl: returnUrl));
        var result = await signIn.PasskeySignInAsync(credential);
        if (result.Succeeded) return TypedResults.Redirect(LocalOrHome(returnUrl));
        return TypedResults.Redirect(SignInPage(result.IsLockedOut || result.IsNotAllowed ? Reason(result) : Failure.Passkey, returnUrl: returnUrl));
    }

    private static async Task<Results<ContentHttpResult, UnauthorizedHttpResult>> PasskeyCreationOptionsAsync(
        HttpContext http, SignInManager<ParleyUser> signIn)
    {
        if (SignedInByToken(http.User) || await signIn.UserManager.GetUserAsync(http.User) is not { } user) return TypedResults.Unauthorized();
        var name = user.UserName ?? user.Id;
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = name });
        return TypedResults.Content(options, "application/json");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<ParleyUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect(SignInSetup.SignInPath);
    }

    private static string Reason(Microsoft.AspNetCore.Identity.SignInResult result) =>
        result.IsLockedOut ? Failure.Locked : result.IsNotAllowed ? Failure.NotAllowed : Failure.Wrong;

    // The antiforgery middleware validates every request to these endpoints (their metadata asks it to) and records
    // the outcome; this refuses the request when the token was missing or wrong, whatever the body's type.
    private static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "This form has expired or did not come from Parley's own page; reload the page and try again.");
        return await next(context);
    }
}
