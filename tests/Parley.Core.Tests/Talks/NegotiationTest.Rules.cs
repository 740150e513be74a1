using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class NegotiationTest
{
    /// <summary>Two principals, a mediator with one delegate, one issue, a statement and an open offer.</summary>
    private static Negotiation Table()
    {
        var n = TalksAmong("ua", "ru")
            .With(new Party("us", "United States", [PartyRole.Mediator], [new PartyDelegate("witkoff", "Steve Witkoff", "Special Envoy")]))
            .With(Issue("nato", "membership", "no-membership"));
        n.AddStatement(new Statement("s1", H(0), "Ukraine could drop its NATO ambition for guarantees.", ["ua"]));
        n.AddProposal(Offer("offer", "us", ["ua", "ru"], H(0), H(48), ("nato", "no-membership")));
        return n;
    }

    private static Statement Said(string id, string[] by, string? speaker = null, params StatementStance[] stances) =>
        new(id, H(1), "Something said.", by, speaker, stances);

    // Parties and issues

    [Fact]
    public void AddParty_DuplicateId_RefusedNamingId()
    {
        var n = Table();
        n.AssertRefused(() => n.AddParty(Party("ua", PartyRole.Observer)), "id");
    }

    [Fact]
    public void AddIssue_DuplicateId_RefusedNamingId()
    {
        var n = Table();
        n.AssertRefused(() => n.AddIssue(Issue("nato", "x")), "id");
    }

    [Fact]
    public void AddIssue_UnknownPrincipal_RefusedNamingItsIndex()
    {
        var n = Table();
        n.AssertRefused(() => n.AddIssue(IssueFor("guarantees", ["ua", "gb"], "x")), "principals[1]");
    }

    // Statements

    [Fact]
    public void AddStatement_DuplicateId_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s1", ["ua"])), "id");
    }

    [Fact]
    public void AddStatement_UnknownSignatory_RefusedNamingItsIndex()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["ua", "fr"])), "signatories[1]");
    }

    [Fact]
    public void AddStatement_UnknownSpeaker_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["us"], "rubio")), "speaker");
    }

    [Fact]
    public void AddStatement_UnknownIssue_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["ua"], null, new StatementStance("crimea", null, null, RedLine))), "stances[0].issue");
    }

    [Fact]
    public void AddStatement_OptionTheIssueLacks_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["ua"], null,
            new StatementStance("nato", "membership", null, Preferred), new StatementStance("nato", "neutral", null, Preferred))), "stances[1].option");
    }

    [Fact]
    public void AddStatement_UnknownProposal_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddStatement(Said("s2", ["ru"], null, new StatementStance(null, null, "other", Unacceptable))), "stances[0].proposal");
    }

    [Fact]
    public void AddStatement_KnownSpeakerAndReferences_IsAdded()
    {
        var n = Table();
        n.AddStatement(Said("s2", ["us", "ua"], "witkoff",
            new StatementStance("nato", "no-membership", null, Acceptable), new StatementStance(null, null, "offer", Preferred)));

        Assert.True(Assert.Single(n.Statements, s => s.Id == "s2").IsJoint);
    }

    // Positions

    [Fact]
    public void RecordPosition_DuplicateId_Refused()
    {
        var n = Table().Holds("ua", "nato", H(0), ("membership", Preferred));
        n.AssertRefused(() => n.RecordPosition(Position("pos1", "ru", "nato", H(0), ("membership", RedLine))), "id");
    }

    [Fact]
    public void RecordPosition_UnknownParty_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordPosition(Position("p", "by", "nato", H(0), ("membership", RedLine))), "party");
    }

    [Fact]
    public void RecordPosition_UnknownIssue_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordPosition(Position("p", "ru", "crimea", H(0), ("recognition", Preferred))), "issue");
    }

    [Fact]
    public void RecordPosition_OptionTheIssueLacks_RefusedNamingTheStance()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordPosition(Position("p", "ru", "nato", H(0), ("membership", RedLine), ("neutral", Preferred))), "stances.neutral");
    }

    [Fact]
    public void RecordPosition_UnknownStatement_Refused()
    {
        var n = Table();
        var position = new Position("p", "ua", "nato", H(0), new Dictionary<string, Stance> { ["membership"] = Preferred }, statement: "s9");
        n.AssertRefused(() => n.RecordPosition(position), "statement");
    }

    [Fact]
    public void RecordPosition_CitingAKnownStatement_IsKept()
    {
        var n = Table();
        n.RecordPosition(new Position("p", "ua", "nato", H(0), new Dictionary<string, Stance> { ["no-membership"] = Acceptable }, statement: "s1"));

        Assert.Equal("s1", Assert.Single(n.Positions).Statement);
    }

    // Agreements

    [Fact]
    public void RecordAgreement_DuplicateId_Refused()
    {
        var n = Table().Agrees("nato", "no-membership", H(1), ["ua"]);
        n.AssertRefused(() => n.RecordAgreement(new Agreement("agr1", "nato", "no-membership", ["ru"], H(2))), "id");
    }

    [Fact]
    public void RecordAgreement_UnknownIssue_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordAgreement(new Agreement("a", "crimea", "x", ["ua"], H(1))), "issue");
    }

    [Fact]
    public void RecordAgreement_OptionTheIssueLacks_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordAgreement(new Agreement("a", "nato", "neutral", ["ua"], H(1))), "option");
    }

    [Fact]
    public void RecordAgreement_UnknownParty_RefusedNamingItsIndex()
    {
        var n = Table();
        n.AssertRefused(() => n.RecordAgreement(new Agreement("a", "nato", "membership", ["ua", "ru", "pl"], H(1))), "parties[2]");
    }

    // Rounds and working groups

    [Fact]
    public void AddRound_DuplicateId_Refused()
    {
        var n = Table();
        n.AddRound(new Round("berlin", "Berlin", H(0), H(24), "Berlin", ["ua", "us"]));
        n.AssertRefused(() => n.AddRound(new Round("berlin", "Berlin again", H(0), H(24), "Berlin", ["ua"])), "id");
    }

    [Fact]
    public void AddRound_UnknownAttendee_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddRound(new Round("berlin", "Berlin", H(0), H(24), "Berlin", ["ua", "de"])), "attendees[1]");
    }

    [Fact]
    public void AddWorkingGroup_DuplicateId_Refused()
    {
        var n = Table();
        n.AddWorkingGroup(new WorkingGroup("miami", "Miami", ["ua", "us"], ["nato"]));
        n.AssertRefused(() => n.AddWorkingGroup(new WorkingGroup("miami", "Miami 2", ["ru"], [])), "id");
    }

    [Fact]
    public void AddWorkingGroup_UnknownMember_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddWorkingGroup(new WorkingGroup("miami", "Miami", ["ua", "us", "tr"], ["nato"])), "members[2]");
    }

    [Fact]
    public void AddWorkingGroup_UnknownIssue_Refused()
    {
        var n = Table();
        n.AssertRefused(() => n.AddWorkingGroup(new WorkingGroup("miami", "Miami", ["ua"], ["nato", "energy"])), "issues[1]");
    }
}
