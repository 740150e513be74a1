using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

/// <summary>The fast engine against the brute-force oracle on seeded random problems.</summary>
public sealed class SettlementAnalyzerOracleTests
{
    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        for (var seed = 1; seed <= 40; seed++) data.Add(seed, seed % 2 == 0 ? 2 : 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_AdditiveWithTies_EqualsBruteForce(int seed, int parties)
    {
        var problem = RandomProblems.Create(seed, parties, issues: 4 + seed % 3, maxOptions: 4);
        AssertSame(problem);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Analyze_RedLinesConstraintsInteractions_EqualsBruteForce(int seed, int parties)
    {
        var problem = RandomProblems.Create(1000 + seed, parties, issues: 5, maxOptions: 4, redLines: 1, constraints: 2, interactions: 2);
        AssertSame(problem);
    }

    [Theory]
    [InlineData(7, 2)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    public void Analyze_ContinuousValues_EqualsBruteForce(int seed, int parties)
    {
        var problem = RandomProblems.Create(seed, parties, issues: 6, maxOptions: 4, coarse: false);
        AssertSame(problem);
    }

    [Fact]
    public void Analyze_EveryOptionRedLined_NothingAcceptableAndNoPoints()
    {
        var problem = RandomProblems.Create(5, 2, issues: 3, maxOptions: 2);
        var p0 = problem.Profiles[0];
        for (var o = 0; o < problem.Space.Issues[1].Count; o++) p0 = p0.WithRedLine(new OptionRef(1, o));
        var result = SettlementAnalyzer.Analyze(problem.WithProfile(0, p0));

        Assert.Equal(0, (int)result.Acceptable!.Value);
        Assert.Empty(result.Pareto);
        Assert.Null(result.Nash);
        Assert.Null(result.Opposition);
    }

    internal static void AssertSame(SettlementProblem problem)
    {
        var fast = SettlementAnalyzer.Analyze(problem);
        var slow = BruteForce.Solve(problem);

        Assert.True(fast.FrontierComplete);
        Assert.Equal(slow.Outcomes, (long)fast.Outcomes);
        Assert.Equal(slow.Acceptable, (long)fast.Acceptable!.Value);
        Assert.Equal(slow.Pareto.Count, fast.Pareto.Length);
        foreach (var (u, count, _) in slow.Pareto)
        {
            var match = fast.Pareto.Single(f => UtilityVectors.Equal(f.Utilities.AsSpan(), u));
            Assert.Equal((UInt128)count, match.Count);
            Assert.True(problem.IsFeasible(match.Example));
            Assert.True(UtilityVectors.Equal(problem.Utilities(match.Example), u));
        }

        for (var i = 0; i < fast.Pareto.Length; i++)
            for (var j = 0; j < fast.Pareto.Length; j++)
                Assert.False(UtilityVectors.Dominates(fast.Pareto[i].Utilities.AsSpan(), fast.Pareto[j].Utilities.AsSpan()));

        for (var p = 0; p < problem.PartyCount; p++) Assert.Equal(slow.Ideal[p], fast.Ideal[p], 9);
        foreach (var s in Enum.GetValues<BargainingSolution>())
        {
            var point = fast.Point(s);
            if (slow.Objectives[s] is not { } best)
            {
                Assert.Null(point);
                continue;
            }

            Assert.NotNull(point);
            Assert.Equal<double>(problem.Utilities(point.Outcome), point.Utilities.ToArray());
            Assert.Equal(best, BargainingRules.Objective(s, point.Utilities.AsSpan(), fast.Reservations, fast.Ideal), 9);
        }

        if (slow.Opposition is { } opposition) Assert.Equal(opposition, fast.Opposition!.Value, 9);
        else Assert.Null(fast.Opposition);
    }
}
