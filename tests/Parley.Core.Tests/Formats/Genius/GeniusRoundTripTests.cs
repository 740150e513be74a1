using System.Text;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Core.Tests.Settlement;

namespace Parley.Core.Tests.Formats.Genius;

public sealed class GeniusRoundTripTests
{
    [Theory]
    [InlineData("Laptop2011", "laptop_domain.xml", "laptop_buyer_utility.xml,laptop_seller_utility.xml")]
    [InlineData("IntegerDomain", "IntegerDomain.xml", "IntegerDomain-prof1.xml,IntegerDomain-prof2.xml")]
    [InlineData("AirportSiteSelection2012A", "AirportSiteSelection-A-domain.xml", "AirportSiteSelection-A-prof1.xml,AirportSiteSelection-A-prof2.xml")]
    public void WriteThenRead_SharedDomain_SameUtilityForEveryPackage(string domain, string domainFile, string profiles)
    {
        var original = GeniusReferenceTests.Load(domain, domainFile, profiles.Split(','));
        var space = GeniusXmlReader.ReadDomain(Encoding.UTF8.GetBytes(GeniusXmlWriter.WriteDomain(original.Space)), "out-domain.xml");
        var copy = new SettlementProblem(space, original.Profiles.Select(p =>
            GeniusXmlReader.ReadProfile(Encoding.UTF8.GetBytes(GeniusXmlWriter.WriteProfile(original.Space, p)), "out.xml", space, p.Party)));

        Assert.Equal(original.Space.Issues.Select(i => i.Options.ToArray()), space.Issues.Select(i => i.Options.ToArray()));
        foreach (var outcome in BruteForce.Enumerate(original.Space))
        {
            var a = original.Utilities(outcome);
            var b = copy.Utilities(outcome);
            for (var p = 0; p < a.Length; p++) Assert.Equal(a[p], b[p], 12);
        }

        Assert.Equal(original.Profiles.Select(p => p.Reservation), copy.Profiles.Select(p => p.Reservation));
    }

    [Fact]
    public void WriteProfile_RedLine_RefusedNotDropped()
    {
        var space = new OutcomeSpace([SettlementIssue.Discrete("X", ["a", "b"])]);
        var profile = new PreferenceProfile("A", new UtilityFunction([1.0], [[1.0, 0.0]]), redLines: [new OptionRef(0, 1)]);

        var e = Assert.Throws<ArgumentException>(() => GeniusXmlWriter.WriteProfile(space, profile));
        Assert.Contains("red lines", e.Message);
    }
}
