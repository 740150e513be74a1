using System.Security.Claims;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Data.Access;

namespace Parley.Server.Access;

/// <summary>
/// Who the signed-in user is in the negotiation a request or page concerns. Resolved once per request by
/// <see cref="NegotiationAccess"/> before the handler runs (handlers take it as a parameter); pages resolve it for
/// their negotiation. Not a member — or a token limited to another negotiation — means no viewer: the negotiation
/// does not exist for this user. The membership store (and with it a database context) is made only when the cache
/// does not remember the membership (<see cref="TalksReader.ViewerOfAsync"/>).
/// </summary>
public sealed class CurrentViewer(IServiceProvider services, TalksReader reader)
{
    private Viewer? _viewer;

    /// <summary>The viewer resolved for this request.</summary>
    /// <exception cref="InvalidOperationException">Nothing resolved it: the endpoint has no negotiation access rule.</exception>
    public Viewer Viewer => _viewer ?? throw new InvalidOperationException("No viewer was resolved for this request; the endpoint lacks an access rule.");

    /// <summary>
    /// The head of the negotiation's record read when the viewer was resolved: a handler that reads through
    /// <see cref="TalksReader"/> passes it on so that the request reads the head once (null: read it again).
    /// </summary>
    public long? Head { get; private set; }

    /// <summary>Resolves and remembers how <paramref name="user"/> sees <paramref name="negotiationId"/>; null when not a member.</summary>
    public async Task<Viewer?> ResolveAsync(ClaimsPrincipal user, string negotiationId, CancellationToken ct = default)
    {
        Head = null;
        _viewer = null;
        if (Identify(user, negotiationId) is not var (userId, name)) return null;
        (_viewer, var head) = await reader.ViewerOfAsync(negotiationId, userId, name, services.GetRequiredService<MembershipStore>, ct);
        Head = head;
        return _viewer;
    }

    // The user's id and name when it may reach the negotiation at all (a token limited to another one may not).
    private static (string UserId, string Name)? Identify(ClaimsPrincipal user, string negotiationId)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId || user.Identity?.Name is not { } name) return null;
        if (user.FindFirstValue(ParleyClaims.TokenNegotiation) is { } only && only != negotiationId) return null;
        return negotiationId.Length > 64 ? null : (userId, name);
    }

    /// <summary>How <paramref name="user"/> sees <paramref name="negotiationId"/>, or null when not a member (or the token does not reach it).</summary>
    public static async Task<Viewer?> ForAsync(MembershipStore memberships, ClaimsPrincipal user, string negotiationId, CancellationToken ct = default) =>
        Identify(user, negotiationId) is var (userId, name) ? await memberships.ViewerAsync(userId, name, negotiationId, ct) : null;

    /// <summary>The negotiations <paramref name="user"/> may open (those of its memberships, narrowed by a token's limit).</summary>
    public static async Task<IReadOnlyList<MemberOf>> NegotiationsOfAsync(MembershipStore memberships, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return [];
        var all = await memberships.NegotiationsOfAsync(userId, ct);
        return user.FindFirstValue(ParleyClaims.TokenNegotiation) is { } only ? all.Where(m => m.NegotiationId == only).ToArray() : all;
    }
}
