using System.Diagnostics;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement.Nonlinear;

namespace Parley.Solver.Tests.Nonlinear;

/// <summary>
/// The ANAC 2014 nonlinear domains exactly as GENIUS 10.4 ships them (tests/data/genius-nonlinear, a copy of
/// ../shared/data): Parley's exact frontier against GENIUS's own approximate one in pareto.xml.
/// </summary>
public sealed class Anac2014FrontierTests
{
    internal static string Folder(string domain)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
                return Path.Combine(dir.FullName, "tests", "data", "genius-nonlinear", domain);
        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }

    internal static NonlinearProblem Load(string domain)
    {
        var dir = Folder(domain);
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(dir, domain + "-domain.xml")), domain + "-domain.xml");
        return new NonlinearProblem(space, new[] { "profile-1", "profile-2" }.Select(p =>
            GeniusNonlinearReader.ReadProfile(File.ReadAllBytes(Path.Combine(dir, p + ".xml")), p + ".xml", space, p)));
    }

    /// <remarks>
    /// Figures of the exact frontier (each vector checked by Parley's evaluator): 10 issues — 8 vectors, GENIUS found
    /// all 8; 30 issues — 26 vectors, 9 of GENIUS's 16 points on it and 7 strictly dominated by it.
    /// </remarks>
    [Theory]
    [InlineData("10issuesDiscounted", 10, 8, 8, 0)]
    [InlineData("30issuesDiscounted", 30, 26, 9, 7)]
    public void Frontier_Anac2014_WeaklyDominatesEveryGeniusParetoPoint(string domain, int issues, int vectors, int matched, int dominated)
    {
        var problem = Load(domain);
        var reference = GeniusParetoFile.Read(File.ReadAllBytes(Path.Combine(Folder(domain), "pareto.xml")), "pareto.xml");

        var result = NonlinearAnalyzer.Analyze(problem, new CpSatNonlinearFrontier());

        Assert.Equal(issues, problem.Space.Issues.Length);
        Assert.Equal(FrontierStatus.Exact, result.Status);
        Assert.True(result.Result.FrontierComplete);
        var checks = ReferenceComparison.Compare(reference, result.Result.Pareto);
        Assert.Equal(reference.Count, checks.Length);
        Assert.All(checks, c =>
        {
            Assert.NotEqual(ReferenceStanding.Unmatched, c.Standing);
            // The dominating vector is what Parley's own evaluator gives its package.
            Assert.Equal(c.By!.Utilities.ToArray(), problem.Utilities(c.By.Example));
        });
        // GENIUS's extreme points give each party its maximum 1.0; Parley's ideal point reaches it too.
        Assert.Equal([1.0, 1.0], result.Result.Ideal.ToArray());
        Assert.Equal(vectors, result.Result.Pareto.Length);
        Assert.Equal(matched, checks.Count(c => c.Standing == ReferenceStanding.Matched));
        Assert.Equal(dominated, checks.Count(c => c.Standing == ReferenceStanding.Dominated));
    }

    /// <remarks>
    /// The ANAC 2014 "50issuesDiscounted" folder as stored in the code corpus (tests/data/genius-compat): its profiles
    /// define 40 integer issues (10⁴⁰ packages, 80 rectangles each) and its domain file is missing, so the space is read
    /// from profile-1 (the profiles carry the issues). Exact frontier: 26 vectors; of GENIUS's 11 points 3 are on it
    /// and 8 strictly dominated by it.
    /// </remarks>
    [Fact]
    public void Frontier_Anac2014FortyIssues_WeaklyDominatesEveryGeniusParetoPoint()
    {
        var dir = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Folder("x"))!)!, "genius-compat", "negmas", "50issuesDiscounted");
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(dir, "profile-1.xml")), "profile-1.xml");
        var problem = new NonlinearProblem(space, new[] { "profile-1", "profile-2" }.Select(p =>
            GeniusNonlinearReader.ReadProfile(File.ReadAllBytes(Path.Combine(dir, p + ".xml")), p + ".xml", space, p)));
        var reference = GeniusParetoFile.Read(File.ReadAllBytes(Path.Combine(dir, "pareto.xml")), "pareto.xml");

        var result = NonlinearAnalyzer.Analyze(problem, new CpSatNonlinearFrontier());

        Assert.Equal(40, space.Issues.Length);
        Assert.Equal(FrontierStatus.Exact, result.Status);
        Assert.Equal(26, result.Result.Pareto.Length);
        var checks = ReferenceComparison.Compare(reference, result.Result.Pareto);
        Assert.Equal(3, checks.Count(c => c.Standing == ReferenceStanding.Matched));
        Assert.Equal(8, checks.Count(c => c.Standing == ReferenceStanding.Dominated));
        Assert.All(checks, c => Assert.Equal(c.By!.Utilities.ToArray(), problem.Utilities(c.By.Example)));
    }

    [Fact]
    public void Frontier_Anac2014TenIssues_NoFrontierVectorDominatesAnother()
    {
        var problem = Load("10issuesDiscounted");

        var pareto = NonlinearAnalyzer.Analyze(problem, new CpSatNonlinearFrontier()).Result.Pareto;

        foreach (var a in pareto)
            foreach (var b in pareto)
                Assert.False(Parley.Core.Settlement.UtilityVectors.Dominates(a.Utilities.AsSpan(), b.Utilities.AsSpan()));
        // Random sampling of as many packages as CP-SAT made calls never beats the frontier.
        var random = new Random(1);
        for (var k = 0; k < 20_000; k++)
        {
            var x = new Parley.Core.Settlement.Outcome(problem.Space.Issues.Select(i => random.Next(i.Count)));
            var u = problem.Utilities(x);
            Assert.DoesNotContain(pareto, p => Parley.Core.Settlement.UtilityVectors.Dominates(u, p.Utilities.AsSpan()));
        }
    }

    [Fact]
    public void Frontier_Anac2014ThirtyIssues_ShortBudgetStopsInTime()
    {
        var problem = Load("30issuesDiscounted");
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var result = NonlinearAnalyzer.Analyze(problem, new CpSatNonlinearFrontier(), budget.Token);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        if (result.Status == FrontierStatus.StoppedByBudget)
        {
            Assert.False(result.Result.FrontierComplete);
            Assert.True(result.Result.FrontierSizeBound >= result.Result.Pareto.Length);
        }
    }
}
