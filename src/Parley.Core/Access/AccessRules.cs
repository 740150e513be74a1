using System.Collections.Frozen;

namespace Parley.Core.Access;

/// <summary>
/// The authorization matrix: which roles hold which <see cref="Permission"/> in a negotiation. This table is the one
/// place the rule lives; the server attaches a permission to every endpoint and page, and docs/access.md prints it.
/// Rules that depend on the item (a delegation acts only for its party, a guarantor records only what its party owes)
/// are checked in addition, by <see cref="Viewer.ActsFor"/> and the services that record.
/// </summary>
public static class AccessRules
{
    private static readonly FrozenDictionary<Permission, MemberRole[]> Matrix = new Dictionary<Permission, MemberRole[]>
    {
        [Permission.ReadTalks] = [MemberRole.Mediator, MemberRole.Delegation, MemberRole.Guarantor, MemberRole.Monitor, MemberRole.Observer],
        [Permission.ReadSettlement] = [MemberRole.Mediator, MemberRole.Delegation],
        [Permission.RecordForParty] = [MemberRole.Mediator, MemberRole.Delegation],
        [Permission.EditAgenda] = [MemberRole.Mediator],
        [Permission.EditDrafts] = [MemberRole.Mediator],
        [Permission.MonitorIncidents] = [MemberRole.Mediator, MemberRole.Monitor],
        [Permission.RecordCommitmentEvents] = [MemberRole.Mediator, MemberRole.Guarantor],
        [Permission.ManageNegotiation] = [MemberRole.Mediator],
    }.ToFrozenDictionary();

    /// <summary>True when <paramref name="role"/> holds <paramref name="permission"/>.</summary>
    public static bool Allows(MemberRole role, Permission permission) =>
        Matrix.TryGetValue(permission, out var roles) && Array.IndexOf(roles, role) >= 0;

    /// <summary>True when <paramref name="viewer"/> holds <paramref name="permission"/>.</summary>
    public static bool Allows(Viewer viewer, Permission permission) => Allows(viewer.Role, permission);

    /// <summary>The roles that hold <paramref name="permission"/>, in the enum's order.</summary>
    public static IReadOnlyList<MemberRole> RolesWith(Permission permission) => Matrix.TryGetValue(permission, out var roles) ? roles : [];
}
