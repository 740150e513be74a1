using Parley.Core.Talks;
using static Parley.Core.Talks.Stance;
using static Parley.Core.Tests.Talks.Build;

namespace Parley.Core.Tests.Talks;

public partial class TalksStatusTest
{
    [Fact]
    public void Compute_AgreementRecordedByEveryPrincipal_IsAgreedOnThatOption()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all", "partial"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"]);

        var report = n.IssueAt("pows", H(2));

        Assert.Equal(IssueStatus.Agreed, report.Status);
        Assert.Equal("all-for-all", report.AgreedOption);
        Assert.Equal(H(1), report.AgreedAt);
        Assert.False(report.AdReferendum);
        Assert.Empty(report.Blockers);
    }

    [Fact]
    public void Compute_BeforeTheAgreementInstant_IsNotAgreed()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"]);

        Assert.NotEqual(IssueStatus.Agreed, n.IssueAt("pows", H(1).AddTicks(-1)).Status);
        Assert.Equal(IssueStatus.Agreed, n.IssueAt("pows", H(1)).Status);
    }

    [Fact]
    public void Compute_AcceptedProposal_AgreesEveryIssueOfItsPackageAtAcceptance()
    {
        var offer = Offer("us-plan", "us", ["ua", "ru"], H(0), H(48), ("pows", "all-for-all"), ("nato", "no-membership"))
            .WithResponse(Accept("ua", H(2))).WithResponse(Accept("ru", H(5)));
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator))
            .With(Issue("pows", "all-for-all", "partial"), Issue("nato", "no-membership", "membership"))
            .With(offer);

        var before = n.StatusAt(H(5).AddTicks(-1));
        var after = n.StatusAt(H(5));

        Assert.All(before.Issues, i => Assert.NotEqual(IssueStatus.Agreed, i.Status));
        Assert.Equal(["all-for-all", "no-membership"], after.Issues.Select(i => i.AgreedOption));
        Assert.All(after.Issues, i => Assert.Equal(H(5), i.AgreedAt));
    }

    [Fact]
    public void Compute_AcceptedProposalWithLongIds_AgreesWithoutThrowing()
    {
        var proposalId = "us-peace-framework-twenty-eight-points-revised-after-geneva-v2";
        var issueId = "zaporizhzhia-nuclear-power-plant-operation-and-electricity-split";
        var offer = Offer(proposalId, "us", ["ua", "ru"], H(0), H(48), (issueId, "iaea"))
            .WithResponse(Accept("ua", H(1))).WithResponse(Accept("ru", H(2)));
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue(issueId, "iaea")).With(offer);

        Assert.Equal(IssueStatus.Agreed, n.IssueAt(issueId, H(3)).Status);
    }

    [Fact]
    public void Compute_AcceptedProposalNotAddressedToEveryPrincipal_IsNotAgreed()
    {
        var offer = Offer("us-plan", "us", ["ua"], H(0), H(48), ("pows", "all-for-all")).WithResponse(Accept("ua", H(2)));
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("pows", "all-for-all")).With(offer);

        Assert.Equal(ProposalState.Accepted, n.ProposalAt("us-plan", H(3)).State);
        Assert.NotEqual(IssueStatus.Agreed, n.IssueAt("pows", H(3)).Status);
    }

    [Fact]
    public void Compute_PrincipalsProposalAcceptedByTheOther_AuthorCountsAsAgreeing()
    {
        var offer = Offer("ua-plan", "ua", ["ru"], H(0), H(48), ("pows", "all-for-all")).WithResponse(Accept("ru", H(2)));
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all")).With(offer);

        Assert.Equal(IssueStatus.Agreed, n.IssueAt("pows", H(2)).Status);
    }

    [Fact]
    public void Compute_AgreementRecordedAgainLater_KeepsTheFirstAgreedInstant()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"])
            .Agrees("pows", "all-for-all", H(5), ["ua"]);

        Assert.Equal(H(1), n.IssueAt("pows", H(6)).AgreedAt);
    }

    [Fact]
    public void Compute_ProposalRejected_AgreesNothing()
    {
        var offer = Offer("us-plan", "us", ["ua", "ru"], H(0), H(48), ("pows", "all-for-all"))
            .WithResponse(Accept("ua", H(2))).WithResponse(Reject("ru", H(5)));
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("pows", "all-for-all")).With(offer);

        Assert.Equal(IssueStatus.Open, n.IssueAt("pows", H(10)).Status);
    }

    [Fact]
    public void Compute_PartiesCoverPrincipalsAcrossSeveralRecords_AgreedWhenTheLastOneJoins()
    {
        var n = TalksAmong("ua", "ru", "eu").With(Issue("energy", "truce", "none"))
            .Agrees("energy", "truce", H(1), ["ua"])
            .Agrees("energy", "truce", H(2), ["eu"])
            .Agrees("energy", "truce", H(3), ["ru"]);

        Assert.Equal(IssueStatus.Open, n.IssueAt("energy", H(2)).Status);
        var report = n.IssueAt("energy", H(3));
        Assert.Equal(IssueStatus.Agreed, report.Status);
        Assert.Equal(H(3), report.AgreedAt);
    }

    [Fact]
    public void Compute_OnePrincipalMissingFromTheRecords_IsNotAgreed()
    {
        var n = TalksAmong("ua", "ru", "eu").With(Party("us", PartyRole.Mediator)).With(Issue("energy", "truce", "none"))
            .Agrees("energy", "truce", H(1), ["ua", "eu", "us"]);

        var report = n.IssueAt("energy", H(2));

        Assert.NotEqual(IssueStatus.Agreed, report.Status);
        Assert.Null(report.AgreedOption);
    }

    [Fact]
    public void Compute_PrincipalsAgreeingDifferentOptions_IsNotAgreed()
    {
        var n = TalksAmong("ua", "ru").With(Issue("energy", "truce", "none"))
            .Agrees("energy", "truce", H(1), ["ua"])
            .Agrees("energy", "none", H(2), ["ru"]);

        Assert.NotEqual(IssueStatus.Agreed, n.IssueAt("energy", H(3)).Status);
    }

    [Fact]
    public void Compute_AgreementAdReferendum_IsAgreedAndFlagged()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua"], adReferendum: true)
            .Agrees("pows", "all-for-all", H(2), ["ru"]);

        var report = n.IssueAt("pows", H(3));

        Assert.Equal(IssueStatus.Agreed, report.Status);
        Assert.True(report.AdReferendum);
    }

    [Fact]
    public void Compute_AdReferendumLaterConfirmedByTheCapital_IsNoLongerAdReferendum()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"], adReferendum: true)
            .Agrees("pows", "all-for-all", H(24), ["ua", "ru"]);

        Assert.True(n.IssueAt("pows", H(2)).AdReferendum);
        var confirmed = n.IssueAt("pows", H(24));
        Assert.Equal(IssueStatus.Agreed, confirmed.Status);
        Assert.False(confirmed.AdReferendum);
    }

    [Fact]
    public void Compute_OnlyANonPrincipalAgreedAdReferendum_IsNotFlagged()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"])
            .Agrees("pows", "all-for-all", H(2), ["us"], adReferendum: true);

        var report = n.IssueAt("pows", H(3));

        Assert.Equal(IssueStatus.Agreed, report.Status);
        Assert.False(report.AdReferendum);
    }

    [Fact]
    public void Compute_OnePrincipalStillAdReferendumAfterTheOtherConfirms_StaysFlagged()
    {
        var n = TalksAmong("ua", "ru").With(Issue("pows", "all-for-all"))
            .Agrees("pows", "all-for-all", H(1), ["ua", "ru"], adReferendum: true)
            .Agrees("pows", "all-for-all", H(24), ["ua"]);

        Assert.True(n.IssueAt("pows", H(25)).AdReferendum);
    }

    [Fact]
    public void Compute_SomeOptionAcceptableToEveryPrincipal_IsConverging()
    {
        var n = TalksAmong("ua", "ru").With(Issue("zaporizhzhia", "iaea", "joint", "russian"))
            .Holds("ua", "zaporizhzhia", H(0), ("iaea", Preferred), ("joint", Acceptable), ("russian", RedLine))
            .Holds("ru", "zaporizhzhia", H(0), ("iaea", Unacceptable), ("joint", Acceptable), ("russian", Preferred));

        var report = n.IssueAt("zaporizhzhia", H(1));

        Assert.Equal(IssueStatus.Converging, report.Status);
        Assert.Equal(["joint"], report.AcceptableToAll);
        Assert.Null(report.AgreedOption);
    }

    [Fact]
    public void Compute_EveryOptionRejectedByAPrincipal_IsBlockedNamingPartiesAndRedLines()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede-donbas"))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede-donbas", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", Unacceptable), ("cede-donbas", Preferred));

        var report = n.IssueAt("territory", H(1));

        Assert.Equal(IssueStatus.Blocked, report.Status);
        Assert.Collection(report.Blockers,
            b => { Assert.Equal("ua", b.Party); Assert.Equal(["cede-donbas"], b.Options); Assert.Equal(["cede-donbas"], b.RedLines); },
            b => { Assert.Equal("ru", b.Party); Assert.Equal(["freeze"], b.Options); Assert.Empty(b.RedLines); });
        Assert.Collection(report.Collisions,
            c => { Assert.Equal("freeze", c.Option); Assert.Equal(["ru"], c.RejectedBy); Assert.Empty(c.RedLineOf); },
            c => { Assert.Equal("cede-donbas", c.Option); Assert.Equal(["ua"], c.RejectedBy); Assert.Equal(["ua"], c.RedLineOf); });
    }

    [Fact]
    public void Compute_RedLinesOnBothSidesOfEveryOption_CollisionsNameBoth()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede-donbas"))
            .Holds("ua", "territory", H(0), ("freeze", Preferred), ("cede-donbas", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", RedLine), ("cede-donbas", RedLine));

        var report = n.IssueAt("territory", H(1));

        Assert.Equal(IssueStatus.Blocked, report.Status);
        var cede = Assert.Single(report.Collisions, c => c.Option == "cede-donbas");
        Assert.Equal(["ua", "ru"], cede.RejectedBy);
        Assert.Equal(["ua", "ru"], cede.RedLineOf);
    }

    [Fact]
    public void Compute_OneOptionNobodyRejects_IsNotBlocked()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede-donbas", "referendum"))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede-donbas", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", Unacceptable), ("cede-donbas", Preferred));

        var report = n.IssueAt("territory", H(1));

        Assert.Equal(IssueStatus.Open, report.Status);
        Assert.Equal(2, report.Collisions.Count);
    }

    [Fact]
    public void Compute_OnePrincipalRejectsEverythingOtherSilent_IsBlockedAndReportsMissingPosition()
    {
        var n = TalksAmong("ua", "ru").With(Issue("nato", "membership", "neutrality"))
            .Holds("ru", "nato", H(0), ("membership", RedLine), ("neutrality", Unacceptable));

        var report = n.IssueAt("nato", H(1));

        Assert.Equal(IssueStatus.Blocked, report.Status);
        Assert.Equal(["ua"], report.MissingPositions);
    }

    [Fact]
    public void Compute_APrincipalWithoutPosition_IsOpenAndNamesIt()
    {
        var n = TalksAmong("ua", "ru").With(Issue("elections", "within-100-days", "after-martial-law"))
            .Holds("ua", "elections", H(0), ("after-martial-law", Preferred), ("within-100-days", Acceptable));

        var report = n.IssueAt("elections", H(1));

        Assert.Equal(IssueStatus.Open, report.Status);
        Assert.Equal(["ru"], report.MissingPositions);
        Assert.Empty(report.AcceptableToAll);
    }

    [Fact]
    public void Compute_NoPositionsAtAll_IsOpen()
    {
        var n = TalksAmong("ua", "ru").With(Issue("elections", "within-100-days"));

        var report = n.IssueAt("elections", H(1));

        Assert.Equal(IssueStatus.Open, report.Status);
        Assert.Equal(["ua", "ru"], report.MissingPositions);
    }

    [Fact]
    public void Compute_NonPrincipalRejectsEverything_DoesNotBlock()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator)).With(Issue("pows", "all-for-all"))
            .Holds("ua", "pows", H(0), ("all-for-all", Preferred))
            .Holds("ru", "pows", H(0), ("all-for-all", Acceptable))
            .Holds("us", "pows", H(0), ("all-for-all", RedLine));

        var report = n.IssueAt("pows", H(1));

        Assert.Equal(IssueStatus.Converging, report.Status);
        Assert.Equal(["ua", "ru"], report.Principals);
        Assert.Empty(report.Blockers);
    }

    [Fact]
    public void Compute_GuarantorJoinsTheIssueThatBindsIt_ItsRedLineBlocks()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Mediator, PartyRole.Guarantor))
            .With(IssueFor("guarantees", ["ua", "ru", "us"], "article-5-like"), Issue("pows", "all-for-all"))
            .Holds("ua", "guarantees", H(0), ("article-5-like", Preferred))
            .Holds("ru", "guarantees", H(0), ("article-5-like", Acceptable))
            .Holds("us", "guarantees", H(0), ("article-5-like", RedLine));

        var status = n.StatusAt(H(1));

        var guarantees = status.Issues.Single(i => i.Issue == "guarantees");
        Assert.Equal(["ua", "ru", "us"], guarantees.Principals);
        Assert.Equal(IssueStatus.Blocked, guarantees.Status);
        Assert.Equal("us", Assert.Single(guarantees.Blockers).Party);
        Assert.Equal(["ua", "ru"], status.Issues.Single(i => i.Issue == "pows").Principals);
    }

    [Fact]
    public void Compute_GuarantorIsExplicitPrincipal_AgreementNeedsItsConsent()
    {
        var n = TalksAmong("ua", "ru").With(Party("us", PartyRole.Guarantor))
            .With(IssueFor("guarantees", ["ua", "ru", "us"], "article-5-like"))
            .Agrees("guarantees", "article-5-like", H(1), ["ua", "ru"])
            .Agrees("guarantees", "article-5-like", H(3), ["us"]);

        Assert.Equal(IssueStatus.Open, n.IssueAt("guarantees", H(2)).Status);
        Assert.Equal(IssueStatus.Agreed, n.IssueAt("guarantees", H(3)).Status);
    }

    [Fact]
    public void Compute_IssueWithNoPrincipal_StaysOpenEvenWhenAgreed()
    {
        var n = TalksAmong().With(Party("us", PartyRole.Mediator)).With(Issue("pows", "all-for-all"))
            .Holds("us", "pows", H(0), ("all-for-all", Preferred))
            .Agrees("pows", "all-for-all", H(1), ["us"]);

        var report = n.IssueAt("pows", H(2));

        Assert.Empty(report.Principals);
        Assert.Equal(IssueStatus.Open, report.Status);
        Assert.Empty(report.AcceptableToAll);
    }

    [Fact]
    public void Compute_AgreedIssueWhoseRedLinesRemain_StaysAgreed()
    {
        var n = TalksAmong("ua", "ru").With(Issue("territory", "freeze", "cede-donbas"))
            .Holds("ua", "territory", H(0), ("freeze", Acceptable), ("cede-donbas", RedLine))
            .Holds("ru", "territory", H(0), ("freeze", Unacceptable), ("cede-donbas", Preferred))
            .Agrees("territory", "freeze", H(5), ["ua", "ru"]);

        Assert.Equal(IssueStatus.Blocked, n.IssueAt("territory", H(4)).Status);
        var report = n.IssueAt("territory", H(5));
        Assert.Equal(IssueStatus.Agreed, report.Status);
        Assert.Empty(report.Blockers);
        Assert.Empty(report.Collisions);
    }
}
