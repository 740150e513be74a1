using Parley.Core.Talks;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    private static readonly DateTimeOffset ConsentDay1 = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static Negotiation TwoPrincipals()
    {
        var n = new Negotiation("n", "N");
        n.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal]));
        n.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        n.AddIssue(new Issue("plant", "Plant", "", 1, [new Option("x", "X"), new Option("y", "Y")]));
        return n;
    }

    [Fact]
    public void Agreed_PartyLaterConsentsToAnotherOption_EarlierConsentNoLongerCounts()
    {
        var n = TwoPrincipals();
        n.RecordAgreement(new Agreement("a1", "plant", "x", ["ua"], ConsentDay1));
        n.RecordAgreement(new Agreement("a2", "plant", "y", ["ua"], ConsentDay1.AddDays(1)));
        n.RecordAgreement(new Agreement("a3", "plant", "x", ["ru"], ConsentDay1.AddDays(2)));

        var issue = TalksStatus.Compute(n, ConsentDay1.AddDays(3)).Issues.Single();

        Assert.NotEqual(IssueStatus.Agreed, issue.Status);
    }

    [Fact]
    public void Agreed_PrincipalsConvergeOnTheLaterOption_AgreedThereFromTheLastConsent()
    {
        var n = TwoPrincipals();
        n.RecordAgreement(new Agreement("a1", "plant", "x", ["ua", "ru"], ConsentDay1));
        n.RecordAgreement(new Agreement("a2", "plant", "y", ["ua"], ConsentDay1.AddDays(1)));

        Assert.Equal("x", TalksStatus.Compute(n, ConsentDay1).Issues.Single().AgreedOption);
        Assert.Equal(IssueStatus.Open, TalksStatus.Compute(n, ConsentDay1.AddDays(1)).Issues.Single().Status);

        n.RecordAgreement(new Agreement("a3", "plant", "y", ["ru"], ConsentDay1.AddDays(2)));
        var issue = TalksStatus.Compute(n, ConsentDay1.AddDays(2)).Issues.Single();
        Assert.Equal(("y", ConsentDay1.AddDays(2)), (issue.AgreedOption, issue.AgreedAt));
    }
}
