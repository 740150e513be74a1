using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Parley.Core.Formats.Genius;
using Parley.Core.Settlement;
using Parley.Core.Settlement.Nonlinear;
using Parley.Solver;

namespace Parley.Benchmarks.Settlement;

/// <summary>
/// The exact frontier of the ANAC 2014 nonlinear domains by CP-SAT (one worker: one core) beside a sampling baseline
/// given the issue's time budget (1 s for 10 issues, 10 s for the larger one): uniform random packages, Pareto-filtered.
/// The baseline's quality against the exact frontier is printed at the end of its run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcess))]
public class NonlinearFrontierBenchmarks
{
    private NonlinearProblem _problem = null!;
    private List<FrontierPoint> _sampled = [];

    /// <summary>
    /// "50issuesDiscounted" is the ANAC 2014 folder of that name, whose files define 40 issues (no domain file: the space
    /// comes from profile-1); "S-1NAGUNL-255" is the ANAC 2014 domain with 50 issues (tests/data/genius-compat/negmas).
    /// PARLEY_NONLINEAR_DOMAINS (comma-separated) runs only some of them (the 50-issue walk took minutes before the cell
    /// model, 15–40 s on the busy machine before run F of docs/benchmarks.md, 2–3 s since).
    /// </summary>
    [ParamsSource(nameof(Domains))]
    public string Domain { get; set; } = "";

    public static IEnumerable<string> Domains() =>
        Environment.GetEnvironmentVariable("PARLEY_NONLINEAR_DOMAINS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        ?? ["10issuesDiscounted", "30issuesDiscounted", "50issuesDiscounted", "S-1NAGUNL-255"];

    private TimeSpan Budget => Domain.StartsWith("10", StringComparison.Ordinal) ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);

    [GlobalSetup]
    public void Setup() => _problem = Load(Domain);

    /// <summary>Reads a domain named as in <see cref="Domains"/> from tests/data.</summary>
    internal static NonlinearProblem Load(string domain)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) dir = dir.Parent;
        var data = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Parley.slnx not found"), "tests", "data");
        var root = domain.StartsWith("50", StringComparison.Ordinal) || domain.StartsWith("S-", StringComparison.Ordinal)
            ? Path.Combine(data, "genius-compat", "negmas", domain) : Path.Combine(data, "genius-nonlinear", domain);
        var domainFile = File.Exists(Path.Combine(root, domain + "-domain.xml")) ? domain + "-domain.xml" : "profile-1.xml";
        var space = GeniusXmlReader.ReadDomain(File.ReadAllBytes(Path.Combine(root, domainFile)), domainFile);
        return new NonlinearProblem(space, new[] { "profile-1", "profile-2" }.Select(p =>
            GeniusNonlinearReader.ReadProfile(File.ReadAllBytes(Path.Combine(root, p + ".xml")), p + ".xml", space, p)));
    }

    [Benchmark]
    public NonlinearResult ExactFrontier() => NonlinearAnalyzer.Analyze(_problem, new CpSatNonlinearFrontier());

    [Benchmark(Baseline = true)]
    public int SamplingSameBudget()
    {
        var random = new Random(1);
        var watch = Stopwatch.StartNew();
        var kept = new List<FrontierPoint>();
        var samples = 0;
        while (watch.Elapsed < Budget)
        {
            var x = new Outcome(_problem.Space.Issues.Select(i => random.Next(i.Count)));
            var u = _problem.Utilities(x);
            samples++;
            if (kept.Any(k => UtilityVectors.Dominates(k.Utilities.AsSpan(), u) || UtilityVectors.Equal(k.Utilities.AsSpan(), u))) continue;
            kept.RemoveAll(k => UtilityVectors.Dominates(u, k.Utilities.AsSpan()));
            kept.Add(new FrontierPoint([.. u], null, x));
        }

        _sampled = kept;
        return samples;
    }

    /// <summary>
    /// One launch, one warm-up, three measured runs of the whole operation (seconds to minutes each), in process: on the
    /// shared machine the generated benchmark project's build exceeded BenchmarkDotNet's 2-minute build timeout. The
    /// in-process run may take an hour (the default 5 minutes stops the 50-issue walk after its warm-up).
    /// </summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(3).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }

    [GlobalCleanup(Target = nameof(SamplingSameBudget))]
    public void Quality()
    {
        var exact = NonlinearAnalyzer.Analyze(_problem, new CpSatNonlinearFrontier()).Result.Pareto;
        var found = exact.Count(e => _sampled.Any(s => UtilityVectors.Equal(s.Utilities.AsSpan(), e.Utilities.AsSpan())));
        // For each exact vector, how far the closest sampled vector falls short of it (the larger of the two utility
        // shortfalls); the worst over the exact frontier.
        var gap = _sampled.Count == 0 ? double.NaN : exact.Max(e => _sampled.Min(s => Enumerable.Range(0, 2).Max(i => Math.Max(0, e.Utilities[i] - s.Utilities[i]))));
        Console.WriteLine($"// SAMPLING QUALITY {Domain}: budget {Budget.TotalSeconds} s, sampled frontier {_sampled.Count} vectors, " +
            $"{found} of {exact.Length} exact vectors found, exact best sum {exact.Max(e => e.Utilities.Sum()):0.####} vs sampled {(_sampled.Count == 0 ? 0 : _sampled.Max(s => s.Utilities.Sum())):0.####}, " +
            $"largest shortfall from an exact vector {gap:0.####}");
    }
}
