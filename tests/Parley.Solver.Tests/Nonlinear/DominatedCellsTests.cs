using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver.Tests.Nonlinear;

/// <summary>The cells the frontier walk leaves out: never one a frontier vector needs (against brute force).</summary>
public sealed class DominatedCellsTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 30; seed++) data.Add(seed);
        return data;
    }

    /// <summary>
    /// Seeded pairwise problems (rectangles of one or two sides, inclusive and exclusive, negative utilities, the cap):
    /// the packages whose cells are all still in play have exactly the whole space's frontier vectors.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Find_PairwiseProblem_KeepsEveryFrontierVector(int seed)
    {
        var problem = RandomNonlinear.Create(300 + seed, issues: 4, maxValues: 7, rectangles: 6 + seed % 5, maxSides: 2);
        var (cells, outOfPlay) = Find(problem);

        var kept = RandomNonlinear.All(problem.Space).Where(x => InPlay(cells, outOfPlay, x)).Select(problem.Utilities).ToList();
        var keptFrontier = kept.Where(v => !kept.Any(w => UtilityVectors.Dominates(w, v))).ToList();

        var whole = RandomNonlinear.Frontier(problem);
        Assert.All(whole, v => Assert.Contains(keptFrontier, k => UtilityVectors.Equal(k, v)));
        Assert.All(keptFrontier, k => Assert.Contains(whole, v => UtilityVectors.Equal(k, v)));
    }

    /// <summary>The seeded problems above do leave cells out (else the check above would prove nothing).</summary>
    [Fact]
    public void Find_SeededPairwiseProblems_LeaveCellsOut()
    {
        var left = Enumerable.Range(1, 30).Sum(seed =>
            Find(RandomNonlinear.Create(300 + seed, issues: 4, maxValues: 7, rectangles: 6 + seed % 5, maxSides: 2)).OutOfPlay.Sum(i => i.Count(o => o)));

        Assert.True(left >= 30, $"only {left} cells left out over 30 problems");
    }

    /// <summary>
    /// Option 2 of the first issue pays neither party anything, options 0 and 1 pay one party each: it goes, they stay.
    /// Option 1 of the second issue pays b 4 and a 5 or nothing, never less than option 0 for either: option 0 goes.
    /// </summary>
    [Fact]
    public void Find_CellWorseForBothParties_IsLeftOut()
    {
        var space = new OutcomeSpace([SettlementIssue.Integer("i0", 0, 2), SettlementIssue.Integer("i1", 0, 1)]);
        var a = new RectangleUtility([new HyperRectangle(RectangleKind.Inclusive, 10, [new IssueBound(0, 0, 0)]),
            new HyperRectangle(RectangleKind.Inclusive, 5, [new IssueBound(0, 0, 1), new IssueBound(1, 1, 1)])], 15, 2);
        var b = new RectangleUtility([new HyperRectangle(RectangleKind.Inclusive, 10, [new IssueBound(0, 1, 1)]),
            new HyperRectangle(RectangleKind.Exclusive, 4, [new IssueBound(1, 0, 0)])], 14, 2);
        var problem = new NonlinearProblem(space, [new NonlinearProfile("a", a), new NonlinearProfile("b", b)]);

        var (cells, outOfPlay) = Find(problem);

        Assert.Equal([false, false, true], [.. Enumerable.Range(0, 3).Select(o => outOfPlay[0][Cell(cells, 0, o)])]);
        Assert.Equal([true, false], [.. Enumerable.Range(0, 2).Select(o => outOfPlay[1][Cell(cells, 1, o)])]);
    }

    /// <summary>A rectangle over three issues: the test is for pairwise problems only, so nothing is left out.</summary>
    [Fact]
    public void Find_RectangleOverThreeIssues_LeavesNothingOut()
    {
        var space = new OutcomeSpace([.. Enumerable.Range(0, 3).Select(i => SettlementIssue.Integer($"i{i}", 0, 2))]);
        var a = new RectangleUtility([new HyperRectangle(RectangleKind.Inclusive, 10, [new IssueBound(0, 0, 0)]),
            new HyperRectangle(RectangleKind.Inclusive, 5, [new IssueBound(0, 0, 1), new IssueBound(1, 1, 1), new IssueBound(2, 0, 0)])], 15, 3);
        var problem = new NonlinearProblem(space, [new NonlinearProfile("a", a), new NonlinearProfile("b", a)]);

        var (_, outOfPlay) = Find(problem);

        Assert.All(outOfPlay, issue => Assert.DoesNotContain(true, issue));
    }

    private static (OptionCells Cells, bool[][] OutOfPlay) Find(NonlinearProblem problem)
    {
        var cells = new OptionCells([.. problem.Space.Issues.Select(i => i.Count)], problem.Profiles.SelectMany(p => p.Utility.Rectangles));
        var utilities = problem.Profiles.Select(p => p.Utility).ToArray();
        return (cells, DominatedCells.Find(cells, utilities, [.. utilities.Select(f => CpSatNonlinearFrontier.Scale(f.Rectangles.Select(r => r.Utility).Append(f.MaxUtility)))]));
    }

    private static int Cell(OptionCells cells, int issue, int option) => cells.CellsIn(new IssueBound(issue, option, option))[0];

    private static bool InPlay(OptionCells cells, bool[][] outOfPlay, Outcome x) =>
        Enumerable.Range(0, cells.Issues).All(i => !outOfPlay[i][Cell(cells, i, x[i])]);
}
