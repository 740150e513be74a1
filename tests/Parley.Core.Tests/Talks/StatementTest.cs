using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public class StatementTest
{
    [Fact]
    public void Construction_NoSignatory_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Statement("s", H(0), "Text.", []));
        Assert.Equal("signatories", error.ParamName);
    }

    [Fact]
    public void Construction_BlankText_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Statement("s", H(0), "  ", ["ua"]));
        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void IsJoint_SeveralSignatories_True()
    {
        Assert.True(new Statement("s", H(0), "Joint.", ["de", "fr", "gb"]).IsJoint);
        Assert.False(new Statement("s", H(0), "Alone.", ["de", "de"]).IsJoint);
    }

    [Fact]
    public void Stance_BothIssueAndProposal_Throws()
    {
        Assert.Throws<ArgumentException>(() => new StatementStance("nato", null, "offer", Stance.Acceptable));
    }

    [Fact]
    public void Stance_NeitherIssueNorProposal_Throws()
    {
        Assert.Throws<ArgumentException>(() => new StatementStance(null, null, null, Stance.Acceptable));
    }

    [Fact]
    public void Stance_OptionWithoutIssue_Throws()
    {
        Assert.Throws<ArgumentException>(() => new StatementStance(null, "no", "offer", Stance.Acceptable));
    }
}
