using Parley.Core.Talks;

namespace Parley.Data.Tests.Support;

/// <summary>Hand-made negotiations for the storage tests.</summary>
internal static class Samples
{
    /// <summary>An instant at a whole hour with an offset in hours (plus optional milliseconds).</summary>
    public static DateTimeOffset At(int month, int day, int hour, double offsetHours, int ms = 0) =>
        new DateTimeOffset(2025, month, day, hour, 0, 0, TimeSpan.FromHours(offsetHours)).AddMilliseconds(ms);

    /// <summary>
    /// Three parties, one issue, one statement, one open proposal: the base every change test starts from.
    /// ua and ru are principals; us mediates (delegate witkoff) and makes proposal p1 to ua and ru.
    /// </summary>
    public static Negotiation Small(string id = "small")
    {
        var n = new Negotiation(id, "Small talks", "Base for change tests.");
        n.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal]));
        n.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        n.AddParty(new Party("us", "United States", [PartyRole.Mediator, PartyRole.Guarantor],
            [new PartyDelegate("witkoff", "Steve Witkoff", "Special Envoy")]));
        n.AddIssue(new Issue("territory", "Territory", "territory", 1,
            [new Option("freeze", "Freeze on the line of contact"), new Option("withdraw", "Withdrawal from Donbas")]));
        n.AddStatement(new Statement("s1", At(12, 14, 10, 2), "Not de jure or de facto.", ["ua"]));
        n.AddProposal(new Proposal("p1", "us", "US offer", new Dictionary<string, string> { ["territory"] = "freeze" },
            ["ua", "ru"], At(12, 14, 18, 1), expires: At(12, 20, 0, -5)));
        return n;
    }

    /// <summary>
    /// Every item kind with every optional field set somewhere (and left out elsewhere), private and
    /// mediator-only visibilities (each item referring only to what all who see it can see), instants with different offsets and milliseconds, and the circular case a
    /// load must order: a statement about a proposal whose answer cites that statement.
    /// </summary>
    public static Negotiation Rich(string id = "rich")
    {
        var n = new Negotiation(id, "Berlin talks (test)", "Everything the talks produce, once.");
        n.AddParty(new Party("ua", "Ukraine", [PartyRole.Principal],
            [new PartyDelegate("zelensky", "Volodymyr Zelensky", "President of Ukraine"), new PartyDelegate("umerov", "Rustem Umerov", "")]));
        n.AddParty(new Party("ru", "Russia", [PartyRole.Principal]));
        n.AddParty(new Party("us", "United States", [PartyRole.Guarantor, PartyRole.Mediator],
            [new PartyDelegate("witkoff", "Steve Witkoff", "Special Envoy")]));
        n.AddParty(new Party("eu", "European coalition", [PartyRole.Guarantor, PartyRole.Observer]));

        n.AddIssue(new Issue("territory", "Territory", "territory", 3,
            [new Option("freeze", "Freeze on the line of contact", "Both sides stop where they stand."),
             new Option("withdraw", "Ukrainian withdrawal from Donbas")]));
        n.AddIssue(new Issue("guarantees", "Security guarantees", "security", 2.5,
            [new Option("art5", "Article 5-like"), new Option("none", "None")],
            principals: ["ua", "ru", "us"], description: "Who guarantees what."));
        n.AddIssue(new Issue("znpp", "Zaporizhzhia plant", "", 0.75, [new Option("joint", "Joint operation")]));

        n.AddProposal(new Proposal("us-offer", "us", "US offer",
            new Dictionary<string, string> { ["territory"] = "freeze", ["guarantees"] = "art5" }, ["ua", "ru"],
            At(12, 14, 18, 1, ms: 250), expires: At(12, 20, 0, -5), description: "The 20-point plan."));
        n.AddProposal(new Proposal("truce", "ua", "Christmas energy truce", new Dictionary<string, string> { ["znpp"] = "joint" },
            ["ru"], At(12, 15, 9, 2), visibility: Visibility.PrivateTo("ua")));

        n.AddStatement(new Statement("s-ua", At(12, 14, 10, 2), "Not de jure or de facto.", ["ua"], speaker: "zelensky",
            stances: [new StatementStance("territory", "withdraw", null, Stance.RedLine), new StatementStance("guarantees", null, null, Stance.Preferred)],
            source: "https://example.org/ua"));
        n.AddStatement(new Statement("s-joint", At(12, 15, 20, 1), "European joint statement on the offer.", ["eu", "ua"],
            stances: [new StatementStance(null, null, "us-offer", Stance.Acceptable)]));
        n.AddStatement(new Statement("s-ru", At(12, 17, 8, 3), "A fundamental demand.", ["ru"],
            stances: [new StatementStance(null, null, "us-offer", Stance.Unacceptable)], visibility: Visibility.MediatorOnly));

        n.Respond("us-offer", new Response("ua", ResponseKind.Accept, At(12, 16, 12, 2), "s-joint"));
        n.Respond("us-offer", new Response("ru", ResponseKind.Reject, At(12, 17, 8, 3)));
        n.Withdraw("truce", At(12, 18, 0, 5.5));

        n.RecordPosition(new Position("ua-territory-1", "ua", "territory", At(12, 14, 10, 2),
            new Dictionary<string, Stance> { ["freeze"] = Stance.Acceptable, ["withdraw"] = Stance.RedLine },
            statement: "s-ua", note: "Public line.", visibility: Visibility.PrivateTo("ua")));
        n.RecordPosition(new Position("ru-territory-1", "ru", "territory", At(12, 13, 0, 3),
            new Dictionary<string, Stance> { ["withdraw"] = Stance.Preferred, ["freeze"] = Stance.RedLine }, visibility: Visibility.MediatorOnly));
        n.RecordPosition(new Position("ua-territory-2", "ua", "territory", At(12, 16, 9, -3),
            new Dictionary<string, Stance> { ["freeze"] = Stance.Preferred }));

        n.RecordAgreement(new Agreement("a-guarantees", "guarantees", "art5", ["ua", "us", "ru"], At(12, 15, 17, 1),
            adReferendum: true, source: "us-offer", note: "Pending the capitals.", visibility: Visibility.PrivateTo("us")));
        n.RecordAgreement(new Agreement("a-znpp", "znpp", "joint", ["ua"], At(12, 15, 18, 0)));

        n.AddRound(new Round("berlin", "Berlin round", At(12, 14, 9, 1), At(12, 15, 19, 1), "Berlin", ["ua", "us", "eu"],
            "Progress on guarantees."));
        n.AddRound(new Round("geneva", "Geneva contacts", At(11, 23, 9, 1), At(11, 23, 9, 1), "", [], visibility: Visibility.MediatorOnly));

        n.AddWorkingGroup(new WorkingGroup("miami-security", "Security group", ["us", "ua"], ["guarantees"],
            nextMeeting: At(12, 20, 10, -5), venue: "Miami"));
        n.AddWorkingGroup(new WorkingGroup("ru-channel", "Back channel", ["ru"], [], visibility: Visibility.PrivateTo("ru")));

        n.AddContingency(new Contingency("ua-sanctions", "ua", new ContingencyTrigger(TriggerKind.ProposalRejected, "us-offer", "ru"),
            [new ContingencyAction(ActionKind.Request, "us", "More sanctions."), new ContingencyAction(ActionKind.Request, "eu", "Long-range weapons.")],
            statement: "s-ua", visibility: Visibility.PrivateTo("ua")));
        n.AddContingency(new Contingency("truce-lapse", "ua", new ContingencyTrigger(TriggerKind.ProposalExpired, "truce"),
            [new ContingencyAction(ActionKind.Commit, "ua", "Resume strikes on refineries.")], visibility: Visibility.PrivateTo("ua")));
        return n;
    }
}
