using Parley.Core.Access;
using static Parley.Core.Access.MemberRole;
using static Parley.Core.Access.Permission;

namespace Parley.Core.Tests.Access;

/// <summary>The authorization matrix as documented on <see cref="AccessRules"/> (and printed in docs/access.md).</summary>
public class AccessRulesTest
{
    // The documented matrix, written out independently of the code: permission → roles holding it.
    private static readonly Dictionary<Permission, MemberRole[]> Documented = new()
    {
        [ReadTalks] = [Mediator, Delegation, Guarantor, MemberRole.Monitor, Observer],
        [ReadSettlement] = [Mediator, Delegation],
        [RecordForParty] = [Mediator, Delegation],
        [EditAgenda] = [Mediator],
        [EditDrafts] = [Mediator],
        [MonitorIncidents] = [Mediator, MemberRole.Monitor],
        [RecordCommitmentEvents] = [Mediator, Guarantor],
        [ManageNegotiation] = [Mediator],
    };

    [Fact]
    public void Allows_EveryRoleAndPermission_MatchesTheDocumentedMatrix()
    {
        Assert.Equal(Enum.GetValues<Permission>().Order(), Documented.Keys.Order());
        foreach (var permission in Enum.GetValues<Permission>())
            foreach (var role in Enum.GetValues<MemberRole>())
                Assert.True(Documented[permission].Contains(role) == AccessRules.Allows(role, permission),
                    $"{role} × {permission}: expected {(Documented[permission].Contains(role) ? "allowed" : "denied")}");
    }

    [Fact]
    public void Allows_Observer_OnlyReadTalks()
    {
        Assert.Equal([ReadTalks], Enum.GetValues<Permission>().Where(p => AccessRules.Allows(Observer, p)));
    }

    [Fact]
    public void Allows_Delegation_RecordsForItsPartyButCannotEditTheAgenda()
    {
        Assert.True(AccessRules.Allows(Delegation, RecordForParty));
        Assert.True(AccessRules.Allows(Delegation, ReadSettlement));
        Assert.False(AccessRules.Allows(Delegation, EditAgenda));
        Assert.False(AccessRules.Allows(Delegation, ManageNegotiation));
    }

    [Fact]
    public void Allows_Guarantor_RecordsCommitmentEventsOnly()
    {
        Assert.True(AccessRules.Allows(Guarantor, RecordCommitmentEvents));
        Assert.False(AccessRules.Allows(Guarantor, RecordForParty));
        Assert.False(AccessRules.Allows(Guarantor, ReadSettlement));
    }

    [Fact]
    public void Allows_Monitor_MonitorsIncidentsButDoesNotRecordForAParty()
    {
        Assert.True(AccessRules.Allows(MemberRole.Monitor, MonitorIncidents));
        Assert.False(AccessRules.Allows(MemberRole.Monitor, RecordForParty));
        Assert.False(AccessRules.Allows(MemberRole.Monitor, RecordCommitmentEvents));
    }

    [Fact]
    public void Allows_EveryPermission_HeldByTheMediator()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(AccessRules.Allows(Mediator, p), $"mediator lacks {p}"));
    }

    [Fact]
    public void Allows_UnknownPermission_Denied()
    {
        Assert.False(AccessRules.Allows(Mediator, (Permission)99));
        Assert.Empty(AccessRules.RolesWith((Permission)99));
    }

    [Fact]
    public void Allows_Viewer_UsesItsRole()
    {
        Assert.True(AccessRules.Allows(new Viewer("g", Guarantor, "us"), RecordCommitmentEvents));
        Assert.False(AccessRules.Allows(new Viewer("o", Observer), RecordCommitmentEvents));
    }

    [Fact]
    public void RolesWith_EveryPermission_TheDocumentedRolesInEnumOrder()
    {
        foreach (var permission in Enum.GetValues<Permission>())
            Assert.Equal(Documented[permission], AccessRules.RolesWith(permission));
    }
}
