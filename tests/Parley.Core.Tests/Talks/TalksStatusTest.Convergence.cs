using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    [Fact]
    public void Compute_TwoPartiesOverlapOnOneOfTwoComparedIssues_ShareIsHalf()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "no", "yes"), Issue("territory", "freeze", "cede"), Issue("pows", "swap"))
            .Holds("ua", "nato", H(0), ("no", Acceptable), ("yes", Preferred))
            .Holds("ru", "nato", H(0), ("no", Preferred), ("yes", RedLine))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", Unacceptable), ("cede", Preferred))
            .Holds("ua", "pows", H(0), ("swap", Preferred));

        var pair = Assert.Single(n.StatusAt(H(1)).Convergence);

        Assert.Equal(("ua", "ru"), (pair.PartyA, pair.PartyB));
        Assert.Equal(1, pair.Overlapping);
        Assert.Equal(2, pair.Compared);
        Assert.Equal(0.5, pair.Share);
    }

    [Fact]
    public void Compute_BothAgreedTheSameOptionWithoutPositions_CountsAsOverlap()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "swap"), Issue("nato", "no"))
            .Holds("ua", "nato", H(0), ("no", RedLine))
            .Holds("ru", "nato", H(0), ("no", Preferred))
            .Agrees("pows", "swap", H(1), ["ua", "ru"]);

        var pair = Assert.Single(n.StatusAt(H(2)).Convergence);

        Assert.Equal(1, pair.Overlapping);
        Assert.Equal(2, pair.Compared);
    }

    [Fact]
    public void Compute_PositionsOnDifferentIssuesOnly_ShareIsNull()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "no"), Issue("pows", "swap"))
            .Holds("ua", "nato", H(0), ("no", Acceptable))
            .Holds("ru", "pows", H(0), ("swap", Acceptable));

        var pair = Assert.Single(n.StatusAt(H(1)).Convergence);

        Assert.Equal(0, pair.Compared);
        Assert.Null(pair.Share);
    }

    [Fact]
    public void Compute_ThreePartiesWithPositions_ReportsEveryPairInPartyOrder()
    {
        var n = TalksAmong("ua", "ru", "eu", "hu").With(Issue("nato", "no"))
            .Holds("eu", "nato", H(0), ("no", Unacceptable))
            .Holds("ua", "nato", H(0), ("no", Acceptable))
            .Holds("ru", "nato", H(0), ("no", Preferred));

        var pairs = n.StatusAt(H(1)).Convergence;

        Assert.Equal([("ua", "ru", 1.0), ("ua", "eu", 0.0), ("ru", "eu", 0.0)],
            pairs.Select(p => (p.PartyA, p.PartyB, p.Share!.Value)));
    }

    [Fact]
    public void Compute_ConvergenceBeforeAPositionIsValid_LeavesThePartyOut()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "no"))
            .Holds("ua", "nato", H(0), ("no", Acceptable))
            .Holds("ru", "nato", H(10), ("no", Preferred));

        Assert.Empty(n.StatusAt(H(9)).Convergence);
        Assert.Equal(1.0, Assert.Single(n.StatusAt(H(10)).Convergence).Share);
    }
}
