using System.Globalization;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;

namespace Parley.Core.Tests.Settlement;

/// <summary>
/// Every domain of tests/data/ (a copy of ../shared/data)/genius against reference.tsv, which was computed independently with GENIUS 10.4
/// semantics (see data/README.md): n_outcomes, n_rational (our Acceptable), pareto_distinct (frontier length),
/// pareto_size (outcomes on it, ties included), the four points and opposition to 4 places.
/// </summary>
public sealed class GeniusReferenceTests
{
    public static TheoryData<string> Domains()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(SharedData.GeniusRoot, "reference.tsv")).Skip(1))
            if (line.Length > 0) data.Add(line.Split('\t')[0]);
        return data;
    }

    internal static SettlementProblem Load(string domain, string domainFile, IEnumerable<string> profiles)
    {
        var dir = Path.Combine(SharedData.GeniusRoot, domain);
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(dir, domainFile)), domainFile);
        return new SettlementProblem(space, profiles.Select(p =>
            GeniusXmlReader.ReadProfile(File.ReadAllBytes(Path.Combine(dir, p)), p, space, Path.GetFileNameWithoutExtension(p))));
    }

    [Theory]
    [MemberData(nameof(Domains))]
    public void Analyze_GeniusDomain_ReproducesReference(string domain)
    {
        var row = File.ReadLines(Path.Combine(SharedData.GeniusRoot, "reference.tsv")).Select(l => l.Split('\t')).First(c => c[0] == domain);
        var problem = Load(domain, row[1], row[2].Split(','));
        var result = SettlementAnalyzer.Analyze(problem);

        Assert.Equal(int.Parse(row[3], CultureInfo.InvariantCulture), problem.Space.Issues.Length);
        Assert.Equal(long.Parse(row[4], CultureInfo.InvariantCulture), (long)result.Outcomes);
        Assert.Equal(long.Parse(row[5], CultureInfo.InvariantCulture), (long)result.Acceptable!.Value);
        Assert.Equal(int.Parse(row[6], CultureInfo.InvariantCulture), result.Pareto.Length);
        Assert.Equal(long.Parse(row[7], CultureInfo.InvariantCulture), result.Pareto.Sum(p => (long)p.Count!.Value));
        Assert.True(result.FrontierComplete);
        AssertPoint(BargainingSolution.Nash, Vector(row[8]), result);
        AssertPoint(BargainingSolution.KalaiSmorodinsky, Vector(row[9]), result);
        AssertPoint(BargainingSolution.Egalitarian, Vector(row[10]), result);
        AssertPoint(BargainingSolution.Utilitarian, Vector(row[11]), result);
        Assert.Equal(double.Parse(row[12], CultureInfo.InvariantCulture), result.Opposition!.Value, 4);
        Assert.Equal<double>(Vector(row[13]), result.Reservations.ToArray());
    }

    /// <summary>
    /// The point must match the reference to 4 places; where outcomes tie, "any one of them is right", so a different
    /// vector is accepted only if the reference vector lies on our frontier with the same objective value.
    /// </summary>
    private static void AssertPoint(BargainingSolution solution, double[] expected, SettlementResult result)
    {
        var point = result.Point(solution);
        Assert.NotNull(point);
        var ours = point.Utilities.ToArray();
        if (ours.Zip(expected).All(p => Math.Abs(p.First - p.Second) <= 5e-5 + 1e-12)) return;
        var twin = result.Pareto.FirstOrDefault(f => f.Utilities.Zip(expected).All(p => Math.Abs(p.First - p.Second) <= 5e-5 + 1e-12));
        Assert.True(twin is not null, $"{solution}: ({string.Join(", ", ours)}) vs reference ({string.Join(", ", expected)})");
        var reservations = result.Reservations;
        var ideal = result.Ideal;
        Assert.Equal(
            BargainingRules.Objective(solution, twin.Utilities.AsSpan(), reservations, ideal),
            BargainingRules.Objective(solution, ours, reservations, ideal), 9);
    }

    private static double[] Vector(string text) =>
        [.. text.Trim('(', ')', '[', ']').Split(',').Select(s => double.Parse(s.Trim(), CultureInfo.InvariantCulture))];

    [Fact]
    public void Analyze_FuzzyRealSingleIssue_DiscretisedLinearRangeIsAllFrontierWithNashAtMidpoint()
    {
        // Not in reference.tsv (real issues are not enumerable). Cut into 11 points 10, 13, …, 40, the buyer's value
        // is clamp(1.3333333333 − 0.033333333·x) and the seller's clamp(0.03333333·x − 0.3333333): strictly opposed,
        // so every point is Pareto-optimal, and Π is largest at x = 25 where both are ½.
        var problem = Load("FuzzyRealSingleIssue", "single_issue_domain.xml", ["buyer_utility.xml", "seller_utility.xml"]);
        var result = SettlementAnalyzer.Analyze(problem);

        Assert.Equal(11, (int)result.Outcomes);
        Assert.Equal(11, result.Pareto.Length);
        Assert.Equal("25", problem.Space.Issues[0].Options[result.Nash!.Outcome[0]]);
        Assert.Equal(0.5, result.Nash.Utilities[0], 6);
        Assert.Equal(0.5, result.Nash.Utilities[1], 6);
    }
}
