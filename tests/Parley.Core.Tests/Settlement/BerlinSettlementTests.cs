using Parley.Core.Formats.Scenario;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Core.Tests.Formats.Scenario;

namespace Parley.Core.Tests.Settlement;

/// <summary>
/// The demo's illustrative profiles tell the article's settlement story, computed from scenarios/berlin-2025.yaml:
/// the frontier, the Nash package, and the trade of NATO membership for Western guarantees.
/// </summary>
public class BerlinSettlementTests
{
    private static readonly DateTimeOffset EndOfBerlin = new(2025, 12, 15, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeBerlin = new(2025, 12, 13, 23, 59, 59, TimeSpan.Zero);

    private static ScenarioReadResult Berlin()
    {
        var result = ScenarioReader.Read(Repo.Read("scenarios/berlin-2025.yaml"), "berlin-2025.yaml");
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return result;
    }

    private static NegotiationProblem Problem(DateTimeOffset? asOf)
    {
        var berlin = Berlin();
        return NegotiationSettlement.Build(berlin.Negotiation!, berlin.Preferences, asOf);
    }

    private static string Choice(NegotiationProblem problem, Outcome outcome, string issue) =>
        problem.Problem.Space.Describe(outcome).Single(kv => kv.Key == issue).Value;

    [Fact]
    public void Berlin_Profiles_PrincipalsAndMediatorEachPrivate()
    {
        var profiles = Berlin().Preferences;

        Assert.Equal(["ua", "ru", "us"], profiles.Select(p => p.Party));
        Assert.All(profiles, p => Assert.Equal(Visibility.PrivateTo(p.Party), p.Visibility));
        Assert.Contains("ILLUSTRATIVE", Repo.Read("scenarios/berlin-2025.yaml"));
    }

    [Fact]
    public void Berlin_AsOfFifteenthDecember_SettlesTheTwoOpenIssues()
    {
        var problem = Problem(EndOfBerlin);
        var result = SettlementAnalyzer.Analyze(problem.Problem);

        // 20 issues agreed and fixed; territory (4 options) and the plant (3) stay open.
        Assert.Equal(20, problem.Fixed.Length);
        Assert.Equal(12, (int)result.Outcomes);
        // The red lines of the positions leave one territorial option: the zone of the 20-point framework.
        Assert.All(result.Pareto, p => Assert.Equal("free-economic-zone", Choice(problem, p.Example, "territory")));
        Assert.Equal(3, (int)result.Acceptable!.Value);
        Assert.Equal(3, result.Pareto.Length);
        // Nash: the US alternative for the plant, between Ukraine's joint venture and Russia's IAEA split.
        Assert.Equal("us-led-trilateral", Choice(problem, result.Nash!.Outcome, "nuclear-plant"));
        Assert.Equal("free-economic-zone", Choice(problem, result.Nash.Outcome, "territory"));
    }

    [Fact]
    public void Berlin_AsOfFifteenthDecember_EngineEqualsBruteForce()
    {
        var problem = Problem(EndOfBerlin).Problem;
        var result = SettlementAnalyzer.Analyze(problem);
        var oracle = BruteForce.Solve(problem);

        Assert.Equal(oracle.Acceptable, (long)result.Acceptable!.Value);
        Assert.Equal(oracle.Pareto.Count, result.Pareto.Length);
        Assert.Equal(oracle.Objectives[BargainingSolution.Nash]!.Value,
            BargainingRules.Objective(BargainingSolution.Nash, [.. result.Nash!.Utilities], [.. result.Reservations], [.. result.Ideal]), 12);
    }

    [Fact]
    public void Berlin_WholeAgenda_NashIsTheBerlinFramework()
    {
        var problem = Problem(null);
        var result = SettlementAnalyzer.Analyze(problem.Problem);

        Assert.True(result.FrontierComplete);
        Assert.Equal(162, result.Pareto.Length);
        Assert.Equal(3_342_272, (long)result.Acceptable!.Value);
        var nash = result.Nash!.Outcome;
        // What Berlin agreed on the security core: NATO forgone for Article 5-like guarantees, monitoring US-led.
        Assert.Equal("forgo-membership", Choice(problem, nash, "nato"));
        Assert.Equal("article5-like", Choice(problem, nash, "guarantees"));
        Assert.Equal("us-led-space-monitoring", Choice(problem, nash, "monitoring"));
        Assert.Equal("on-signing", Choice(problem, nash, "ceasefire"));
        Assert.Equal("free-economic-zone", Choice(problem, nash, "territory"));
        // Every package on the frontier forgoes NATO membership: both principals' red lines leave nothing else.
        Assert.All(result.Pareto, p => Assert.Equal("forgo-membership", Choice(problem, p.Example, "nato")));
    }

    [Fact]
    public void Berlin_BeforeBerlin_TradeSuggestsNatoForGuarantees()
    {
        var berlin = Berlin();
        var problem = NegotiationSettlement.Build(berlin.Negotiation!, berlin.Preferences, BeforeBerlin);
        var result = SettlementAnalyzer.Analyze(problem.Problem);
        // Where Kyiv stood before 14 Dec: on its path to NATO, with only the 28-point plan's conditional US guarantee.
        var from = NegotiationSettlement.Reference(problem, berlin.Negotiation!,
            "nato=membership-path,guarantees=us-guarantee-conditional", result.Nash!.Outcome);

        var trades = SettlementMoves.Trades(problem.Problem, from);

        Assert.NotEmpty(trades);
        var best = trades[0];
        var space = problem.Problem.Space;
        Assert.Equal(("ua", "nato", "forgo-membership"), (problem.Problem.Profiles[best.PartyA].Party, space.Issues[best.IssueX].Name, space.Issues[best.IssueX].Options[best.OptionX]));
        Assert.Equal(("guarantees", "article5-like"), (space.Issues[best.IssueY].Name, space.Issues[best.IssueY].Options[best.OptionY]));
        Assert.All(best.Gains, g => Assert.True(g > 0.05, $"gain {g}"));
        // Both counterparts appear: Russia accepting the guarantees, and the US giving them.
        Assert.Equal(["ru", "us"], trades.Where(t => t.IssueX == best.IssueX && t.IssueY == best.IssueY && t.PartyA == best.PartyA)
            .Select(t => problem.Problem.Profiles[t.PartyB].Party).Order());
        Assert.Equal(best.Result, trades[1].Result);
    }

    [Fact]
    public void Berlin_RedactedForUkraine_OnlyItsOwnUtilities()
    {
        var result = SettlementAnalyzer.Analyze(Problem(EndOfBerlin).Problem);

        var view = RedactedResult.For(result, "ua");

        Assert.Equal(result.Pareto.Select(p => p.Utilities[0]), view.Pareto.Select(p => p.OwnUtility));
        Assert.Equal(result.Nash!.Utilities[0], view.Points[BargainingSolution.Nash].OwnUtility);
    }
}
