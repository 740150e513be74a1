using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public class IssueTest
{
    private static readonly Option[] Freeze = [new("freeze", "Freeze on the line of contact")];

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Construction_WeightNotPositiveAndFinite_Throws(double weight)
    {
        var error = Assert.Throws<ArgumentException>(() => new Issue("territory", "Territory", "", weight, Freeze));
        Assert.Equal("weight", error.ParamName);
    }

    [Fact]
    public void Construction_NoOption_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Issue("territory", "Territory", "", 1, []));
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Construction_DuplicateOptionIds_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Issue("territory", "Territory", "", 1,
            [new Option("freeze", "Freeze"), new Option("freeze", "Freeze again")]));
        Assert.Contains("freeze", error.Message);
    }

    [Fact]
    public void Construction_MalformedPrincipal_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Issue("territory", "Territory", "", 1, Freeze, ["ua", "r u"]));
        Assert.Equal("principals", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedOptionKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Option("freeze line", "Freeze"));
    }

    [Fact]
    public void Construction_NoPrincipalList_MeansDefault()
    {
        var issue = new Issue("territory", "Territory", "", 1, Freeze);

        Assert.Null(issue.Principals);
        Assert.True(issue.HasOption("freeze"));
        Assert.False(issue.HasOption("Freeze"));
    }
}
