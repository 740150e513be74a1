namespace Parley.Server.Tests.Access;

/// <summary>One random change: who makes it, where it goes, its body, and the visibility of what it writes.</summary>
/// <param name="Member">The member making it (a key of <see cref="LeakWorld.Members"/>).</param>
/// <param name="Path">The path under the negotiation, e.g. <c>positions</c>.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Label">The visibility of the item written (for an answer or a withdrawal, the proposal's).</param>
public sealed record LeakOperation(string Member, string Path, object Body, string Label);

public sealed partial class LeakWorld
{
    private static readonly string[] Recorders = ["mediator", "p1", "p2", "p3"];
    private static readonly string[] Issues = ["i1"];
    private static readonly string[] Options = ["o1", "o2", "o3"];
    private readonly Dictionary<string, List<string>> _proposals = [];
    private readonly Dictionary<string, List<string>> _statements = [];

    /// <summary>The ids of the items made so far in <paramref name="negotiation"/> (proposals, then statements) that later changes may refer to.</summary>
    private List<string> Proposals(string negotiation) => _proposals.TryGetValue(negotiation, out var l) ? l : _proposals[negotiation] = [];

    private List<string> Statements(string negotiation) => _statements.TryGetValue(negotiation, out var l) ? l : _statements[negotiation] = [];

    /// <summary>
    /// A random change in <paramref name="negotiation"/>: a position, statement, proposal, answer, withdrawal, agreement,
    /// round, working group, contingency or issue, by a member allowed to make it (mostly) — some are refused (another
    /// party's position, a reference to something hidden), which is part of what is tested. Texts and ids carry canaries
    /// with the item's visibility.
    /// </summary>
    public LeakOperation Next(string negotiation)
    {
        var member = Pick(Recorders);
        var own = member == "mediator" ? Pick(Parties) : Members[member].Party!;
        var label = Label(member);
        var c = Canary(negotiation, label);
        var ref1 = Proposals(negotiation).Count > 0 && Chance(0.5) ? Pick(Proposals(negotiation)) : null;
        var statement = Statements(negotiation).Count > 0 && Chance(0.3) ? Pick(Statements(negotiation)) : null;
        var proposalLabel = ref1 is null ? "mediator" : Canaries[ref1[3..]].Visibility;
        switch (_random.Next(10))
        {
            case 0 or 1:
                return new(member, "positions", new
                {
                    id = "pos-" + c, party = Chance(0.9) ? own : Pick(Parties), issue = Pick(Issues), validFrom = Time(), note = "note " + c, visibility = label,
                    stances = new Dictionary<string, string> { [Pick(Options)] = Pick(["preferred", "acceptable", "unacceptable", "redLine"]) },
                    statement,
                }, label);
            case 2 or 3:
                Statements(negotiation).Add("st-" + c);
                return new(member, "statements", new
                {
                    id = "st-" + c, text = "said " + c, signatories = new[] { own }, at = Time(), visibility = label,
                    stances = ref1 is null ? null : new[] { new { stance = "acceptable", proposal = ref1 } },
                }, label);
            case 4:
                Proposals(negotiation).Add("pr-" + c);
                return new(member, "proposals", new
                {
                    id = "pr-" + c, author = own, title = "offer " + c, description = "why " + c, visibility = label, created = "2025-12-01T00:00:00Z",
                    package = new Dictionary<string, string> { ["i1"] = Pick(Options) }, addressees = Parties.Where(p => p != own).ToArray(),
                }, label);
            case 5 when ref1 is not null:
                return new(member, $"proposals/{ref1}/responses", new { party = own, kind = Pick(["accept", "reject"]), at = Time(), statement }, proposalLabel);
            case 6 when ref1 is not null && Chance(0.3):
                return new(member, $"proposals/{ref1}/withdrawal", new { at = Time() }, proposalLabel);
            case 6:
                return new("mediator", "agreements", new { id = "ag-" + c, issue = "i1", option = Pick(Options), parties = Parties, at = Time(), note = "agreed " + c, visibility = label }, label);
            case 7:
                return new("mediator", "rounds", new
                {
                    id = "rd-" + c, title = "round " + c, start = "2025-12-02T09:00:00Z", end = "2025-12-02T17:00:00Z", venue = "venue " + c,
                    attendees = Parties, outcome = "outcome " + c, visibility = label,
                }, label);
            case 8 when ref1 is not null:
                return new("mediator", "contingencies", new
                {
                    id = "ct-" + c, owner = own, trigger = "proposalRejected", proposal = ref1, visibility = label,
                    actions = new[] { new { kind = "request", party = Pick(Parties), text = "act " + c } },
                }, label);
            case 8:
                return new("mediator", "working-groups", new { id = "wg-" + c, name = "group " + c, members = Parties, issues = new[] { "i1" }, venue = "room " + c, visibility = label }, label);
            default:
                return new("mediator", "issues", new
                {
                    id = "is-" + c, title = "issue " + c, description = "about " + c, visibility = label,
                    options = new[] { new { id = "a", label = "A " + c }, new { id = "b", label = "B" } },
                }, label);
        }
    }
}
