using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Parley.Core.Access;
using Parley.Data;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>One demo account: its user name, its membership in the Berlin demo, and what it shows a newcomer.</summary>
public sealed record DemoAccount(string Name, MemberRole Role, string? Party, string Label, string Shows);

/// <summary>
/// The Berlin demo's accounts, so that a newcomer sees the same talks through each role and sees confidentiality at
/// work. They have no password (nobody can sign in as them with one); <c>GET /demo/sign-in/{account}</c> signs in as
/// one only when <see cref="IsAvailable"/>: the demo is loaded (<c>Parley:SeedDemo</c>), every address the server
/// listens on is loopback, and the request comes from this machine, names a loopback host and was not forwarded by a
/// proxy. Never otherwise.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The demo negotiation's id.</summary>
    public const string Negotiation = "berlin-2025";

    /// <summary>The accounts, in the order the sign-in page lists them.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("mediator", MemberRole.Mediator, null, "The mediator", "everything, every delegation's private profile included"),
        new("ua", MemberRole.Delegation, "ua", "Ukraine's delegation", "shared items and Ukraine's own; the settlement with Ukraine's utilities only"),
        new("ru", MemberRole.Delegation, "ru", "Russia's delegation", "shared items and Russia's own; the settlement with Russia's utilities only"),
        new("us", MemberRole.Guarantor, "us", "The United States, as guarantor", "shared items, the commitments, and the US's own items"),
        new("monitor", MemberRole.Monitor, null, "A ceasefire monitor", "shared items; takes in and reviews incident reports"),
        new("observer", MemberRole.Observer, null, "An observer", "shared items only"),
    ];

    /// <summary>
    /// Creates the demo accounts that do not exist yet, each with its membership in the demo negotiation. An account that
    /// exists is left as it is: a membership an administrator revoked stays revoked.
    /// </summary>
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var users = services.GetRequiredService<UserManager<ParleyUser>>();
        var memberships = services.GetRequiredService<MembershipStore>();
        foreach (var account in All)
        {
            if (await users.FindByNameAsync(account.Name) is not null) continue;
            var created = await users.CreateAsync(new ParleyUser { UserName = account.Name });
            if (!created.Succeeded)
                throw new InvalidOperationException($"Cannot create the demo account '{account.Name}': {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await memberships.GrantAsync(Negotiation, account.Name, account.Role, account.Party, "parley-demo", ct);
        }
    }

    /// <summary>True when the demo sign-in may be offered to this request (see the class remarks).</summary>
    public static bool IsAvailable(HttpContext http)
    {
        var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Parley:SeedDemo", true)) return false;
        if (!SignInSetup.IsLoopback(http.Request.Host.Host)) return false;
        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded")) return false;
        if (http.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote)) return false;
        var addresses = http.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.All(a => BindingUri(a) is { } uri && SignInSetup.IsLoopback(uri.Host));
    }

    /// <summary>Maps <c>GET /demo/sign-in/{account}</c>.</summary>
    public static void MapDemoSignIn(this IEndpointRouteBuilder app) =>
        app.MapGet("demo/sign-in/{account}", SignInAsync).WithName("DemoSignIn").ExcludeFromDescription()
            .AllowAnonymousBecause("the demo sign-in: it answers only on a loopback-only server with the demo loaded, to a local request");

    private static async Task<IResult> SignInAsync(string account, HttpContext http, SignInManager<ParleyUser> signIn, string? returnUrl = null)
    {
        if (!IsAvailable(http) || All.All(a => a.Name != account)) return TypedResults.NotFound();
        if (await signIn.UserManager.FindByNameAsync(account) is not { } user) return TypedResults.NotFound();
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>True for a path on this site (<c>/x</c>, not <c>//host</c> or <c>/\host</c>).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    // Kestrel lists "http://127.0.0.1:5080", "http://localhost:5080", "http://[::]:5080" or "http://*:5080"; the last two are every interface.
    private static Uri? BindingUri(string address) =>
        Uri.TryCreate(address.Replace("://*", "://any-interface").Replace("://+", "://any-interface"), UriKind.Absolute, out var uri) ? uri : null;
}
