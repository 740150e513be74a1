using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    private static readonly ContingencyAction AskSanctions = new(ActionKind.Request, "eu", "More sanctions on Russia");

    private static Negotiation WithContingency(ContingencyTrigger trigger, params Response[] responses)
    {
        var n = TalksAmong("ua", "ru", "eu").With(Party("us", PartyRole.Mediator)).With(Issue("energy", "truce"))
            .With(Offer("truce", "us", ["ua", "ru"], H(0), H(48), ("energy", "truce")));
        foreach (var r in responses) n.Respond("truce", r);
        n.AddContingency(new Contingency("if-ru-rejects", "ua", trigger, [AskSanctions]));
        return n;
    }

    [Fact]
    public void Compute_RejectionByTheWatchedParty_FiresAtTheRejection()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalRejected, "truce", "ru"), Reject("ru", H(5)));

        var fired = Assert.Single(n.StatusAt(H(6)).FiredContingencies);

        Assert.Equal("if-ru-rejects", fired.Contingency);
        Assert.Equal("ua", fired.Owner);
        Assert.Equal(H(5), fired.FiredAt);
        Assert.Equal([AskSanctions], fired.Actions);
    }

    [Fact]
    public void Compute_BeforeTheRejection_NothingFires()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalRejected, "truce", "ru"), Reject("ru", H(5)));

        Assert.Empty(n.StatusAt(H(5).AddTicks(-1)).FiredContingencies);
        Assert.Single(n.StatusAt(H(5)).FiredContingencies);
    }

    [Fact]
    public void Compute_RejectionByAnotherParty_DoesNotFireAPartySpecificTrigger()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalRejected, "truce", "ru"), Reject("ua", H(5)));

        Assert.Empty(n.StatusAt(H(6)).FiredContingencies);
    }

    [Fact]
    public void Compute_RejectionByAnyone_FiresATriggerWithoutParty()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalRejected, "truce"), Reject("ua", H(5)));

        Assert.Equal(H(5), Assert.Single(n.StatusAt(H(6)).FiredContingencies).FiredAt);
    }

    [Fact]
    public void Compute_WatchedPartyRejectsAfterAnotherAlreadyDid_DoesNotFire()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalRejected, "truce", "ru"),
            Reject("ua", H(5)), Reject("ru", H(6)));

        Assert.Empty(n.StatusAt(H(7)).FiredContingencies);
    }

    [Fact]
    public void Compute_OfferExpires_FiresAtTheDeadlineNotBefore()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalExpired, "truce"), Accept("ua", H(5)));

        Assert.Empty(n.StatusAt(H(48).AddTicks(-1)).FiredContingencies);
        Assert.Equal(H(48), Assert.Single(n.StatusAt(H(48)).FiredContingencies).FiredAt);
    }

    [Fact]
    public void Compute_OfferRejected_DoesNotFireAnExpiryTrigger()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalExpired, "truce"), Reject("ru", H(5)));

        Assert.Empty(n.StatusAt(H(100)).FiredContingencies);
    }

    [Fact]
    public void Compute_OfferAccepted_FiresAnAcceptanceTriggerNotARejectionOne()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("energy", "truce"))
            .With(Offer("truce", "us", ["ua", "ru"], H(0), H(48), ("energy", "truce")));
        n.Respond("truce", Accept("ua", H(1)));
        n.Respond("truce", Accept("ru", H(2)));
        n.AddContingency(new Contingency("on-accept", "us", new(TriggerKind.ProposalAccepted, "truce"), [CommitLongRange]));
        n.AddContingency(new Contingency("on-reject", "ua", new(TriggerKind.ProposalRejected, "truce"), [CommitLongRange]));

        var fired = Assert.Single(n.StatusAt(H(3)).FiredContingencies);

        Assert.Equal(("on-accept", H(2)), (fired.Contingency, fired.FiredAt));
    }

    [Fact]
    public void Compute_OfferWithdrawn_FiresAWithdrawalTrigger()
    {
        var n = WithContingency(new ContingencyTrigger(TriggerKind.ProposalWithdrawn, "truce"));
        n.Withdraw("truce", H(3));

        Assert.Empty(n.StatusAt(H(3).AddTicks(-1)).FiredContingencies);
        Assert.Equal(H(3), Assert.Single(n.StatusAt(H(3)).FiredContingencies).FiredAt);
    }

    [Fact]
    public void Compute_SeveralFired_EarliestFirst()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("energy", "truce"))
            .With(Offer("late", "us", ["ua", "ru"], H(0), H(48), ("energy", "truce")))
            .With(Offer("early", "us", ["ua", "ru"], H(0), H(10), ("energy", "truce")));
        n.AddContingency(new Contingency("c-late", "ua", new(TriggerKind.ProposalExpired, "late"), [CommitLongRange]));
        n.AddContingency(new Contingency("c-early", "ua", new(TriggerKind.ProposalExpired, "early"), [CommitLongRange]));

        Assert.Equal(["c-early", "c-late"], n.StatusAt(H(50)).FiredContingencies.Select(f => f.Contingency));
    }

    private static readonly ContingencyAction CommitLongRange = new(ActionKind.Commit, "ua", "Ask for long-range weapons");
}
