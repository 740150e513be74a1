using Parley.Core.Settlement;
using Parley.Core.Talks;
using TalksIssue = Parley.Core.Talks.Issue;

namespace Parley.Core.Tests.Settlement;

/// <summary>From a negotiation and its profiles to a settlement problem: agreed issues, red lines of positions, constraints.</summary>
public class NegotiationSettlementTests
{
    private static readonly DateTimeOffset Dec1 = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Dec10 = new(2025, 12, 10, 0, 0, 0, TimeSpan.Zero);

    private static Negotiation Talks()
    {
        var n = new Negotiation("t", "Test talks");
        n.AddParty(new Party("a", "A", [PartyRole.Principal]));
        n.AddParty(new Party("b", "B", [PartyRole.Principal]));
        n.AddIssue(new TalksIssue("x", "X", "", 1, [new Option("x1", "X1"), new Option("x2", "X2"), new Option("x3", "X3")]));
        n.AddIssue(new TalksIssue("y", "Y", "", 1, [new Option("y1", "Y1"), new Option("y2", "Y2")]));
        n.AddIssue(new TalksIssue("z", "Z", "", 1, [new Option("z1", "Z1"), new Option("z2", "Z2")]));
        return n;
    }

    private static PartyPreferences Profile(string party, double x1, double x2, double x3, double y1, double y2,
        IEnumerable<PreferenceConstraint>? constraints = null, IEnumerable<OptionKey>? redLines = null) =>
        new(party,
            [new IssuePreference("x", 0.6, [new("x1", x1), new("x2", x2), new("x3", x3)]), new IssuePreference("y", 0.4, [new("y1", y1), new("y2", y2)])],
            reservation: 0.1, redLines: redLines, constraints: constraints);

    [Fact]
    public void Build_WithoutAsOf_WholeAgendaAndUtilitiesAsListed()
    {
        var problem = NegotiationSettlement.Build(Talks(), [Profile("a", 1, 0.5, 0, 0, 1), Profile("b", 0, 0.5, 1, 1, 0)]);

        Assert.Equal(12, (int)problem.Problem.Space.Size);
        Assert.Empty(problem.Fixed);
        var outcome = problem.Problem.Space.OutcomeOf(new Dictionary<string, string> { ["x"] = "x2", ["y"] = "y2", ["z"] = "z1" });
        // a: 0.6·0.5 + 0.4·1, b: 0.6·0.5 + 0.4·0; z is valued by nobody (weight 0).
        Assert.Equal([0.7, 0.3], problem.Problem.Utilities(outcome), (p, q) => Math.Abs(p - q) < 1e-12);
    }

    [Fact]
    public void Build_AsOfAfterAgreement_FixesTheIssueToItsOption()
    {
        var n = Talks();
        n.RecordAgreement(new Agreement("y.1", "y", "y2", ["a", "b"], Dec1));

        var before = NegotiationSettlement.Build(n, [Profile("a", 1, 0.5, 0, 0, 1)], Dec1.AddDays(-1));
        var after = NegotiationSettlement.Build(n, [Profile("a", 1, 0.5, 0, 0, 1)], Dec1);

        Assert.Empty(before.Fixed);
        Assert.Equal([KeyValuePair.Create("y", "y2")], after.Fixed.ToArray());
        Assert.Equal(["y2"], after.Problem.Space.Issues[1].Options.ToArray());
        Assert.Equal(6, (int)after.Problem.Space.Size);
    }

    [Fact]
    public void Build_PositionRedLine_ExcludedOnlyWhileThePositionHolds()
    {
        var n = Talks();
        n.RecordPosition(new Position("p1", "a", "x", Dec1, new Dictionary<string, Stance> { ["x3"] = Stance.RedLine, ["x2"] = Stance.Unacceptable }));
        n.RecordPosition(new Position("p2", "a", "x", Dec10, new Dictionary<string, Stance> { ["x3"] = Stance.Acceptable }));
        PartyPreferences[] profiles = [Profile("a", 1, 0.5, 0, 0, 1), Profile("b", 0, 0.5, 1, 1, 0)];

        var held = NegotiationSettlement.Build(n, profiles, Dec1);
        var lifted = NegotiationSettlement.Build(n, profiles, Dec10);

        Assert.Equal([new OptionKey("x", "x3")], held.PositionRedLines[0].ToArray());
        Assert.Empty(lifted.PositionRedLines[0]);
        var x3 = held.Problem.Space.OutcomeOf(new Dictionary<string, string> { ["x"] = "x3", ["y"] = "y1", ["z"] = "z1" });
        var x2 = x3.With(0, 1);
        Assert.False(held.Problem.IsFeasible(x3));
        Assert.True(held.Problem.IsFeasible(x2)); // unacceptable is not a red line
        Assert.True(lifted.Problem.IsFeasible(x3));
    }

    [Fact]
    public void Build_LiftedRedLine_SetsThePositionsRedLineAside()
    {
        var n = Talks();
        n.RecordPosition(new Position("p1", "a", "x", Dec1, new Dictionary<string, Stance> { ["x3"] = Stance.RedLine }));
        var profile = Profile("a", 1, 0.5, 0, 0, 1) with { LiftedRedLines = [new OptionKey("x", "x3")] };

        var problem = NegotiationSettlement.Build(n, [profile], Dec10);

        Assert.Empty(problem.PositionRedLines[0]);
        Assert.Empty(problem.Problem.Profiles[0].RedLines);
    }

    [Fact]
    public void Build_RequiredOptionAgreedAway_TriggerBecomesARedLine()
    {
        var n = Talks();
        n.RecordAgreement(new Agreement("y.1", "y", "y1", ["a", "b"], Dec1));
        var requires = new PreferenceConstraint(ConstraintKind.Requires, new("x", "x2"), new("y", "y2"));
        var excludes = new PreferenceConstraint(ConstraintKind.Excludes, new("x", "x1"), new("y", "y2"));

        var problem = NegotiationSettlement.Build(n, [Profile("a", 1, 0.5, 0, 0, 1, [requires, excludes])], Dec10);

        var engine = problem.Problem.Profiles[0];
        Assert.Equal([new OptionRef(0, 1)], engine.RedLines.ToArray());
        Assert.Empty(engine.Constraints); // the exclusion can no longer bite: y2 is gone
    }

    [Fact]
    public void Build_ConstraintBetweenOpenIssues_KeptAndMatchesBruteForce()
    {
        var requires = new PreferenceConstraint(ConstraintKind.Requires, new("x", "x2"), new("y", "y1"));
        var problem = NegotiationSettlement.Build(Talks(),
            [Profile("a", 1, 0.5, 0, 0, 1, [requires]), Profile("b", 0, 0.5, 1, 1, 0, redLines: [new OptionKey("x", "x1")])]);

        var result = SettlementAnalyzer.Analyze(problem.Problem);
        var oracle = BruteForce.Solve(problem.Problem);

        Assert.Equal(oracle.Acceptable, (long)result.Acceptable!.Value);
        Assert.Equal(oracle.Pareto.Count, result.Pareto.Length);
        Assert.All(result.Pareto, p => Assert.NotEqual(0, p.Example[0]));
    }

    [Fact]
    public void Build_ProfileNamingUnknownOption_Refused()
    {
        var bad = new PartyPreferences("a", [new IssuePreference("x", 1, [new("x9", 1)])]);

        var e = Assert.Throws<ArgumentException>(() => NegotiationSettlement.Build(Talks(), [bad]));

        Assert.Contains("issues.x.values.x9", e.Message);
    }

    [Fact]
    public void Reference_ProposalAndPairs_LaterItemsWinAgreedIssuesStay()
    {
        var n = Talks();
        n.RecordAgreement(new Agreement("z.1", "z", "z2", ["a", "b"], Dec1));
        n.AddProposal(new Proposal("offer", "a", "Offer", new Dictionary<string, string> { ["x"] = "x3", ["y"] = "y2", ["z"] = "z1" }, ["b"], Dec1));
        var problem = NegotiationSettlement.Build(n, [Profile("a", 1, 0.5, 0, 0, 1)], Dec10);
        var fill = new Outcome([0, 0, 0]);

        var reference = NegotiationSettlement.Reference(problem, n, "offer, x=x2", fill);

        Assert.Equal(new Outcome([1, 1, 0]), reference);
        Assert.Contains("is agreed", Assert.Throws<ArgumentException>(() => NegotiationSettlement.Reference(problem, n, "z=z1", fill)).Message);
        Assert.Contains("unknown proposal", Assert.Throws<ArgumentException>(() => NegotiationSettlement.Reference(problem, n, "nothing", fill)).Message);
        Assert.Contains("no option 'x7'", Assert.Throws<ArgumentException>(() => NegotiationSettlement.Reference(problem, n, "x=x7", fill)).Message);
        Assert.Contains("empty item", Assert.Throws<ArgumentException>(() => NegotiationSettlement.Reference(problem, n, "x=x1,,", fill)).Message);
    }
}
