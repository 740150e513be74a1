using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class NegotiationTest
{
    [Fact]
    public void PrincipalsOf_NoExplicitList_IsEveryPartyWithThePrincipalRoleInPartyOrder()
    {
        var n = TalksAmong("ua").With(Party("us", PartyRole.Mediator, PartyRole.Guarantor), Party("ru", PartyRole.Principal))
            .With(Issue("pows", "swap"));

        Assert.Equal(["ua", "ru"], n.PrincipalsOf(n.FindIssue("pows")!));
    }

    [Fact]
    public void PrincipalsOf_ExplicitList_IsThatList()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Guarantor)).With(IssueFor("guarantees", ["ua", "ru", "us"], "x"));

        Assert.Equal(["ua", "ru", "us"], n.PrincipalsOf(n.FindIssue("guarantees")!));
    }

    [Fact]
    public void Construction_MalformedIdOrBlankTitle_Throws()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Negotiation("berlin talks", "Berlin")).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new Negotiation("berlin", " ")).ParamName);
    }

    [Fact]
    public void Issues_AddedOutOfAlphabeticalOrder_KeepAgendaOrder()
    {
        var n = TalksAmong("ua").With(Issue("b", "x"), Issue("a", "x"), Issue("c", "x"));

        Assert.Equal(["b", "a", "c"], n.Issues.Select(i => i.Id));
    }
}
