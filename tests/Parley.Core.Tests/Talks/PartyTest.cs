using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class PartyTest
{
    [Fact]
    public void Construction_SeveralRoles_KeptDistinctInEnumOrder()
    {
        var us = new Party("us", "United States", [PartyRole.Guarantor, PartyRole.Mediator, PartyRole.Guarantor]);

        Assert.Equal([PartyRole.Mediator, PartyRole.Guarantor], us.Roles);
        Assert.True(us.Has(PartyRole.Guarantor));
        Assert.False(us.Has(PartyRole.Principal));
    }

    [Fact]
    public void Construction_NoRole_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Party("us", "United States", []));
        Assert.Equal("roles", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedId_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Party("united states", "United States", [PartyRole.Mediator]));
        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Construction_BlankName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Party("us", "", [PartyRole.Mediator]));
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void Construction_DuplicateDelegate_Throws()
    {
        var witkoff = new PartyDelegate("witkoff", "Steve Witkoff", "Special Envoy");

        var error = Assert.Throws<ArgumentException>(() => new Party("us", "United States", [PartyRole.Mediator], [witkoff, witkoff]));
        Assert.Contains("witkoff", error.Message);
    }

    [Fact]
    public void Delegate_MalformedIdOrBlankName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PartyDelegate("steve witkoff", "Steve Witkoff", ""));
        Assert.Throws<ArgumentException>(() => new PartyDelegate("witkoff", " ", ""));
    }
}
