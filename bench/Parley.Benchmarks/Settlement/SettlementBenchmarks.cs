using BenchmarkDotNet.Attributes;
using Parley.Core.Settlement;
using Parley.Solver;

namespace Parley.Benchmarks.Settlement;

/// <summary>
/// All figures (acceptable count, exact frontier, the four points, opposition) by the engine against the enumerating
/// baseline in the same run, on a GENIUS domain and on the sizes of issue 4's speed targets.
/// </summary>
[MemoryDiagnoser]
public class SettlementFrontierBenchmarks
{
    private SettlementProblem _problem = null!;

    [Params("Party_multi9 (3p, 3072)", "2p 10 issues 1,944,000", "3p 8 issues 390,625")]
    public string Domain { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _problem = Domain switch
    {
        "Party_multi9 (3p, 3072)" => SyntheticProblems.Genius("Party_multi9", "party_domain.xml", "party1_utility.xml", "party2_utility.xml", "party3_utility.xml"),
        "2p 10 issues 1,944,000" => SyntheticProblems.Random(1, 2, [8, 8, 5, 5, 5, 3, 3, 3, 3, 3], reservation: 0.3),
        _ => SyntheticProblems.Random(2, 3, [5, 5, 5, 5, 5, 5, 5, 5], reservation: 0.3),
    };

    [Benchmark(Baseline = true)]
    public object Enumerate() => EnumeratingBaseline.Run(_problem);

    [Benchmark]
    public object Engine() => SettlementAnalyzer.Analyze(_problem);
}

/// <summary>Spaces far too large to enumerate: 30 issues × 10 options (10³⁰ packages).</summary>
[MemoryDiagnoser]
public class SettlementHugeSpaceBenchmarks
{
    private readonly SettlementProblem _twoParties = SyntheticProblems.Random(3, 2, Enumerable.Repeat(10, 30).ToArray());
    private readonly SettlementProblem _fourParties = SyntheticProblems.Random(4, 4, Enumerable.Repeat(10, 30).ToArray());
    private readonly SettlementProblem _fourConstrained = SyntheticProblems.Random(5, 4, Enumerable.Repeat(10, 30).ToArray(), constraints: 20);
    private readonly CpSatBargainingSolver _solver = new();

    [Benchmark]
    public object TwoPartiesExactFrontier() => SettlementAnalyzer.Analyze(_twoParties);

    [Benchmark]
    public object FourPartiesNashEgalitarianUtilitarian() => Points(_fourParties);

    [Benchmark]
    public object FourPartiesTwentyConstraints() => Points(_fourConstrained);

    private object Points(SettlementProblem p) =>
        (_solver.Solve(p, BargainingSolution.Nash), _solver.Solve(p, BargainingSolution.Egalitarian), _solver.Solve(p, BargainingSolution.Utilitarian));
}
