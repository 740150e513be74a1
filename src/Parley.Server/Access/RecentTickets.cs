using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Parley.Server.Access;

/// <summary>
/// The sign-in cookie's ticket, read once per <see cref="Revalidate"/> rather than once per request. A browser sends
/// the same cookie with every request, and reading it — the framework's data protection: key derivation, HMAC and AES
/// over the cookie — was the largest part of a cookie-signed-in read (docs/benchmarks.md, "Under load"). The framework
/// still reads and checks every cookie it has not seen in the last second; this only remembers, by the exact cookie
/// text, the tickets it accepted, and hands each request its own copy. A cookie it refused is never remembered. The
/// cookie handler checks each copy's expiry as before.
/// </summary>
/// <remarks>
/// Hand-written like <c>TokenCache</c>: the framework offers no cache for this, and its age must run on the injected
/// <see cref="TimeProvider"/>. No cryptography is done here.
/// </remarks>
internal sealed class RecentTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long an accepted cookie's ticket is remembered before the cookie is read again.</summary>
    public static readonly TimeSpan Revalidate = TimeSpan.FromSeconds(1);

    /// <summary>At most this many cookies are remembered; beyond, the table starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Text, string? Purpose), (AuthenticationTicket Ticket, DateTimeOffset ReadAt)> _read = new();

    /// <inheritdoc />
    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    /// <inheritdoc />
    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    /// <inheritdoc />
    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    /// <inheritdoc />
    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_read.TryGetValue((protectedText, purpose), out var kept) && now - kept.ReadAt < Revalidate && now >= kept.ReadAt)
            return Copy(kept.Ticket);
        if (inner.Unprotect(protectedText, purpose) is not { } ticket) return null;
        if (_read.Count >= Capacity) _read.Clear();
        _read[(protectedText, purpose)] = (Copy(ticket), now);
        return ticket;
    }

    // Each request gets its own principal and properties: the handler and Identity may change them.
    private static AuthenticationTicket Copy(AuthenticationTicket t) => new(t.Principal.Clone(), t.Properties.Clone(), t.AuthenticationScheme);

    /// <summary>
    /// Wraps the Identity cookie's ticket format, and lets Identity's security-stamp check (which builds a user manager
    /// and a sign-in manager for every request before it looks at the time) run only when its interval has passed —
    /// the same condition it applies itself, so it still runs exactly when it would have checked the stamp.
    /// </summary>
    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TimeProvider, IOptions<SecurityStampValidatorOptions>>((o, clock, stamps) =>
            {
                o.TicketDataFormat = new RecentTickets(o.TicketDataFormat
                    ?? throw new InvalidOperationException("The cookie handler's own ticket format is set up after this."), clock);
                var check = o.Events.OnValidatePrincipal;
                o.Events.OnValidatePrincipal = c => StampCheckDue(c, stamps.Value) ? check(c) : Task.CompletedTask;
            });

    // As SecurityStampValidator decides: when the ticket says nothing of its issue, or more than the interval ago — on
    // the clock the validator itself uses (its options' TimeProvider, else the system's), so that the two never disagree.
    private static bool StampCheckDue(CookieValidatePrincipalContext c, SecurityStampValidatorOptions stamps) =>
        c.Properties.IssuedUtc is not { } issued || (stamps.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued > stamps.ValidationInterval;
}
