using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class NegotiationTest
{
    private static Negotiation UaChangesItsMind()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "membership", "no-membership"));
        n.RecordPosition(Position("p1", "ua", "nato", H(0), ("membership", Preferred)));
        n.RecordPosition(Position("p2", "ua", "nato", H(24), ("membership", RedLine)));
        n.RecordPosition(Position("p3", "ua", "nato", H(24), ("membership", Acceptable)));
        n.RecordPosition(Position("p4", "ru", "nato", H(48), ("no-membership", Preferred)));
        return n;
    }

    [Fact]
    public void PositionsAsOf_BeforeAChange_TheEarlierPositionHolds() =>
        Assert.Equal("p1", UaChangesItsMind().PositionsAsOf(H(24).AddTicks(-1))[("ua", "nato")].Id);

    [Fact]
    public void PositionsAsOf_TwoAtTheSameInstant_TheOneRecordedLastHolds() =>
        Assert.Equal("p3", UaChangesItsMind().PositionsAsOf(H(24))[("ua", "nato")].Id);

    [Fact]
    public void PositionsAsOf_BeforeAPartyFirstSpeaks_NothingForIt() =>
        Assert.False(UaChangesItsMind().PositionsAsOf(H(47)).ContainsKey(("ru", "nato")));

    [Fact]
    public void PositionsAsOf_MaxValue_TheLatestOfEveryParty()
    {
        var current = UaChangesItsMind().PositionsAsOf(DateTimeOffset.MaxValue);

        Assert.Equal(["p3", "p4"], current.Values.Select(p => p.Id).Order());
    }
}
