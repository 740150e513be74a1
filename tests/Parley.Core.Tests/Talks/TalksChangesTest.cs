using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public sealed class TalksChangesTest
{
    [Fact]
    public void Between_PositionTurnsIssueBlocked_ListsTheStatusChangeAndThePosition()
    {
        var n = TalksAmong("ua", "ru");
        n.AddIssue(Issue("territory", "freeze", "cede"));
        n.RecordPosition(Position("p1", "ua", "territory", H(1), ("freeze", Stance.Acceptable), ("cede", Stance.RedLine)));
        n.RecordPosition(Position("p2", "ru", "territory", H(5), ("freeze", Stance.RedLine)));

        var report = TalksChanges.Between(n, H(2), H(6));

        var change = Assert.Single(report.Issues);
        Assert.Equal((IssueStatus.Open, IssueStatus.Blocked), (change.Before, change.After));
        var item = Assert.Single(report.Items);
        Assert.Equal(("position", "p2", "ru"), (item.Kind, item.Id, item.Party));
    }

    [Fact]
    public void Between_ItemAtSince_IsExcluded_ItemAtAsOf_IsIncluded()
    {
        var n = TalksAmong("ua", "ru");
        n.AddIssue(Issue("x", "a"));
        n.RecordPosition(Position("p1", "ua", "x", H(1), ("a", Stance.Acceptable)));
        n.RecordPosition(Position("p2", "ru", "x", H(2), ("a", Stance.Acceptable)));

        var report = TalksChanges.Between(n, H(1), H(2));

        Assert.Equal(["p2"], report.Items.Select(i => i.Id));
        Assert.Equal(IssueStatus.Converging, Assert.Single(report.Issues).After);
    }

    [Fact]
    public void Between_NothingHappened_ReportsNoChange()
    {
        var n = TalksAmong("ua", "ru");
        n.AddIssue(Issue("x", "a"));
        var report = TalksChanges.Between(n, H(1), H(9));
        Assert.Empty(report.Issues);
        Assert.Empty(report.Items);
    }

    [Fact]
    public void Between_SinceAfterAsOf_Throws()
    {
        var n = TalksAmong("ua");
        Assert.Throws<ArgumentException>(() => TalksChanges.Between(n, H(2), H(1)));
    }
}
