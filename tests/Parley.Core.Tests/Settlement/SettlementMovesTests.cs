using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

public sealed class SettlementMovesTests
{
    /// <summary>
    /// A cares mostly about Y, B mostly about X; the proposal gives each its favourite on the issue it cares little
    /// about. Swapping both (A concedes X, B concedes Y) lifts each from 0.2 to 0.8.
    /// </summary>
    private static (SettlementProblem Problem, Outcome Proposal) NatoForGuarantees()
    {
        var space = new OutcomeSpace([SettlementIssue.Discrete("X", ["a", "b"]), SettlementIssue.Discrete("Y", ["a", "b"])]);
        var a = new PreferenceProfile("A", new UtilityFunction([0.2, 0.8], [[1.0, 0.0], [0.0, 1.0]]));
        var b = new PreferenceProfile("B", new UtilityFunction([0.8, 0.2], [[0.0, 1.0], [1.0, 0.0]]));
        return (new SettlementProblem(space, [a, b]), new Outcome([0, 0]));
    }

    [Fact]
    public void Trades_MirrorPriorities_SuggestsTheSwap()
    {
        var (problem, proposal) = NatoForGuarantees();

        var trade = Assert.Single(SettlementMoves.Trades(problem, proposal));

        Assert.Equal(new Outcome([1, 1]), trade.Result);
        Assert.Equal(0.6, trade.Gains[0], 12);
        Assert.Equal(0.6, trade.Gains[1], 12);
        Assert.Equal((0, 1), (trade.PartyA, trade.PartyB)); // A concedes on X, B on Y
    }

    [Fact]
    public void Improvements_MirrorPriorities_OnlyTheSwapImproves()
    {
        var (problem, proposal) = NatoForGuarantees();
        var result = SettlementAnalyzer.Analyze(problem);

        var improvement = Assert.Single(SettlementMoves.Improvements(problem, result, proposal));
        Assert.Equal(new Outcome([1, 1]), improvement.Example);
    }

    [Theory]
    [InlineData(11, 2)]
    [InlineData(16, 3)]
    [InlineData(13, 2)]
    [InlineData(14, 3)]
    public void Improvements_RandomProposal_EqualsNonDominatedImprovingOutcomes(int seed, int parties)
    {
        var problem = RandomProblems.Create(seed, parties, issues: 4, maxOptions: 4, redLines: 1, constraints: 1);
        var feasible = BruteForce.Enumerate(problem.Space).Where(problem.IsFeasible).ToList();
        var proposal = feasible[seed % feasible.Count];
        var u0 = problem.Utilities(proposal);
        var reservations = problem.Profiles.Select(p => p.Reservation).ToArray();
        var improving = BruteForce.Enumerate(problem.Space).Where(problem.IsFeasible).Select(problem.Utilities)
            .Where(u => UtilityVectors.Dominates(u, u0) && BargainingRules.IsRational(u, reservations)).ToList();
        var expected = improving.Where(u => !improving.Any(v => UtilityVectors.Dominates(v, u))).ToList();

        var found = SettlementMoves.Improvements(problem, SettlementAnalyzer.Analyze(problem), proposal);

        Assert.All(expected, u => Assert.Contains(found, f => UtilityVectors.Equal(f.Utilities.AsSpan(), u)));
        Assert.All(found, f => Assert.Contains(expected, u => UtilityVectors.Equal(f.Utilities.AsSpan(), u)));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Trades_RandomProposal_EveryTradeQualifiesAndEveryPairWithATradeIsReported(int seed)
    {
        var problem = RandomProblems.Create(seed, 3, issues: 5, maxOptions: 4, coarse: false, reservations: false);
        var proposal = new Outcome(new int[5]);
        var before = problem.Utilities(proposal);

        var trades = SettlementMoves.Trades(problem, proposal, max: int.MaxValue);

        foreach (var t in trades)
        {
            var after = problem.Utilities(t.Result);
            var fa = problem.Profiles[t.PartyA].Utility;
            var fb = problem.Profiles[t.PartyB].Utility;
            Assert.True(fa.Contribution(t.IssueX, t.OptionX) < fa.Contribution(t.IssueX, 0));
            Assert.True(fa.Contribution(t.IssueY, t.OptionY) > fa.Contribution(t.IssueY, 0));
            Assert.True(fb.Contribution(t.IssueY, t.OptionY) < fb.Contribution(t.IssueY, 0));
            Assert.True(fb.Contribution(t.IssueX, t.OptionX) > fb.Contribution(t.IssueX, 0));
            Assert.All(Enumerable.Range(0, 3), p => Assert.True(after[p] >= before[p] - 1e-9));
            Assert.True(after[t.PartyA] > before[t.PartyA] && after[t.PartyB] > before[t.PartyB]);
        }

        // Brute force over every two-issue change: each (X, Y, A, B) that admits a trade appears once.
        var expected = 0;
        for (var x = 0; x < 5; x++)
        for (var y = x + 1; y < 5; y++)
        for (var a = 0; a < 3; a++)
        for (var b = 0; b < 3; b++)
        {
            if (a == b) continue;
            var fa = problem.Profiles[a].Utility;
            var fb = problem.Profiles[b].Utility;
            var any = false;
            for (var ox = 1; ox < problem.Space.Issues[x].Count; ox++)
            for (var oy = 1; oy < problem.Space.Issues[y].Count; oy++)
            {
                var after = problem.Utilities(proposal.With(x, ox).With(y, oy));
                any |= fa.Contribution(x, ox) < fa.Contribution(x, 0) - 1e-9 && fa.Contribution(y, oy) > fa.Contribution(y, 0) + 1e-9
                    && fb.Contribution(y, oy) < fb.Contribution(y, 0) - 1e-9 && fb.Contribution(x, ox) > fb.Contribution(x, 0) + 1e-9
                    && after[a] > before[a] + 1e-9 && after[b] > before[b] + 1e-9 && Enumerable.Range(0, 3).All(p => after[p] >= before[p] - 1e-9);
            }

            if (any)
            {
                expected++;
                Assert.Contains(trades, t => t.IssueX == x && t.IssueY == y && t.PartyA == a && t.PartyB == b);
            }
        }

        Assert.Equal(expected, trades.Length);
    }

    /// <summary>
    /// With B's red line on Y = b only (X=a, Y=a) → (0.2, 0.2) and (X=b, Y=a) → (0, 1) are permitted, both on the
    /// frontier. Lifting it adds (1, 0) and the swap (0.8, 0.8), which dominates (0.2, 0.2).
    /// </summary>
    [Fact]
    public void LiftRedLine_BlocksTheSwap_FrontierGainsSwapAndLosesStatusQuo()
    {
        var (problem, _) = NatoForGuarantees();
        var redLined = problem.WithProfile(1, problem.Profiles[1].WithRedLine(new OptionRef(1, 1))); // B refuses Y = b

        var whatIf = SettlementMoves.LiftRedLine(redLined, 1, new OptionRef(1, 1));

        Assert.Equal(2, (int)whatIf.Before.Acceptable!.Value);
        Assert.Equal(4, (int)whatIf.After.Acceptable!.Value);
        Assert.Equal([new Outcome([0, 1]), new Outcome([1, 1])], whatIf.Gained.Select(g => g.Example).ToArray());
        var lost = Assert.Single(whatIf.Lost);
        Assert.Equal(new Outcome([0, 0]), lost.Example);
        Assert.Equal(BruteForce.Solve(problem).Pareto.Count, whatIf.After.Pareto.Length);
    }

    [Fact]
    public void Redacted_ForOneParty_KeepsPackagesAndOwnUtilitiesOnly()
    {
        var (problem, _) = NatoForGuarantees();
        var result = SettlementAnalyzer.Analyze(problem);

        var view = RedactedResult.For(result, "B");

        Assert.Equal(result.Pareto.Length, view.Pareto.Length);
        Assert.Equal(result.Pareto.Select(p => p.Example), view.Pareto.Select(p => p.Outcome));
        Assert.Equal(result.Pareto.Select(p => p.Utilities[1]), view.Pareto.Select(p => p.OwnUtility));
        Assert.Equal(result.Nash!.Utilities[1], view.Points[BargainingSolution.Nash].OwnUtility);
        Assert.DoesNotContain(typeof(RedactedResult).GetProperties(), p => p.PropertyType == typeof(System.Collections.Immutable.ImmutableArray<double>));
        Assert.Throws<ArgumentException>(() => RedactedResult.For(result, "C"));
    }
}
