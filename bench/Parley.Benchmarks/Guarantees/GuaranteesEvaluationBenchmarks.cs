using BenchmarkDotNet.Attributes;
using NetTopologySuite;
using Parley.Core.Guarantees;

namespace Parley.Benchmarks.Guarantees;

/// <summary>
/// 1,000,000 incidents over two years in 24 oblasts against 100 terms (70 ceasefire prohibitions, 30 guarantee
/// obligations; windows of 1–8 weeks; admin, polygon and whole-country areas). Baseline: every incident against
/// every term (<see cref="CandidateSearch.FullScan"/>), same engine, same results.
/// </summary>
[MemoryDiagnoser]
public class GuaranteesEvaluationBenchmarks
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private Incident[] _incidents = [];
    private IncidentIndex _index = null!;
    private List<Commitment> _commitments = [];
    private List<CommitmentEvent> _events = [];
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var oblasts = Enumerable.Range(0, 24).Select(i => $"Oblast {i}").ToArray();
        string[] subTypes = ["Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"];
        string[] parties = ["ru", "ua"];
        _incidents = new Incident[1_000_000];
        for (var i = 0; i < _incidents.Length; i++)
        {
            var at = Start.AddSeconds(random.Next(730 * 24 * 3600));
            var oblast = random.Next(oblasts.Length);
            var incident = new Incident($"i{i}", IncidentTime.At(at),
                new Location(45 + oblast * 0.3 + random.NextDouble() * 0.3, 23 + random.NextDouble() * 17, "Ukraine", oblasts[oblast]),
                "Explosions/Remote violence", subTypes[random.Next(3)], ["Military Forces"],
                random.Next(4) == 0 ? [TargetClass.EnergyInfrastructure] : [TargetClass.Military], 0);
            _incidents[i] = random.Next(10) < 8
                ? incident.Review(new VerificationStep(VerificationState.UnderReview, at, "m"))
                    .Review(new VerificationStep(VerificationState.Verified, at.AddHours(6), "m", null, parties[random.Next(2)]))
                : incident;
        }
        _index = IncidentIndex.Build(_incidents);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory();
        for (var k = 0; k < 100; k++)
        {
            var from = Start.AddDays(random.Next(680));
            var window = new TimeWindow(from, from.AddDays(7 * (1 + random.Next(8))));
            var lon = 23 + random.NextDouble() * 14;
            var area = (k % 3) switch
            {
                0 => new Area([new AdminRegion(oblasts[random.Next(24)]), new AdminRegion(oblasts[random.Next(24)])]),
                1 => new Area(shape: factory.CreatePolygon([new(lon, 46), new(lon + 3, 46), new(lon + 3, 50), new(lon, 50), new(lon, 46)])),
                _ => Area.Anywhere,
            };
            Commitment c = k < 70
                ? new Prohibition($"p{k}", "term", [parties[k % 2]], [new ConductRule("energy", [], [], [TargetClass.EnergyInfrastructure])], area, window)
                : new Obligation($"o{k}", "guarantee", ["us", "eu"], "ua",
                    new IncidentTrigger(new ConductRule("attack", [], [subTypes[k % 3]]), [parties[k % 2]], area), "respond",
                    TimeSpan.FromHours(72), window);
            _commitments.Add(c);
            _events.Add(new LifecycleEvent(c.Id, LifecycleAction.EnterIntoForce, from, "signed"));
        }
        _asOf = Start.AddDays(731);
    }

    [Benchmark(Baseline = true)]
    public int FullScan() => Count(GuaranteeEvaluator.Evaluate(_commitments, _index, _events, _asOf, CandidateSearch.FullScan));

    [Benchmark]
    public int Indexed() => Count(GuaranteeEvaluator.Evaluate(_commitments, _index, _events, _asOf));

    [Benchmark]
    public int BuildIndex() => IncidentIndex.Build(_incidents).Groups.Count;

    private static int Count(GuaranteesEvaluation e) => e.Commitments.Sum(c => c.Breaches.Count + c.Duties.Count);
}
