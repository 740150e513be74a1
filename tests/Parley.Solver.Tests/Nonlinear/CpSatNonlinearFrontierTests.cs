using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver.Tests.Nonlinear;

/// <summary>The CP-SAT nonlinear frontier against brute force on small seeded spaces, and its budget behaviour.</summary>
public sealed class CpSatNonlinearFrontierTests
{
    private static readonly CpSatNonlinearFrontier Solver = new();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 15; seed++) data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Frontier_RandomSmallSpace_EqualsBruteForce(int seed)
    {
        var problem = RandomNonlinear.Create(seed, issues: 3 + seed % 3, maxValues: 4, rectangles: 6 + seed % 5);
        var oracle = RandomNonlinear.Frontier(problem);

        var frontier = Solver.Frontier(problem);

        Assert.Equal(FrontierStatus.Exact, frontier.Status);
        var found = frontier.Outcomes.Select(problem.Utilities).ToList();
        Assert.Equal(oracle.Count, found.Count);
        foreach (var v in oracle) Assert.Contains(found, f => UtilityVectors.Equal(f, v));
    }

    /// <summary>
    /// Rectangles of one or two sides (as in the 50-issue ANAC 2014 domain, where the walk uses CP-SAT's LP) over issues
    /// of up to 9 options that few bounds tell apart: the walk searches cells of options and reports one option for each.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Frontier_PairwiseRectanglesOnWideIssues_EqualsBruteForce(int seed)
    {
        var problem = RandomNonlinear.Create(200 + seed, issues: 4, maxValues: 9, rectangles: 5 + seed % 4, maxSides: 2);
        var oracle = RandomNonlinear.Frontier(problem);

        var frontier = Solver.Frontier(problem);

        Assert.Equal(FrontierStatus.Exact, frontier.Status);
        var found = frontier.Outcomes.Select(problem.Utilities).ToList();
        Assert.Equal(oracle.Count, found.Count);
        foreach (var v in oracle) Assert.Contains(found, f => UtilityVectors.Equal(f, v));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_RandomSmallSpace_PointsEqualBruteForceOverAllOutcomes(int seed)
    {
        var problem = RandomNonlinear.Create(100 + seed);
        var all = RandomNonlinear.All(problem.Space).Select(problem.Utilities).ToList();
        var ideal = Enumerable.Range(0, 2).Select(p => all.Max(u => u[p])).ToArray();

        var result = NonlinearAnalyzer.Analyze(problem, Solver).Result;

        Assert.Equal(ideal, result.Ideal.ToArray());
        foreach (var s in new[] { BargainingSolution.Nash, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian })
        {
            var best = BargainingRules.Best(s, all.Count, i => all[i], problem.Reservations, ideal);
            var point = result.Point(s);
            if (best < 0)
            {
                Assert.Null(point);
                continue;
            }

            Assert.NotNull(point);
            Assert.Equal(BargainingRules.Objective(s, all[best], problem.Reservations, ideal),
                BargainingRules.Objective(s, point.Utilities.AsSpan(), problem.Reservations, ideal), 9);
            Assert.Equal(point.Utilities.ToArray(), problem.Utilities(point.Outcome));
        }

        Assert.Equal(all.Min(u => BargainingRules.OppositionDistance(u, ideal)), result.Opposition!.Value, 9);
    }

    [Fact]
    public void Frontier_BudgetSpent_StopsWithParetoOptimalPointsAndATrueBound()
    {
        var problem = RandomNonlinear.Create(7, issues: 5, maxValues: 5, rectangles: 12);
        var exact = Solver.Frontier(problem);
        using var spent = new CancellationTokenSource();
        spent.Cancel();

        var stopped = Solver.Frontier(problem, spent.Token);

        Assert.Equal(FrontierStatus.StoppedByBudget, stopped.Status);
        Assert.Empty(stopped.Outcomes);
        Assert.True(stopped.SizeBound >= exact.Outcomes.Length, $"bound {stopped.SizeBound} < {exact.Outcomes.Length}");
        var summary = NonlinearAnalyzer.Summarise(problem, stopped).Result;
        Assert.False(summary.FrontierComplete);
        Assert.Null(summary.Opposition);
    }

    [Fact]
    public void Frontier_ThreeParties_RefusedWithReason()
    {
        var two = RandomNonlinear.Create(3);
        var three = new NonlinearProblem(two.Space, [.. two.Profiles, new NonlinearProfile("c", two.Profiles[0].Utility)]);

        var e = Assert.Throws<ArgumentException>(() => Solver.Frontier(three));

        Assert.Contains("two parties", e.Message);
    }
}
