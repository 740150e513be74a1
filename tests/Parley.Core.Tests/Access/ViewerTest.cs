using Parley.Core.Access;
using Parley.Core.Talks;

namespace Parley.Core.Tests.Access;

/// <summary>Who sees what (<see cref="Viewer.CanSee"/>) and who may act or label (<see cref="Viewer.ActsFor"/>, <see cref="Viewer.MayLabel"/>).</summary>
public partial class ViewerTest
{
    /// <summary>The viewers of a table where ua and ru negotiate: one per role, parties where the role takes one.</summary>
    private static Viewer As(string who) => who switch
    {
        "mediator" => new Viewer("med", MemberRole.Mediator),
        "delegation:ua" => new Viewer("olena", MemberRole.Delegation, "ua"),
        "guarantor:ua" => new Viewer("gary", MemberRole.Guarantor, "ua"),
        "guarantor" => new Viewer("gina", MemberRole.Guarantor),
        "monitor" => new Viewer("mo", MemberRole.Monitor),
        "observer" => new Viewer("obi", MemberRole.Observer),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    private static Visibility Label(string text) =>
        Visibility.TryParse(text, out var v) ? v : throw new ArgumentOutOfRangeException(nameof(text));

    // Every role × {shared, own party, other party, mediator}: "own" is ua, the party the viewer speaks for, if any.
    [Theory]
    [InlineData("mediator", "shared", true)]
    [InlineData("mediator", "party:ua", true)]
    [InlineData("mediator", "party:ru", true)]
    [InlineData("mediator", "mediator", true)]
    [InlineData("delegation:ua", "shared", true)]
    [InlineData("delegation:ua", "party:ua", true)]
    [InlineData("delegation:ua", "party:ru", false)]
    [InlineData("delegation:ua", "mediator", false)]
    [InlineData("guarantor:ua", "shared", true)]
    [InlineData("guarantor:ua", "party:ua", true)]
    [InlineData("guarantor:ua", "party:ru", false)]
    [InlineData("guarantor:ua", "mediator", false)]
    [InlineData("guarantor", "shared", true)]
    [InlineData("guarantor", "party:ua", false)]
    [InlineData("guarantor", "party:ru", false)]
    [InlineData("guarantor", "mediator", false)]
    [InlineData("monitor", "shared", true)]
    [InlineData("monitor", "party:ua", false)]
    [InlineData("monitor", "party:ru", false)]
    [InlineData("monitor", "mediator", false)]
    [InlineData("observer", "shared", true)]
    [InlineData("observer", "party:ua", false)]
    [InlineData("observer", "party:ru", false)]
    [InlineData("observer", "mediator", false)]
    public void CanSee_RoleAndScope_FollowsTheVisibilityRules(string viewer, string label, bool sees)
    {
        Assert.Equal(sees, As(viewer).CanSee(Label(label)));
    }

    [Fact]
    public void CanSee_PartyIdsCompareOrdinally_ADifferentlyCasedPartyIsAnother()
    {
        Assert.False(As("delegation:ua").CanSee(Visibility.PrivateTo("UA")));
    }

    [Fact]
    public void Operator_AnyUser_IsAMediatorThatSeesEveryLabel()
    {
        var op = Viewer.Operator("cli");

        Assert.Equal((MemberRole.Mediator, null, "cli"), (op.Role, op.Party, op.User));
        Assert.True(op.SeesEverything);
        Assert.All(new[] { "shared", "party:ua", "party:ru", "mediator" }, l => Assert.True(op.CanSee(Label(l))));
        Assert.True(op.ActsFor("ru"));
        Assert.True(op.MayLabel(Visibility.MediatorOnly));
    }

    [Theory]
    [InlineData("mediator", true)]
    [InlineData("delegation:ua", false)]
    [InlineData("guarantor:ua", false)]
    [InlineData("monitor", false)]
    [InlineData("observer", false)]
    public void SeesEverything_OnlyTheMediator(string viewer, bool everything)
    {
        Assert.Equal(everything, As(viewer).SeesEverything);
    }
}
