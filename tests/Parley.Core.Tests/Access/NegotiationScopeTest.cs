using System.Text.Json;
using Parley.Core.Access;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using TalksIssue = Parley.Core.Talks.Issue;

namespace Parley.Core.Tests.Access;

/// <summary>The negotiation and profiles as one viewer may see them (<see cref="NegotiationScope"/>).</summary>
public partial class NegotiationScopeTest
{
    private static readonly DateTimeOffset T = new(2025, 12, 14, 10, 0, 0, TimeSpan.Zero);

    private static readonly Viewer Mediator = new("med", MemberRole.Mediator);
    private static readonly Viewer Ukraine = new("olena", MemberRole.Delegation, "ua");
    private static readonly Viewer Russia = new("yuri", MemberRole.Delegation, "ru");
    private static readonly Viewer Observer = new("obi", MemberRole.Observer);

    /// <summary>
    /// Territory: Russia's shared position rejects a withdrawal; Ukraine's red line on a freeze is told to the mediator
    /// only (private to Ukraine). With it every option is rejected by someone; without it only one is.
    /// </summary>
    private static Negotiation RedLineTold()
    {
        var n = new Negotiation("geneva", "Geneva talks");
        n.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal]));
        n.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        n.AddParty(new Party("us", "United States", [PartyRole.Mediator]));
        n.AddIssue(new TalksIssue("territory", "Territory", "", 1, [new Option("freeze", "Freeze"), new Option("withdraw", "Withdraw")]));
        n.RecordPosition(new Position("ru-1", "ru", "territory", T, new Dictionary<string, Stance> { ["freeze"] = Preferred, ["withdraw"] = RedLine }));
        n.RecordPosition(new Position("ua-1", "ua", "territory", T, new Dictionary<string, Stance> { ["freeze"] = RedLine, ["withdraw"] = Preferred },
            visibility: Visibility.PrivateTo("ua")));
        return n;
    }

    [Fact]
    public void For_Mediator_TheSameInstance()
    {
        var n = RedLineTold();

        Assert.Same(n, NegotiationScope.For(n, Mediator));
        Assert.Same(n, NegotiationScope.For(n, Viewer.Operator("cli")));
    }

    [Fact]
    public void For_Observer_PrivateRedLineLeftOutAndTheIssueNotBlocked()
    {
        var n = RedLineTold();

        var scoped = NegotiationScope.For(n, Observer);

        Assert.Equal(["ru-1"], scoped.Positions.Select(p => p.Id));
        Assert.Equal(IssueStatus.Blocked, TalksStatus.Compute(n, T).Issues[0].Status);
        var seen = TalksStatus.Compute(scoped, T).Issues[0];
        Assert.Equal(IssueStatus.Open, seen.Status);
        Assert.Equal(["ua"], seen.MissingPositions);
        Assert.Equal(["ru"], seen.Blockers.Select(b => b.Party));
    }

    [Fact]
    public void For_Delegations_TheOwnerSeesItsRedLineBlockTheIssueTheOtherDoesNot()
    {
        var n = RedLineTold();

        Assert.Equal(IssueStatus.Blocked, TalksStatus.Compute(NegotiationScope.For(n, Ukraine), T).Issues[0].Status);
        Assert.Equal(IssueStatus.Open, TalksStatus.Compute(NegotiationScope.For(n, Russia), T).Issues[0].Status);
    }

    [Fact]
    public void For_Observer_StatusEqualsThatOfTheVisibleItemsBuiltByHand()
    {
        var n = RedLineTold();
        var byHand = new Negotiation("geneva", "Geneva talks");
        byHand.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal]));
        byHand.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        byHand.AddParty(new Party("us", "United States", [PartyRole.Mediator]));
        byHand.AddIssue(new TalksIssue("territory", "Territory", "", 1, [new Option("freeze", "Freeze"), new Option("withdraw", "Withdraw")]));
        byHand.RecordPosition(new Position("ru-1", "ru", "territory", T, new Dictionary<string, Stance> { ["freeze"] = Preferred, ["withdraw"] = RedLine }));

        var scoped = NegotiationScope.For(n, Observer);

        Assert.Equal(JsonSerializer.Serialize(TalksStatus.Compute(byHand, T)), JsonSerializer.Serialize(TalksStatus.Compute(scoped, T)));
        Assert.NotEqual(JsonSerializer.Serialize(TalksStatus.Compute(n, T)), JsonSerializer.Serialize(TalksStatus.Compute(scoped, T)));
    }

    [Fact]
    public void For_Observer_AMediatorOnlyAgreementDoesNotCountInTheAgreedShare()
    {
        var n = RedLineTold();
        n.RecordAgreement(new Agreement("deal", "territory", "freeze", ["ua", "ru"], T, visibility: Visibility.MediatorOnly));

        Assert.Equal(1, TalksStatus.Compute(n, T).AgreedShare);
        Assert.Equal(0, TalksStatus.Compute(NegotiationScope.For(n, Observer), T).AgreedShare);
        Assert.Equal(0, TalksStatus.Compute(NegotiationScope.For(n, Ukraine), T).AgreedShare);
    }

    [Fact]
    public void For_AnyoneButTheMediator_ANewNegotiationThatLeavesTheOriginalAlone()
    {
        var n = RedLineTold();

        var scoped = NegotiationScope.For(n, Russia);
        scoped.AddParty(new Party("tr", "Türkiye", [PartyRole.Observer]));

        Assert.NotSame(n, scoped);
        Assert.Null(n.FindParty("tr"));
        Assert.Equal(2, n.Positions.Count);
    }

    [Fact]
    public void For_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => NegotiationScope.For(null!, Observer));
        Assert.Throws<ArgumentNullException>(() => NegotiationScope.For(RedLineTold(), null!));
    }

    // Profiles

    private static PartyPreferences Profile(string party, Visibility? visibility = null) =>
        new(party, [new IssuePreference("territory", 1, [new("freeze", 1.0), new("withdraw", 0.0)])], visibility: visibility);

    [Fact]
    public void Profiles_Mediator_Every()
    {
        PartyPreferences[] profiles = [Profile("ua"), Profile("ru"), Profile("us", Visibility.MediatorOnly)];

        Assert.Equal(profiles, NegotiationScope.Profiles(profiles, Mediator));
    }

    [Fact]
    public void Profiles_Delegation_ItsOwnOnly()
    {
        PartyPreferences[] profiles = [Profile("ua"), Profile("ru"), Profile("us", Visibility.MediatorOnly)];

        Assert.Equal(["ua"], NegotiationScope.Profiles(profiles, Ukraine).Select(p => p.Party));
        Assert.Equal(["ru"], NegotiationScope.Profiles(profiles, Russia).Select(p => p.Party));
    }

    [Theory]
    [InlineData(MemberRole.Observer, null)]
    [InlineData(MemberRole.Monitor, null)]
    [InlineData(MemberRole.Guarantor, null)]
    [InlineData(MemberRole.Guarantor, "ua")]
    public void Profiles_NoDelegation_NoneByDefault(MemberRole role, string? party)
    {
        PartyPreferences[] profiles = [Profile("ua"), Profile("ru"), Profile("us", Visibility.MediatorOnly)];

        Assert.Empty(NegotiationScope.Profiles(profiles, new Viewer("someone", role, party)));
    }

    [Fact]
    public void Profiles_SharedProfile_ReadByEveryone()
    {
        PartyPreferences[] profiles = [Profile("ua"), Profile("ru", Visibility.Shared)];

        Assert.Equal(["ru"], NegotiationScope.Profiles(profiles, Observer).Select(p => p.Party));
        Assert.Equal(["ua", "ru"], NegotiationScope.Profiles(profiles, Ukraine).Select(p => p.Party));
    }
}
