using Microsoft.Extensions.Time.Testing;
using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    private static Negotiation WithUsOffer(Proposal offer) =>
        TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("pows", "swap", "none")).With(offer);

    [Fact]
    public void Compute_OfferWithDeadlineDrivenByTheClock_OpenWithTimeLeftThenExpiredAtTheDeadline()
    {
        var clock = new FakeTimeProvider(H(0));
        var deadline = H(0).AddDays(5);
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], clock.GetUtcNow(), deadline, ("pows", "swap")));

        clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromTicks(1));
        var justBefore = n.ProposalAt("us-offer", clock.GetUtcNow());
        clock.Advance(TimeSpan.FromTicks(1));
        var atDeadline = n.StatusAt(clock.GetUtcNow());

        Assert.Equal(ProposalState.Open, justBefore.State);
        Assert.Equal(TimeSpan.FromTicks(1), justBefore.TimeLeft);
        var expired = Assert.Single(atDeadline.ExpiredOffers);
        Assert.Equal(deadline, expired.Since);
        Assert.Null(expired.TimeLeft);
        Assert.Empty(atDeadline.OpenOffers);
    }

    [Fact]
    public void Compute_OpenOffer_TimeLeftIsDeadlineMinusAsOf()
    {
        var clock = new FakeTimeProvider(H(0));
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], H(0), H(72), ("pows", "swap")));

        clock.Advance(TimeSpan.FromHours(30));
        var report = n.ProposalAt("us-offer", clock.GetUtcNow());

        Assert.Equal(TimeSpan.FromHours(42), report.TimeLeft);
        Assert.Equal(H(72), report.Expires);
        Assert.Equal("us", report.Author);
    }

    [Fact]
    public void Compute_OpenEndedOffer_HasNoTimeLeft()
    {
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], H(0), null, ("pows", "swap")));

        var report = n.ProposalAt("us-offer", H(1000));

        Assert.Equal(ProposalState.Open, report.State);
        Assert.Null(report.TimeLeft);
    }

    [Fact]
    public void Compute_AcceptanceAtTheDeadlineInstant_IsTooLateAndAgreesNothing()
    {
        var clock = new FakeTimeProvider(H(0));
        var deadline = H(24);
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], H(0), deadline, ("pows", "swap")));
        n.Respond("us-offer", Accept("ua", H(1)));
        n.Respond("us-offer", Accept("ru", deadline));

        clock.Advance(TimeSpan.FromHours(25));
        var status = n.StatusAt(clock.GetUtcNow());

        Assert.Equal(ProposalState.Expired, status.Proposals.Single().State);
        Assert.NotEqual(IssueStatus.Agreed, status.Issues.Single().Status);
    }

    [Fact]
    public void Compute_AcceptanceOneSecondBeforeTheDeadline_CountsAndAgreesThePackage()
    {
        var clock = new FakeTimeProvider(H(0));
        var deadline = H(24);
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], H(0), deadline, ("pows", "swap")));
        n.Respond("us-offer", Accept("ua", H(1)));
        n.Respond("us-offer", Accept("ru", deadline.AddSeconds(-1)));

        clock.Advance(TimeSpan.FromHours(25));
        var status = n.StatusAt(clock.GetUtcNow());

        var offer = status.Proposals.Single();
        Assert.Equal(ProposalState.Accepted, offer.State);
        Assert.Equal(deadline.AddSeconds(-1), offer.Since);
        Assert.Equal("swap", status.Issues.Single().AgreedOption);
    }

    [Fact]
    public void Compute_BeforeAProposalIsMade_LeavesItOutOfTheReport()
    {
        var n = WithUsOffer(Offer("us-offer", "us", ["ua", "ru"], H(10), H(20), ("pows", "swap")));

        Assert.Empty(n.StatusAt(H(10).AddTicks(-1)).Proposals);
        Assert.Equal(ProposalState.Open, Assert.Single(n.StatusAt(H(10)).Proposals).State);
    }
}
