using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public class AgreementTest
{
    [Fact]
    public void Construction_NoParty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Agreement("a", "pows", "swap", [], H(0)));
        Assert.Equal("parties", error.ParamName);
    }

    [Theory]
    [InlineData("a b", "pows", "swap", "id")]
    [InlineData("a", "po ws", "swap", "issue")]
    [InlineData("a", "pows", "", "option")]
    public void Construction_MalformedKeys_Throws(string id, string issue, string option, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new Agreement(id, issue, option, ["ua"], H(0)));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Construction_RepeatedParty_KeptOnce()
    {
        Assert.Equal(["ua", "ru"], new Agreement("a", "pows", "swap", ["ua", "ru", "ua"], H(0)).Parties);
    }
}
