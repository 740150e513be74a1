using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class ProposalTest
{
    private static readonly Dictionary<string, string> Pows = new() { ["pows"] = "swap" };

    [Fact]
    public void Construction_EmptyPackage_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal("p", "us", "Offer", new Dictionary<string, string>(), ["ua"], H(0)));
        Assert.Equal("package", error.ParamName);
    }

    [Fact]
    public void Construction_MalformedOptionKeyInPackage_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Proposal("p", "us", "Offer", new Dictionary<string, string> { ["pows"] = "all for all" }, ["ua"], H(0)));
        Assert.Equal("package", error.ParamName);
    }

    [Fact]
    public void Construction_AddressedToItsAuthor_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal("p", "us", "Offer", Pows, ["ua", "us"], H(0)));
        Assert.Equal("addressees", error.ParamName);
    }

    [Fact]
    public void Construction_NoAddressee_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal("p", "us", "Offer", Pows, [], H(0)));
        Assert.Equal("addressees", error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Construction_ExpiryNotAfterCreation_Throws(int hours)
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal("p", "us", "Offer", Pows, ["ua"], H(0), H(hours)));
        Assert.Equal("expires", error.ParamName);
    }

    [Fact]
    public void Construction_WithdrawnBeforeCreation_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Proposal("p", "us", "Offer", Pows, ["ua"], H(0), withdrawn: H(-1)));
        Assert.Equal("withdrawn", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-lead")]
    [InlineData("has space")]
    public void Construction_MalformedId_Throws(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal(id, "us", "Offer", Pows, ["ua"], H(0)));
        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Construction_BlankTitle_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Proposal("p", "us", "  ", Pows, ["ua"], H(0)));
        Assert.Equal("title", error.ParamName);
    }

    [Fact]
    public void Construction_RepeatedAddressee_IsKeptOnce()
    {
        var offer = new Proposal("p", "us", "Offer", Pows, ["ua", "ua", "ru"], H(0));

        Assert.Equal(["ua", "ru"], offer.Addressees);
    }

    [Fact]
    public void Construction_ResponseWithMalformedParty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Response("u a", ResponseKind.Accept, H(0)));
    }
}
