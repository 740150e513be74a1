using Parley.Core.Talks;
using Parley.Data.Tests.Support;
using Parley.Testing;
using static Parley.Data.Tests.Support.Samples;

namespace Parley.Data.Tests.Persistence;

/// <summary>
/// One change per store method, on <see cref="Samples.Small"/>: the change through the store, the same change
/// on an in-memory aggregate (what the stored result must equal), and a variant the aggregate refuses.
/// </summary>
/// <param name="Action">The history action it records.</param>
/// <param name="ItemKind">The history item kind.</param>
/// <param name="ItemId">The item changed.</param>
/// <param name="InMemory">The change applied to an aggregate.</param>
/// <param name="Apply">The change through the store: (store, negotiation id, actor) → found.</param>
/// <param name="Violate">A variant breaking a rule of the negotiation.</param>
public sealed record ChangeCase(
    string Action,
    string ItemKind,
    string ItemId,
    Action<Negotiation> InMemory,
    Func<NegotiationStore, string, string, Task<bool>> Apply,
    Func<NegotiationStore, string, string, Task<bool>> Violate)
{
    public static readonly IReadOnlyDictionary<string, ChangeCase> All = new ChangeCase[]
    {
        Item("party.added", "party", "eu",
            new Party("eu", "European coalition", [PartyRole.Guarantor], [new PartyDelegate("costa", "António Costa", "President of the European Council")], Visibility.PrivateTo("ua")),
            new Party("ua", "Ukraine again", [PartyRole.Observer]),
            (n, x) => n.AddParty(x), (s, id, x, a) => s.AddPartyAsync(id, x, a)),
        Item("issue.added", "issue", "energy",
            new Issue("energy", "Energy truce", "humanitarian", 1.5, [new Option("halt", "Halt strikes on energy")], principals: ["ua", "ru", "us"]),
            new Issue("energy", "Energy truce", "humanitarian", 1.5, [new Option("halt", "Halt strikes")], principals: ["ua", "xx"]),
            (n, x) => n.AddIssue(x), (s, id, x, a) => s.AddIssueAsync(id, x, a)),
        Item("statement.added", "statement", "s2",
            new Statement("s2", At(12, 17, 8, 3), "The offer is unacceptable.", ["ru"], stances: [new StatementStance(null, null, "p1", Stance.Unacceptable)]),
            new Statement("s2", At(12, 17, 8, 3), "Said by nobody.", ["ru"], speaker: "nobody"),
            (n, x) => n.AddStatement(x), (s, id, x, a) => s.AddStatementAsync(id, x, a)),
        Item("position.recorded", "position", "ru-territory",
            new Position("ru-territory", "ru", "territory", At(12, 13, 0, 3),
                new Dictionary<string, Stance> { ["withdraw"] = Stance.Preferred, ["freeze"] = Stance.RedLine }, "s1", "Reported.", Visibility.MediatorOnly),
            new Position("ru-territory", "ru", "territory", At(12, 13, 0, 3), new Dictionary<string, Stance> { ["moon"] = Stance.Acceptable }),
            (n, x) => n.RecordPosition(x), (s, id, x, a) => s.RecordPositionAsync(id, x, a)),
        Item("proposal.added", "proposal", "p2",
            new Proposal("p2", "ua", "Counter-offer", new Dictionary<string, string> { ["territory"] = "freeze" }, ["ru"], At(12, 16, 9, 2), At(12, 21, 9, 2)),
            new Proposal("p2", "xx", "Counter-offer", new Dictionary<string, string> { ["territory"] = "freeze" }, ["ru"], At(12, 16, 9, 2)),
            (n, x) => n.AddProposal(x), (s, id, x, a) => s.AddProposalAsync(id, x, a)),
        new("proposal.responded", "proposal", "p1",
            n => n.Respond("p1", new Response("ua", ResponseKind.Accept, At(12, 16, 12, 2), "s1")),
            (s, id, a) => s.RespondAsync(id, "p1", new Response("ua", ResponseKind.Accept, At(12, 16, 12, 2), "s1"), a),
            (s, id, a) => s.RespondAsync(id, "p1", new Response("us", ResponseKind.Accept, At(12, 16, 12, 2)), a)),
        new("proposal.withdrawn", "proposal", "p1",
            n => n.Withdraw("p1", At(12, 18, 0, 1)),
            (s, id, a) => s.WithdrawAsync(id, "p1", At(12, 18, 0, 1), a),
            (s, id, a) => s.WithdrawAsync(id, "p1", At(12, 1, 0, 1), a)),
        Item("agreement.recorded", "agreement", "a1",
            new Agreement("a1", "territory", "freeze", ["ua", "ru"], At(12, 19, 16, 1), adReferendum: true, source: "p1", note: "Pending."),
            new Agreement("a1", "territory", "moon", ["ua", "ru"], At(12, 19, 16, 1)),
            (n, x) => n.RecordAgreement(x), (s, id, x, a) => s.RecordAgreementAsync(id, x, a)),
        Item("round.added", "round", "berlin",
            new Round("berlin", "Berlin round", At(12, 14, 9, 1), At(12, 15, 19, 1), "Berlin", ["ua", "us"], "Progress."),
            new Round("berlin", "Berlin round", At(12, 14, 9, 1), At(12, 15, 19, 1), "Berlin", ["ua", "xx"]),
            (n, x) => n.AddRound(x), (s, id, x, a) => s.AddRoundAsync(id, x, a)),
        Item("working-group.added", "working-group", "wg1",
            new WorkingGroup("wg1", "Security", ["us", "ua"], ["territory"], At(12, 20, 10, -5), "Miami"),
            new WorkingGroup("wg1", "Security", ["us", "ua"], ["moon"]),
            (n, x) => n.AddWorkingGroup(x), (s, id, x, a) => s.AddWorkingGroupAsync(id, x, a)),
        Item("contingency.added", "contingency", "c1",
            new Contingency("c1", "ua", new ContingencyTrigger(TriggerKind.ProposalRejected, "p1", "ru"),
                [new ContingencyAction(ActionKind.Request, "us", "More sanctions.")], "s1", Visibility.PrivateTo("ua")),
            new Contingency("c1", "ua", new ContingencyTrigger(TriggerKind.ProposalRejected, "p9"),
                [new ContingencyAction(ActionKind.Request, "us", "More sanctions.")]),
            (n, x) => n.AddContingency(x), (s, id, x, a) => s.AddContingencyAsync(id, x, a)),
    }.ToDictionary(c => c.Action);

    /// <summary>Every action, for [MemberData].</summary>
    public static TheoryData<string> Actions
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var action in All.Keys) data.Add(action);
            return data;
        }
    }

    private static ChangeCase Item<T>(string action, string kind, string id, T good, T bad,
        Action<Negotiation, T> add, Func<NegotiationStore, string, T, string, Task<bool>> store) =>
        new(action, kind, id, n => add(n, good), (s, nid, a) => store(s, nid, good, a), (s, nid, a) => store(s, nid, bad, a));
}
