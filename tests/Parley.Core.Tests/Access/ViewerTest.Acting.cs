using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Access;

public partial class ViewerTest
{
    [Theory]
    [InlineData("mediator", "ua", true)]
    [InlineData("mediator", "ru", true)]
    [InlineData("delegation:ua", "ua", true)]
    [InlineData("delegation:ua", "ru", false)]
    [InlineData("guarantor:ua", "ua", false)]
    [InlineData("guarantor", "ua", false)]
    [InlineData("monitor", "ua", false)]
    [InlineData("observer", "ua", false)]
    public void ActsFor_RoleAndParty_OnlyMediatorAndOwnDelegation(string viewer, string party, bool acts)
    {
        Assert.Equal(acts, As(viewer).ActsFor(party));
    }

    [Theory]
    [InlineData("shared", true)]
    [InlineData("party:ua", true)]
    [InlineData("party:ru", false)]
    [InlineData("mediator", false)]
    public void MayLabel_Delegation_SharedOrItsOwnPartyOnly(string label, bool may)
    {
        Assert.Equal(may, As("delegation:ua").MayLabel(Label(label)));
    }

    [Theory]
    [InlineData("shared")]
    [InlineData("party:ua")]
    [InlineData("party:ru")]
    [InlineData("mediator")]
    public void MayLabel_Mediator_AnyLabel(string label)
    {
        Assert.True(As("mediator").MayLabel(Label(label)));
    }

    // A label the viewer could not read back, or the mediator's, is never one it may give.
    [Theory]
    [InlineData("guarantor:ua", "party:ua", true)]
    [InlineData("guarantor:ua", "party:ru", false)]
    [InlineData("guarantor:ua", "mediator", false)]
    [InlineData("guarantor", "party:ua", false)]
    [InlineData("monitor", "party:ua", false)]
    [InlineData("monitor", "mediator", false)]
    [InlineData("observer", "party:ua", false)]
    [InlineData("observer", "mediator", false)]
    public void MayLabel_OtherRoles_OnlyLabelsTheySeeAndNeverTheMediators(string viewer, string label, bool may)
    {
        Assert.Equal(may, As(viewer).MayLabel(Label(label)));
    }

    [Theory]
    [InlineData("mediator")]
    [InlineData("delegation:ua")]
    [InlineData("guarantor:ua")]
    [InlineData("monitor")]
    [InlineData("observer")]
    public void MayLabel_AnyViewer_ImpliesItCanSeeTheLabel(string viewer)
    {
        var v = As(viewer);
        foreach (var label in new[] { "shared", "party:ua", "party:ru", "mediator" })
            if (v.MayLabel(Label(label))) Assert.True(v.CanSee(Label(label)), $"{viewer} may give {label} but cannot read it back");
    }
}
