using Parley.Core.Access;

namespace Parley.Core.Tests.Access;

public partial class ViewerTest
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Construction_BlankUser_Throws(string user)
    {
        var error = Assert.Throws<ArgumentException>(() => new Viewer(user, MemberRole.Mediator));

        Assert.Equal("user", error.ParamName);
        Assert.StartsWith("A viewer names its user.", error.Message);
    }

    [Fact]
    public void Construction_DelegationWithoutParty_ThrowsAskingForIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new Viewer("olena", MemberRole.Delegation));

        Assert.Equal("party", error.ParamName);
        Assert.StartsWith("A delegation speaks for a party; name it.", error.Message);
    }

    [Theory]
    [InlineData(MemberRole.Mediator, "A mediator speaks for no party.")]
    [InlineData(MemberRole.Monitor, "A monitor speaks for no party.")]
    [InlineData(MemberRole.Observer, "An observer speaks for no party.")]
    public void Construction_PartyForARoleWithoutOne_ThrowsNamingTheRole(MemberRole role, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new Viewer("someone", role, "ua"));

        Assert.Equal("party", error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Construction_UnknownRole_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Viewer("someone", (MemberRole)42));

        Assert.Equal("role", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedParty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Viewer("olena", MemberRole.Delegation, "u a"));

        Assert.Equal("party", error.ParamName);
    }

    [Theory]
    [InlineData(MemberRole.Guarantor, null)]
    [InlineData(MemberRole.Guarantor, "us")]
    [InlineData(MemberRole.Delegation, "ua")]
    public void Construction_PartyWhereTheRoleAllowsOne_KeepsIt(MemberRole role, string? party)
    {
        var viewer = new Viewer("someone", role, party);

        Assert.Equal((role, party), (viewer.Role, viewer.Party));
    }

    [Fact]
    public void ToString_Delegation_NamesUserRoleAndParty()
    {
        Assert.Equal("olena (Delegation of ua)", new Viewer("olena", MemberRole.Delegation, "ua").ToString());
        Assert.Equal("ann (Observer)", new Viewer("ann", MemberRole.Observer).ToString());
    }
}
