using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Core.Access;
using Parley.Data.Access;
using Parley.Server.Infrastructure;
using Parley.Server.Negotiations;
using Parley.Application.Infrastructure;

namespace Parley.Server.Access;

/// <summary>
/// Memberships of a negotiation, for instance administrators (who need no membership of their own to manage them):
/// list, grant or change (<c>PUT …/members/{user}</c> with <c>{"role": "delegation", "party": "ua"}</c>), revoke. Every
/// grant and revocation is a history entry. The same as <c>parley members …</c> for those without database access.
/// </summary>
public static class MembersApi
{
    /// <summary>The body of a grant: the role (<c>mediator</c>, <c>delegation</c>, <c>guarantor</c>, <c>monitor</c>, <c>observer</c>) and the party, if any.</summary>
    public sealed record MemberInput(string Role, string? Party = null);

    /// <summary>Maps <c>/api/negotiations/{id}/members</c>.</summary>
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/negotiations/{id}/members").WithTags("Access").WithRefusals();
        api.MapGet("", List).WithName("ListMembers").WithSummary("The negotiation's members (administrators).")
            .Requires(InstanceRequirement.Administrator);
        api.MapPut("{user}", Grant).WithName("GrantMembership").WithSummary("Grants or changes a user's membership (administrators).")
            .Requires(InstanceRequirement.Administrator);
        api.MapDelete("{user}", Revoke).WithName("RevokeMembership").WithSummary("Revokes a user's membership (administrators).")
            .Requires(InstanceRequirement.Administrator);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Member>>> List(string id, MembershipStore memberships, CancellationToken ct) =>
        TypedResults.Ok(await memberships.ListAsync(id, ct));

    private static async Task<NoContent> Grant(string id, string user, MemberInput body, MembershipStore memberships, HttpContext http, CancellationToken ct)
    {
        if (!Enum.TryParse<MemberRole>(body.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(body.Role, out _))
            throw new InvalidInputException("role", $"'{body.Role}' is not a role (mediator, delegation, guarantor, monitor, observer)");
        await Input.BuildAsync("membership", () => memberships.GrantAsync(id, user, role, body.Party, Actor.Of(http), ct));
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(string id, string user, MembershipStore memberships, HttpContext http, CancellationToken ct) =>
        await Input.BuildAsync("membership", () => memberships.RevokeAsync(id, user, Actor.Of(http), ct)) ? TypedResults.NoContent() : TypedResults.NotFound();
}
