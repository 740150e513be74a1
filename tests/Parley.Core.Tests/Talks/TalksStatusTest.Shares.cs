using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    [Fact]
    public void Compute_OneOfFourIssuesAgreed_ShareByCountIsAQuarterAndByWeightFollowsWeights()
    {
        var n = TalksAmong("ua", "ru")
            .With(Issue("pows", 1, "swap"), Issue("territory", 5, "freeze"), Issue("energy", 2, "truce"), Issue("nato", 2, "no"))
            .Agrees("pows", "swap", H(1), ["ua", "ru"]);

        var status = n.StatusAt(H(2));

        Assert.Equal(0.25, status.AgreedShare, 12);
        Assert.Equal(1.0 / 10, status.AgreedShareByWeight, 12);
    }

    [Fact]
    public void Compute_HeavyIssueAgreed_WeightedShareExceedsCountShare()
    {
        var n = TalksAmong("ua", "ru")
            .With(Issue("pows", 1, "swap"), Issue("territory", 5, "freeze"), Issue("energy", 2, "truce"), Issue("nato", 2, "no"))
            .Agrees("territory", "freeze", H(1), ["ua", "ru"])
            .Agrees("energy", "truce", H(1), ["ua", "ru"]);

        var status = n.StatusAt(H(2));

        Assert.Equal(0.5, status.AgreedShare, 12);
        Assert.Equal(7.0 / 10, status.AgreedShareByWeight, 12);
    }

    [Fact]
    public void Compute_AgreedShare_GrowsAsAgreementsArrive()
    {
        var n = TalksAmong("ua", "ru").With(Issue("a", "x"), Issue("b", "x"))
            .Agrees("a", "x", H(1), ["ua", "ru"])
            .Agrees("b", "x", H(2), ["ua", "ru"]);

        Assert.Equal([0.0, 0.5, 1.0], new[] { H(0), H(1), H(2) }.Select(t => n.StatusAt(t).AgreedShare));
    }

    [Fact]
    public void Compute_NoIssues_SharesAreZeroAndNothingSticks()
    {
        var status = TalksAmong("ua", "ru").StatusAt(H(0));

        Assert.Equal(0, status.AgreedShare);
        Assert.Equal(0, status.AgreedShareByWeight);
        Assert.Empty(status.StickingPoints);
    }

    [Fact]
    public void Compute_StickingPoints_BlockedThenOpenThenConvergingHeavierFirstThenAgendaOrder()
    {
        var n = TalksAmong("ua", "ru")
            .With(
                Issue("conv-light", 1, "x"),
                Issue("open-light", 1, "x"),
                Issue("blocked-light", 1, "x"),
                Issue("agreed", 9, "x"),
                Issue("open-heavy", 3, "x"),
                Issue("blocked-heavy", 3, "x"),
                Issue("open-light-2", 1, "x"))
            .Holds("ua", "conv-light", H(0), ("x", Acceptable)).Holds("ru", "conv-light", H(0), ("x", Preferred))
            .Holds("ua", "blocked-light", H(0), ("x", RedLine))
            .Holds("ru", "blocked-heavy", H(0), ("x", Unacceptable))
            .Agrees("agreed", "x", H(0), ["ua", "ru"]);

        var status = n.StatusAt(H(1));

        Assert.Equal(["blocked-heavy", "blocked-light", "open-heavy", "open-light", "open-light-2", "conv-light"],
            status.StickingPoints.Select(s => s.Issue));
        Assert.Equal(["conv-light", "open-light", "blocked-light", "agreed", "open-heavy", "blocked-heavy", "open-light-2"],
            status.Issues.Select(s => s.Issue));
    }

    [Fact]
    public void Compute_BlockedStickingPoint_CarriesTheCollidingPartiesAndRedLines()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede"))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", RedLine), ("cede", Preferred));

        var point = Assert.Single(n.StatusAt(H(1)).StickingPoints);

        Assert.Equal(IssueStatus.Blocked, point.Status);
        Assert.Equal(["ua", "ru"], point.Blockers.Select(b => b.Party));
        Assert.Equal(["cede"], point.Blockers[0].RedLines);
        Assert.Equal(["freeze"], point.Blockers[1].RedLines);
    }
}
