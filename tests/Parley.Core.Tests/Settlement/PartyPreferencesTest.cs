using Parley.Core.Settlement;
using Parley.Core.Talks;
using TalksIssue = Parley.Core.Talks.Issue;

namespace Parley.Core.Tests.Settlement;

/// <summary>
/// The profile rule of <see cref="PartyPreferences.CheckAgainst"/>: a profile may name only issues that everyone who may
/// read the profile can see, so that reading one's own profile reveals no hidden issue.
/// </summary>
public class PartyPreferencesTest
{
    private static Negotiation Talks()
    {
        var n = new Negotiation("t", "Test talks");
        n.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal]));
        n.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        n.AddIssue(Issue("nato", Visibility.Shared));
        n.AddIssue(Issue("sanctions", Visibility.MediatorOnly));
        n.AddIssue(Issue("kyiv-ask", Visibility.PrivateTo("ua")));
        n.AddIssue(Issue("moscow-ask", Visibility.PrivateTo("ru")));
        return n;
    }

    private static TalksIssue Issue(string id, Visibility visibility) =>
        new(id, id, "", 1, [new Option("yes", "Yes"), new Option("no", "No")], visibility: visibility);

    private static IssuePreference On(string issue) => new(issue, 1, [new("yes", 1.0), new("no", 0.0)]);

    private static PartyPreferences Profile(string party, Visibility? visibility, params string[] issues) =>
        new(party, issues.Select(On), visibility: visibility);

    private static OptionKey Yes(string issue) => new(issue, "yes");

    [Fact]
    public void CheckAgainst_SharedProfileOfAMediatorOnlyParty_RefusedNamingTheParty()
    {
        var n = Talks();
        n.AddParty(new Party("quiet", "Quiet party", [PartyRole.Observer], visibility: Visibility.MediatorOnly));

        var error = Assert.Throws<RuleRefusal>(() => Profile("quiet", Visibility.Shared, "nato").CheckAgainst(n));
        Assert.Equal("party", error.Field);
        Profile("quiet", Visibility.MediatorOnly, "nato").CheckAgainst(n);
    }

    [Fact]
    public void CheckAgainst_PartyPrivateProfileNamingAMediatorOnlyIssue_RefusedNamingTheIssue()
    {
        var profile = Profile("ua", null, "nato", "sanctions");

        var error = Assert.Throws<RuleRefusal>(() => profile.CheckAgainst(Talks()));

        Assert.Equal("issues.sanctions", error.Field);
        Assert.Contains("party:ua", error.Message);
    }

    [Fact]
    public void CheckAgainst_PartyPrivateProfileNamingItsOwnPartysIssue_Accepted()
    {
        Profile("ua", Visibility.PrivateTo("ua"), "nato", "kyiv-ask").CheckAgainst(Talks());
    }

    [Fact]
    public void CheckAgainst_PartyPrivateProfileNamingAnotherPartysIssue_Refused()
    {
        var error = Assert.Throws<RuleRefusal>(() => Profile("ua", null, "moscow-ask").CheckAgainst(Talks()));
        Assert.Equal("issues.moscow-ask", error.Field);
    }

    [Fact]
    public void CheckAgainst_SharedProfileNamingAPartyPrivateIssue_Refused()
    {
        var error = Assert.Throws<RuleRefusal>(() => Profile("ua", Visibility.Shared, "nato", "kyiv-ask").CheckAgainst(Talks()));
        Assert.Equal("issues.kyiv-ask", error.Field);
    }

    [Fact]
    public void CheckAgainst_SharedProfileNamingOnlySharedIssues_Accepted()
    {
        Profile("ru", Visibility.Shared, "nato").CheckAgainst(Talks());
    }

    [Fact]
    public void CheckAgainst_MediatorOnlyProfile_MayNameAnyIssue()
    {
        Profile("ua", Visibility.MediatorOnly, "nato", "sanctions", "kyiv-ask", "moscow-ask").CheckAgainst(Talks());
    }

    [Fact]
    public void CheckAgainst_RedLineOnAHiddenIssue_RefusedNamingTheRedLine()
    {
        var profile = new PartyPreferences("ua", [On("nato")], redLines: [Yes("sanctions")]);

        var error = Assert.Throws<RuleRefusal>(() => profile.CheckAgainst(Talks()));
        Assert.Equal("red_lines.sanctions", error.Field);
    }

    [Fact]
    public void CheckAgainst_ConstraintOnAHiddenIssue_RefusedNamingTheConstraint()
    {
        var profile = new PartyPreferences("ua", [On("nato")],
            constraints: [new PreferenceConstraint(ConstraintKind.Requires, Yes("nato"), Yes("moscow-ask"))]);

        var error = Assert.Throws<RuleRefusal>(() => profile.CheckAgainst(Talks()));
        Assert.Equal("constraints[0].requires.moscow-ask", error.Field);
    }

    [Fact]
    public void CheckAgainst_InteractionOnAHiddenIssue_RefusedNamingTheInteraction()
    {
        var profile = new PartyPreferences("ua", [On("nato")], interactions: [new PreferenceInteraction(Yes("sanctions"), Yes("nato"), 0.1)]);

        var error = Assert.Throws<RuleRefusal>(() => profile.CheckAgainst(Talks()));
        Assert.Equal("interactions[0].when.sanctions", error.Field);
    }
}
