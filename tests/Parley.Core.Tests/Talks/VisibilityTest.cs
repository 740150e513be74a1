using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class VisibilityTest
{
    [Fact]
    public void Default_Unlabelled_IsShared()
    {
        Assert.Equal(Visibility.Shared, default(Visibility));
        Assert.Equal("shared", default(Visibility).ToString());
    }

    [Fact]
    public void PrivateTo_AParty_NamesTheParty()
    {
        var visibility = Visibility.PrivateTo("ua");

        Assert.Equal((VisibilityScope.Party, "ua"), (visibility.Scope, visibility.Party));
        Assert.Equal("party:ua", visibility.ToString());
    }

    [Fact]
    public void Construction_PartyScopeWithoutParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Visibility(VisibilityScope.Party));
    }

    [Fact]
    public void Construction_MediatorScopeNamingAParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Visibility(VisibilityScope.Mediator, "ua"));
    }
}
