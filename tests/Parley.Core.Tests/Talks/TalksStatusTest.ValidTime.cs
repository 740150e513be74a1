using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    /// <summary>
    /// Ukraine holds NATO membership a red line until it drops the ambition for guarantees at H(24):
    /// Blocked before, Converging from the instant of the change.
    /// </summary>
    private static Negotiation NatoChangesAtH24() =>
        TalksAmong("ua", "ru").With(Issue("nato", "membership", "no-membership"))
            .Holds("ru", "nato", H(0), ("membership", RedLine), ("no-membership", Preferred))
            .Holds("ua", "nato", H(0), ("membership", Preferred), ("no-membership", RedLine))
            .Holds("ua", "nato", H(24), ("membership", Preferred), ("no-membership", Acceptable));

    [Fact]
    public void Compute_OneTickBeforeAPositionChange_UsesTheOldPosition()
    {
        var report = NatoChangesAtH24().IssueAt("nato", H(24).AddTicks(-1));

        Assert.Equal(IssueStatus.Blocked, report.Status);
        Assert.Contains(report.Blockers, b => b.Party == "ua" && b.RedLines.SequenceEqual(["no-membership"]));
    }

    [Fact]
    public void Compute_ExactlyAtAPositionChange_UsesTheNewPosition()
    {
        var report = NatoChangesAtH24().IssueAt("nato", H(24));

        Assert.Equal(IssueStatus.Converging, report.Status);
        Assert.Equal(["no-membership"], report.AcceptableToAll);
    }

    [Fact]
    public void Compute_AfterAPositionChange_UsesTheNewPosition()
    {
        var report = NatoChangesAtH24().IssueAt("nato", H(48));

        Assert.Equal(IssueStatus.Converging, report.Status);
        Assert.DoesNotContain(report.Blockers, b => b.Party == "ua");
    }

    [Fact]
    public void Compute_BeforeAnyPosition_IsOpenWithEveryPrincipalMissing()
    {
        var report = NatoChangesAtH24().IssueAt("nato", H(0).AddTicks(-1));

        Assert.Equal(IssueStatus.Open, report.Status);
        Assert.Equal(["ua", "ru"], report.MissingPositions);
    }

    [Fact]
    public void Compute_PositionRecordedLaterButValidEarlier_OrdersByValidTime()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "membership", "no-membership"))
            .Holds("ru", "nato", H(0), ("membership", RedLine), ("no-membership", Preferred))
            .Holds("ua", "nato", H(24), ("no-membership", Acceptable))
            .Holds("ua", "nato", H(0), ("no-membership", RedLine));

        Assert.Equal(IssueStatus.Blocked, n.IssueAt("nato", H(12)).Status);
        Assert.Equal(IssueStatus.Converging, n.IssueAt("nato", H(30)).Status);
    }

    [Fact]
    public void Compute_TwoPositionsAtTheSameInstant_TheOneRecordedLastWins()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "no-membership"))
            .Holds("ru", "nato", H(0), ("no-membership", Preferred))
            .Holds("ua", "nato", H(5), ("no-membership", Acceptable))
            .Holds("ua", "nato", H(5), ("no-membership", RedLine));

        Assert.Equal(IssueStatus.Blocked, n.IssueAt("nato", H(5)).Status);
    }

    [Fact]
    public void Compute_TwoPositionsAtTheSameInstantRecordedTheOtherWay_TheOneRecordedLastWins()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "no-membership"))
            .Holds("ru", "nato", H(0), ("no-membership", Preferred))
            .Holds("ua", "nato", H(5), ("no-membership", RedLine))
            .Holds("ua", "nato", H(5), ("no-membership", Acceptable));

        Assert.Equal(IssueStatus.Converging, n.IssueAt("nato", H(5)).Status);
    }

    [Fact]
    public void Compute_NewPositionOmitsAnOption_ThatOptionBecomesUnknown()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede"))
            .Holds("ru", "territory", H(0), ("freeze", Unacceptable), ("cede", Preferred))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede", RedLine))
            .Holds("ua", "territory", H(10), ("freeze", Acceptable));

        Assert.Equal(IssueStatus.Blocked, n.IssueAt("territory", H(9)).Status);
        Assert.Equal(IssueStatus.Open, n.IssueAt("territory", H(10)).Status);
    }

    [Fact]
    public void Compute_AnyInstant_ReportCarriesTheAsOfInstant()
    {
        var asOf = H(7);

        Assert.Equal(asOf, TalksAmong("ua").StatusAt(asOf).AsOf);
    }
}
