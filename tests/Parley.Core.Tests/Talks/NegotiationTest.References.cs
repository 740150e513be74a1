using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

// The reference rule: an item may refer only to parties, issues, proposals and statements that everyone who sees the
// item can see, so that no item reveals another through a reference.
public partial class NegotiationTest
{
    /// <summary><see cref="Table"/> plus an offer private to the US, one private to Ukraine, a mediator-only issue and a statement private to Ukraine.</summary>
    private static Negotiation TableWithSecrets()
    {
        var n = Table();
        n.AddProposal(new Proposal("us-draft", "us", "US draft", new Dictionary<string, string> { ["nato"] = "membership" },
            ["ua", "ru"], H(0), visibility: Visibility.PrivateTo("us")));
        n.AddProposal(new Proposal("ua-idea", "ua", "Ukrainian idea", new Dictionary<string, string> { ["nato"] = "no-membership" },
            ["ru"], H(0), visibility: Visibility.PrivateTo("ua")));
        n.AddIssue(new Issue("sanctions", "Sanctions relief", "", 1, [new Option("lift", "Lift"), new Option("keep", "Keep")],
            visibility: Visibility.MediatorOnly));
        n.AddStatement(new Statement("ua-note", H(0), "Kyiv could live with neutrality.", ["ua"], visibility: Visibility.PrivateTo("ua")));
        return n;
    }

    private static Statement Quoting(string id, string proposal, Visibility visibility) =>
        new(id, H(1), "On the plan.", ["ru"], stances: [new StatementStance(null, null, proposal, Unacceptable)], visibility: visibility);

    [Fact]
    public void AddStatement_SharedWithASpeakerOfAHiddenParty_RefusedNamingTheSpeaker()
    {
        var n = TableWithSecrets();
        n.AddParty(new Party("backchannel", "Back channel", [PartyRole.Observer], [new PartyDelegate("envoy", "Envoy", "")], Visibility.MediatorOnly));

        var error = n.AssertRefused(() => n.AddStatement(new Statement("s3", H(1), "Said quietly.", ["ru"], "envoy")), "speaker");
        Assert.Contains("backchannel", error.Message);
        n.AddStatement(new Statement("s4", H(1), "Said quietly.", ["ru"], "envoy", visibility: Visibility.MediatorOnly));
    }

    [Fact]
    public void RecordAgreement_SharedWithAPrivateProposalAsItsSource_RefusedNamingTheSource()
    {
        var n = TableWithSecrets();

        var error = n.AssertRefused(() => n.RecordAgreement(new Agreement("a-secret", "nato", "membership", ["ua", "ru"], H(2), source: "us-draft")), "source");
        Assert.Contains("us-draft", error.Message);
        n.RecordAgreement(new Agreement("a-free", "nato", "membership", ["ua", "ru"], H(2), source: "hallway-talk"));
        n.RecordAgreement(new Agreement("a-us", "nato", "membership", ["ua", "ru"], H(2), source: "us-draft", visibility: Visibility.PrivateTo("us")));
    }

    [Fact]
    public void AddStatement_SharedQuotingAProposalPrivateToAParty_RefusedNamingTheStance()
    {
        var n = TableWithSecrets();

        var error = n.AssertRefused(() => n.AddStatement(Quoting("s2", "us-draft", Visibility.Shared)), "stances[0].proposal");
        Assert.Contains("party:us", error.Message);
    }

    [Fact]
    public void AddStatement_PrivateToAnotherPartyQuotingAPrivateProposal_Refused()
    {
        var n = TableWithSecrets();
        n.AssertRefused(() => n.AddStatement(Quoting("s2", "us-draft", Visibility.PrivateTo("ua"))), "stances[0].proposal");
    }

    [Fact]
    public void AddStatement_MediatorOnlyQuotingAPartyPrivateProposal_IsAdded()
    {
        var n = TableWithSecrets();

        n.AddStatement(Quoting("s2", "ua-idea", Visibility.MediatorOnly));

        Assert.Contains(n.Statements, s => s.Id == "s2");
    }

    [Fact]
    public void AddStatement_SamePartyQuotingItsPrivateProposal_IsAdded()
    {
        var n = TableWithSecrets();

        n.AddStatement(Quoting("s2", "ua-idea", Visibility.PrivateTo("ua")));

        Assert.Contains(n.Statements, s => s.Id == "s2");
    }

    [Fact]
    public void AddStatement_SharedOnAMediatorOnlyIssue_RefusedNamingTheStance()
    {
        var n = TableWithSecrets();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["ua"], null, new StatementStance("sanctions", "lift", null, Preferred))), "stances[0].issue");
    }

    [Fact]
    public void RecordPosition_PartyPrivateOnAMediatorOnlyIssue_Refused()
    {
        var n = TableWithSecrets();
        var position = new Position("p", "ua", "sanctions", H(1), new Dictionary<string, Stance> { ["lift"] = Preferred },
            visibility: Visibility.PrivateTo("ua"));

        var error = n.AssertRefused(() => n.RecordPosition(position), "issue");
        Assert.Contains("mediator", error.Message);
    }

    [Fact]
    public void RecordPosition_MediatorOnlyOnAMediatorOnlyIssue_IsKept()
    {
        var n = TableWithSecrets();
        n.RecordPosition(new Position("p", "ua", "sanctions", H(1), new Dictionary<string, Stance> { ["lift"] = Preferred },
            visibility: Visibility.MediatorOnly));

        Assert.Single(n.Positions);
    }

    [Fact]
    public void RecordPosition_SharedCitingAPartyPrivateStatement_Refused()
    {
        var n = TableWithSecrets();
        var position = new Position("p", "ua", "nato", H(1), new Dictionary<string, Stance> { ["no-membership"] = Acceptable }, statement: "ua-note");

        n.AssertRefused(() => n.RecordPosition(position), "statement");
    }

    [Fact]
    public void AddContingency_SharedOnAPartyPrivateProposal_RefusedNamingTheTrigger()
    {
        var n = TableWithSecrets();
        var plan = new Contingency("c", "ua", new ContingencyTrigger(TriggerKind.ProposalRejected, "us-draft", "ru"),
            [new ContingencyAction(ActionKind.Request, "us", "More sanctions")]);

        n.AssertRefused(() => n.AddContingency(plan), "trigger.proposal");
    }

    [Fact]
    public void AddContingency_PrivateToTheProposalsParty_IsAdded()
    {
        var n = TableWithSecrets();
        n.AddContingency(new Contingency("c", "us", new ContingencyTrigger(TriggerKind.ProposalRejected, "us-draft", "ru"),
            [new ContingencyAction(ActionKind.Commit, "us", "More sanctions")], visibility: Visibility.PrivateTo("us")));

        Assert.Single(n.Contingencies);
    }

    [Fact]
    public void Respond_OnASharedProposalCitingAPrivateStatement_RefusedNamingTheStatement()
    {
        var n = TableWithSecrets();
        n.AssertRefused(() => n.Respond("offer", new Response("ua", ResponseKind.Accept, H(2), "ua-note")), "response.statement");
    }

    [Fact]
    public void AddProposal_SharedWithAnAnswerCitingAPrivateStatement_RefusedNamingTheAnswer()
    {
        var n = TableWithSecrets();
        var proposal = new Proposal("offer2", "us", "Second offer", new Dictionary<string, string> { ["nato"] = "no-membership" },
            ["ua"], H(1), responses: [new Response("ua", ResponseKind.Reject, H(2), "ua-note")]);

        n.AssertRefused(() => n.AddProposal(proposal), "responses[0].statement");
    }

    [Fact]
    public void Respond_OnTheSamePartysProposalCitingItsPrivateStatement_IsRecorded()
    {
        var n = TableWithSecrets();
        n.AddProposal(new Proposal("ru-offer", "ru", "Russian offer", new Dictionary<string, string> { ["nato"] = "no-membership" },
            ["ua"], H(1), visibility: Visibility.PrivateTo("ua")));

        n.Respond("ru-offer", new Response("ua", ResponseKind.Reject, H(2), "ua-note"));

        Assert.Equal("ua-note", Assert.Single(n.FindProposal("ru-offer")!.Responses).Statement);
    }

    [Fact]
    public void AddProposal_SharedPackageOnAMediatorOnlyIssue_RefusedNamingThePackageEntry()
    {
        var n = TableWithSecrets();
        n.AssertRefused(() => n.AddProposal(Offer("o3", "us", ["ua"], H(1), null, ("sanctions", "lift"))), "package.sanctions");
    }

    [Fact]
    public void RecordAgreement_SharedAmongAPartyPrivateToAnother_RefusedNamingTheParty()
    {
        var n = TableWithSecrets().With(new Party("pl", "Poland", [PartyRole.Observer], visibility: Visibility.PrivateTo("ua")));
        n.AssertRefused(() => n.RecordAgreement(new Agreement("a", "nato", "no-membership", ["ua", "pl"], H(1))), "parties[1]");
    }

    [Fact]
    public void AddWorkingGroup_PartyPrivateOnAMediatorOnlyIssue_Refused()
    {
        var n = TableWithSecrets();
        n.AssertRefused(() => n.AddWorkingGroup(new WorkingGroup("wg", "Sanctions group", ["ua"], ["sanctions"],
            visibility: Visibility.PrivateTo("ua"))), "issues[0]");
    }
}
