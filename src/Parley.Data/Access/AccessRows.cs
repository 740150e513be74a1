using Microsoft.AspNetCore.Identity;

namespace Parley.Data.Access;

/// <summary>
/// A person who signs in (ASP.NET Core Identity: password hash, lockout, passkeys, external logins). What the user
/// may see comes only from <see cref="MembershipRow"/>s; <see cref="IsAdministrator"/> lets the user create
/// negotiations and grant memberships, and grants no reading by itself.
/// </summary>
public sealed class ParleyUser : IdentityUser
{
    /// <summary>An instance administrator: creates negotiations, grants and revokes memberships.</summary>
    public bool IsAdministrator { get; set; }
}

/// <summary>
/// One membership: user × negotiation × role [× party]. At most one per user and negotiation. No foreign key to the
/// negotiation, so that replacing a negotiation (delete and insert in one transaction) keeps its members.
/// </summary>
public sealed class MembershipRow
{
    /// <summary>The negotiation.</summary>
    public required string NegotiationId { get; set; }

    /// <summary>The member: the user's id.</summary>
    public required string UserId { get; set; }

    /// <summary>The role, stored by name (<see cref="Core.Access.MemberRole"/>).</summary>
    public required string Role { get; set; }

    /// <summary>The party a delegation (or a guarantor) speaks for; null otherwise.</summary>
    public string? Party { get; set; }

    /// <summary>When it was granted (record time).</summary>
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>Who granted it.</summary>
    public required string GrantedBy { get; set; }
}

/// <summary>
/// A personal API token. Only the SHA-256 of the secret is stored; the secret is shown once when created. A token
/// acts as its user, limited to one negotiation when <see cref="NegotiationId"/> is set, until revoked or expired.
/// </summary>
public sealed class ApiTokenRow
{
    /// <summary>The token's public id (also the first part of the secret), e.g. <c>k3v9x2m4</c>.</summary>
    public required string Id { get; set; }

    /// <summary>The owner.</summary>
    public required string UserId { get; set; }

    /// <summary>A label for the owner's list.</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The only negotiation the token reaches, or null for every negotiation the user is a member of.</summary>
    public string? NegotiationId { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working by itself, or null.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When it was revoked, or null while valid.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
