using Parley.Core.Settlement;
using Parley.Core.Tests.Settlement;
using Parley.Solver;

namespace Parley.Solver.Tests;

/// <summary>The CP-SAT path against the brute-force oracle, with constraints, interactions and reservations.</summary>
public sealed class CpSatBargainingSolverTests
{
    private static readonly CpSatBargainingSolver Solver = new(workers: 1);

    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        for (var seed = 1; seed <= 12; seed++) data.Add(seed, 2 + seed % 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_ConstraintsAndInteractions_EqualsBruteForce(int seed, int parties)
    {
        var problem = RandomProblems.Create(500 + seed, parties, issues: 5, maxOptions: 4, redLines: 1, constraints: 3, interactions: 2, coarse: seed % 2 == 0);
        var oracle = BruteForce.Solve(problem);
        var reservations = problem.Profiles.Select(p => p.Reservation).ToArray();

        foreach (var s in new[] { BargainingSolution.Nash, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian })
        {
            var point = Solver.Solve(problem, s);
            if (oracle.Objectives[s] is not { } best)
            {
                Assert.Null(point);
                continue;
            }

            Assert.NotNull(point);
            Assert.True(problem.IsFeasible(point.Outcome));
            Assert.True(BargainingRules.IsRational(problem.Utilities(point.Outcome), reservations));
            var value = BargainingRules.Objective(s, point.Utilities.AsSpan(), reservations, oracle.Ideal);
            Assert.True(Math.Abs(best - value) <= 1e-5 * Math.Max(1, Math.Abs(best)), $"{s}: {value} vs oracle {best}");
        }
    }

    [Fact]
    public void Solve_KalaiSmorodinsky_RefusedWithReason()
    {
        var problem = RandomProblems.Create(3, 2, issues: 3, maxOptions: 3);

        var e = Assert.Throws<ArgumentException>(() => Solver.Solve(problem, BargainingSolution.KalaiSmorodinsky));
        Assert.Contains("frontier", e.Message);
    }

    [Fact]
    public void Analyze_FourPartiesHugeSpace_SolverGivesPointsTheRepresentativeSetCannotBeat()
    {
        // 4 parties on 30 issues × 10 options (10³⁰ packages): the frontier cannot be listed, so the analyzer returns a
        // representative set of supported points and asks CP-SAT for the points. No listed package may beat them.
        var problem = RandomProblems.Create(77, 4, issues: 30, maxOptions: 10, reservations: false, coarse: false);
        var result = SettlementAnalyzer.Analyze(problem, new SettlementOptions { Solver = Solver });

        Assert.False(result.FrontierComplete);
        Assert.NotEmpty(result.Pareto);
        Assert.Null(result.KalaiSmorodinsky);
        var zero = new double[4];
        foreach (var s in new[] { BargainingSolution.Nash, BargainingSolution.Egalitarian, BargainingSolution.Utilitarian })
        {
            var point = result.Point(s);
            Assert.NotNull(point);
            var value = BargainingRules.Objective(s, point.Utilities.AsSpan(), zero, result.Ideal);
            foreach (var f in result.Pareto)
                Assert.True(BargainingRules.Objective(s, f.Utilities.AsSpan(), zero, result.Ideal) <= value + 1e-5 * Math.Abs(value), $"{s} beaten by a listed package");
        }
    }
}
