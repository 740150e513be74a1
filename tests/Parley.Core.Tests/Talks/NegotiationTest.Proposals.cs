using Parley.Core.Talks;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class NegotiationTest
{
    // Proposals

    [Fact]
    public void AddProposal_DuplicateId_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddProposal(Offer("offer", "us", ["ru"], H(1), null, ("nato", "membership"))), "id");
    }

    [Fact]
    public void AddProposal_UnknownAuthor_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddProposal(Offer("p2", "cn", ["ua"], H(1), null, ("nato", "membership"))), "author");
    }

    [Fact]
    public void AddProposal_UnknownAddressee_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddProposal(Offer("p2", "us", ["ua", "cn"], H(1), null, ("nato", "membership"))), "addressees[1]");
    }

    [Fact]
    public void AddProposal_UnknownIssueInPackage_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddProposal(Offer("p2", "us", ["ua"], H(1), null, ("crimea", "recognition"))), "package.crimea");
    }

    [Fact]
    public void AddProposal_OptionTheIssueLacks_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddProposal(Offer("p2", "us", ["ua"], H(1), null, ("nato", "neutral"))), "package.nato");
    }

    [Fact]
    public void AddProposal_AnswerFromANonAddressee_Refused()
    {
        var n = Table();
        var offer = Offer("p2", "us", ["ua"], H(1), null, ("nato", "membership")).WithResponse(Reject("ru", H(2)));
        n.AssertRefused(() => n.AddProposal(offer), "responses[0].party");
    }

    [Fact]
    public void AddProposal_AnswerDatedBeforeTheProposal_Refused()
    {
        var n = Table();
        var offer = Offer("p2", "us", ["ua"], H(1), null, ("nato", "membership")).WithResponse(Accept("ua", H(0)));
        n.AssertRefused(() => n.AddProposal(offer), "responses[0].at");
    }

    [Fact]
    public void Respond_UnknownProposal_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Respond("other", Accept("ua", H(1))), "proposal");
    }

    [Fact]
    public void Respond_NonAddressee_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Respond("offer", Accept("us", H(1))), "response.party");
    }

    [Fact]
    public void Respond_BeforeTheProposalWasMade_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Respond("offer", Accept("ua", H(-1))), "response.at");
    }

    [Fact]
    public void Respond_UnknownStatement_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Respond("offer", new Response("ua", ResponseKind.Accept, H(1), "s9")), "response.statement");
    }

    [Fact]
    public void Respond_ValidAnswer_IsKeptOnTheProposal()
    {
        var n = Table();
        n.Respond("offer", new Response("ua", ResponseKind.Accept, H(1), "s1"));

        var response = Assert.Single(n.FindProposal("offer")!.Responses);
        Assert.Equal(("ua", ResponseKind.Accept, "s1"), (response.Party, response.Kind, response.Statement));
    }

    [Fact]
    public void Withdraw_UnknownProposal_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Withdraw("other", H(1)), "proposal");
    }

    [Fact]
    public void Withdraw_Twice_Refused()
    {
        var n = Table();
        n.Withdraw("offer", H(1));
        n.AssertRefused(() => n.Withdraw("offer", H(2)), "withdrawn");
    }

    [Fact]
    public void Withdraw_BeforeTheProposalWasMade_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.Withdraw("offer", H(-1)), "withdrawn");
    }

    // Contingencies

    private static Contingency Plan(string id, string owner, ContingencyTrigger trigger, string actor = "eu", string? statement = null) =>
        new(id, owner, trigger, [new ContingencyAction(ActionKind.Request, actor, "Sanctions")], statement);

    private static Negotiation TableWithEu() => Table().With(Party("eu", PartyRole.Observer));

    [Fact]
    public void AddContingency_DuplicateId_Refused()
    {
        var n = TableWithEu();
        n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalRejected, "offer", "ru")));
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalExpired, "offer"))), "id");
    }

    [Fact]
    public void AddContingency_UnknownOwner_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "gb", new(TriggerKind.ProposalExpired, "offer"))), "owner");
    }

    [Fact]
    public void AddContingency_RejectionByANonAddressee_RefusedAsNeverFiring()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ru", new(TriggerKind.ProposalRejected, "offer", "eu"))), "trigger.by");
    }

    [Fact]
    public void AddContingency_PartyNamedForAnExpiry_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalExpired, "offer", "ru"))), "trigger.by");
    }

    [Fact]
    public void AddContingency_UnknownProposal_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalExpired, "truce"))), "trigger.proposal");
    }

    [Fact]
    public void AddContingency_UnknownTriggerParty_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalRejected, "offer", "by"))), "trigger.by");
    }

    [Fact]
    public void AddContingency_UnknownActor_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalExpired, "offer"), actor: "nato")), "actions[0].party");
    }

    [Fact]
    public void AddContingency_UnknownStatement_Refused()
    {
        var n = TableWithEu();
        n.AssertRefused(() => n.AddContingency(Plan("c", "ua", new(TriggerKind.ProposalExpired, "offer"), statement: "s9")), "statement");
    }
}
