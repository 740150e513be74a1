using Microsoft.Extensions.Time.Testing;
using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class ProposalTest
{
    private static Proposal UsOffer(DateTimeOffset? expires = null, params Response[] responses) =>
        new("us-offer", "us", "US peace framework", new Dictionary<string, string> { ["pows"] = "swap" },
            ["ua", "ru"], H(0), expires, responses);

    [Fact]
    public void StateAsOf_BeforeCreated_IsNull()
    {
        Assert.Null(UsOffer(H(24)).StateAsOf(H(0).AddTicks(-1)));
    }

    [Fact]
    public void StateAsOf_AtCreated_IsOpenSinceCreated()
    {
        Assert.Equal((ProposalState.Open, H(0)), UsOffer(H(24)).StateAsOf(H(0)));
    }

    [Fact]
    public void StateAsOf_EveryAddresseeAccepted_IsAcceptedSinceTheLastAcceptance()
    {
        var offer = UsOffer(H(24), Accept("ru", H(3)), Accept("ua", H(1)));

        Assert.Equal((ProposalState.Open, H(0)), offer.StateAsOf(H(3).AddTicks(-1)));
        Assert.Equal((ProposalState.Accepted, H(3)), offer.StateAsOf(H(3)));
        Assert.Equal((ProposalState.Accepted, H(3)), offer.StateAsOf(H(100)));
    }

    [Fact]
    public void StateAsOf_OneAddresseeRejects_IsRejectedSinceTheRejection()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Reject("ru", H(2)));

        Assert.Equal((ProposalState.Open, H(0)), offer.StateAsOf(H(2).AddTicks(-1)));
        Assert.Equal((ProposalState.Rejected, H(2)), offer.StateAsOf(H(2)));
    }

    [Fact]
    public void StateAsOf_Withdrawn_IsWithdrawnSinceTheWithdrawal()
    {
        var offer = UsOffer(H(24)).WithdrawnAt(H(4));

        Assert.Equal(ProposalState.Open, offer.StateAsOf(H(4).AddTicks(-1))!.Value.State);
        Assert.Equal((ProposalState.Withdrawn, H(4)), offer.StateAsOf(H(4)));
    }

    [Fact]
    public void StateAsOf_DrivenByAClock_OpenOneTickBeforeTheDeadlineExpiredAtIt()
    {
        var clock = new FakeTimeProvider(H(0));
        var offer = UsOffer(clock.GetUtcNow().AddDays(3));

        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromTicks(1));
        var before = offer.StateAsOf(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromTicks(1));
        var at = offer.StateAsOf(clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(1));
        var after = offer.StateAsOf(clock.GetUtcNow());

        Assert.Equal((ProposalState.Open, H(0)), before);
        Assert.Equal((ProposalState.Expired, H(72)), at);
        Assert.Equal((ProposalState.Expired, H(72)), after);
    }

    [Fact]
    public void StateAsOf_LastAcceptanceAtTheDeadlineInstant_IsTooLate()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(24)));

        Assert.Equal((ProposalState.Expired, H(24)), offer.StateAsOf(H(24)));
    }

    [Fact]
    public void StateAsOf_LastAcceptanceOneSecondBeforeTheDeadline_Counts()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(24).AddSeconds(-1)));

        Assert.Equal((ProposalState.Accepted, H(24).AddSeconds(-1)), offer.StateAsOf(H(24)));
    }

    [Fact]
    public void StateAsOf_RejectionAtTheDeadlineInstant_IsTooLate()
    {
        var offer = UsOffer(H(24), Reject("ru", H(24)));

        Assert.Equal(ProposalState.Expired, offer.StateAsOf(H(30))!.Value.State);
    }

    [Fact]
    public void StateAsOf_RejectionAfterAcceptance_IsIgnored()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(2)), Reject("ru", H(3)));

        Assert.Equal((ProposalState.Accepted, H(2)), offer.StateAsOf(H(10)));
    }

    [Fact]
    public void StateAsOf_AcceptanceAfterRejection_IsIgnored()
    {
        var offer = UsOffer(H(24), Reject("ru", H(1)), Accept("ru", H(2)), Accept("ua", H(3)));

        Assert.Equal((ProposalState.Rejected, H(1)), offer.StateAsOf(H(10)));
    }

    [Fact]
    public void StateAsOf_WithdrawalAfterAcceptance_IsIgnored()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(2))).WithdrawnAt(H(5));

        Assert.Equal((ProposalState.Accepted, H(2)), offer.StateAsOf(H(10)));
    }

    [Fact]
    public void StateAsOf_AnswersAfterWithdrawal_AreIgnored()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(6))).WithdrawnAt(H(5));

        Assert.Equal((ProposalState.Withdrawn, H(5)), offer.StateAsOf(H(10)));
    }

    [Fact]
    public void StateAsOf_WithdrawalAfterExpiry_StaysExpired()
    {
        var offer = UsOffer(H(24)).WithdrawnAt(H(30));

        Assert.Equal((ProposalState.Expired, H(24)), offer.StateAsOf(H(40)));
    }

    [Fact]
    public void StateAsOf_WithdrawalBeforeExpiry_StaysWithdrawn()
    {
        var offer = UsOffer(H(24)).WithdrawnAt(H(20));

        Assert.Equal((ProposalState.Withdrawn, H(20)), offer.StateAsOf(H(40)));
    }

    [Fact]
    public void StateAsOf_AcceptanceAndRejectionAtTheSameInstant_RejectionWins()
    {
        // ru accepted early, then at H(5) ua accepts while ru retracts: per the documented tie order the
        // rejection decides, whatever order the answers were recorded in.
        var offer = UsOffer(H(24), Accept("ru", H(1)), Accept("ua", H(5)), Reject("ru", H(5)));

        Assert.Equal((ProposalState.Rejected, H(5)), offer.StateAsOf(H(6)));
    }

    [Fact]
    public void StateAsOf_AcceptanceAtTheWithdrawalInstant_StillCounts()
    {
        var offer = UsOffer(H(24), Accept("ua", H(1)), Accept("ru", H(5))).WithdrawnAt(H(5));

        Assert.Equal((ProposalState.Accepted, H(5)), offer.StateAsOf(H(10)));
    }

    [Fact]
    public void StateAsOf_WithdrawnAtTheDeadlineInstant_IsExpired()
    {
        var offer = UsOffer(H(24)).WithdrawnAt(H(24));

        Assert.Equal((ProposalState.Expired, H(24)), offer.StateAsOf(H(24)));
    }

    [Fact]
    public void StateAsOf_AnswerFromANonAddressee_IsIgnored()
    {
        var offer = UsOffer(H(24), Reject("gb", H(1)), Accept("us", H(2)));

        Assert.Equal((ProposalState.Open, H(0)), offer.StateAsOf(H(3)));
    }

    [Fact]
    public void WithResponse_RecordedOutOfOrder_KeepsAnswersInTimeOrder()
    {
        var offer = UsOffer(H(24)).WithResponse(Accept("ru", H(3))).WithResponse(Accept("ua", H(1)));

        Assert.Equal([H(1), H(3)], offer.Responses.Select(r => r.At));
    }
}
