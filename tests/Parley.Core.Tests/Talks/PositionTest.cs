using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public class PositionTest
{
    [Fact]
    public void Construction_NoStance_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Position("p", "ua", "nato", H(0), new Dictionary<string, Stance>()));
        Assert.Equal("stances", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedOptionKey_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Position("p", "ua", "nato", H(0), new Dictionary<string, Stance> { ["no membership"] = Stance.Acceptable }));
        Assert.Equal("stances", error.ParamName);
    }

    [Theory]
    [InlineData("u a", "nato", "party")]
    [InlineData("ua", "", "issue")]
    public void Construction_MalformedKeys_Throws(string party, string issue, string field)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Position("p", party, issue, H(0), new Dictionary<string, Stance> { ["no"] = Stance.Acceptable }));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void On_UnmentionedOption_IsUnknown()
    {
        var position = Position("p", "ua", "nato", H(0), ("no", Stance.RedLine));

        Assert.Equal(Stance.RedLine, position.On("no"));
        Assert.Null(position.On("yes"));
    }

    [Theory]
    [InlineData(Stance.Preferred, true, false)]
    [InlineData(Stance.Acceptable, true, false)]
    [InlineData(Stance.Unacceptable, false, true)]
    [InlineData(Stance.RedLine, false, true)]
    public void Stance_EachKind_EitherAcceptsOrRejects(Stance stance, bool accepts, bool rejects)
    {
        Assert.Equal((accepts, rejects), (stance.Accepts(), stance.Rejects()));
    }
}
