using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class IndexTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void Evaluate_IndexedAndFullScan_SameBreachesAndDuties(int seed)
    {
        var random = new Random(seed);
        string[] regions = ["Kharkiv", "Sumy", "Donetsk", "Kherson"];
        string[] subTypes = [AirStrike, Shelling];
        string[] parties = ["ru", "ua"];
        var incidents = Enumerable.Range(0, 4000).Select(i =>
        {
            var at = T0.AddMinutes(random.Next(60 * 24 * 60));
            var incident = Strike($"i{i}", at, regions[random.Next(4)], 48 + random.NextDouble() * 3, 34 + random.NextDouble() * 5,
                subTypes[random.Next(2)], random.Next(3) == 0 ? [TargetClass.Civilians] : [TargetClass.EnergyInfrastructure]);
            return random.Next(5) switch
            {
                0 => incident,
                1 => incident.Rejected(at.AddHours(1)),
                _ => incident.Verified(at.AddHours(random.Next(48)), parties[random.Next(2)]),
            };
        }).ToArray();
        var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        var commitments = new List<Commitment>();
        var events = new List<CommitmentEvent>();
        for (var k = 0; k < 20; k++)
        {
            var start = T0.AddDays(random.Next(50));
            var window = new TimeWindow(start, start.AddDays(1 + random.Next(14)));
            var area = (k % 3) switch
            {
                0 => new Area([new AdminRegion(regions[random.Next(4)])]),
                1 => new Area(shape: factory.CreatePolygon([new(35, 48.5), new(38, 48.5), new(38, 50.5), new(35, 50.5), new(35, 48.5)])),
                _ => Area.Anywhere,
            };
            commitments.Add(new Prohibition($"p{k}", "term", [parties[k % 2]],
                [new ConductRule("r", [], [subTypes[k % 2]], k % 4 == 0 ? [TargetClass.Civilians] : [])], area, window));
            commitments.Add(new Obligation($"o{k}", "guarantee", ["us"], "ua",
                new IncidentTrigger(new ConductRule("r", [], [subTypes[k % 2]]), [parties[k % 2]], area), "respond",
                TimeSpan.FromHours(24 + random.Next(72)), window));
            events.Add(Enter($"p{k}", T0.AddDays(random.Next(20))));
            events.Add(Enter($"o{k}", T0.AddDays(random.Next(20))));
            if (k % 5 == 0) events.Add(Act($"p{k}", LifecycleAction.Suspend, start.AddDays(2)));
        }
        var index = IncidentIndex.Build(incidents);
        var asOf = T0.AddDays(45);

        var indexed = GuaranteeEvaluator.Evaluate(commitments, index, events, asOf);
        var scanned = GuaranteeEvaluator.Evaluate(commitments, index, events, asOf, CandidateSearch.FullScan);

        Assert.True(indexed.Commitments.Sum(c => c.Breaches.Count + c.Duties.Count) > 50, "the fixture should produce breaches and duties");
        for (var c = 0; c < commitments.Count; c++)
        {
            Assert.Equal(scanned.Commitments[c].State, indexed.Commitments[c].State);
            Assert.Equal(scanned.Commitments[c].Breaches.Select(b => string.Join(',', b.IncidentIds)),
                indexed.Commitments[c].Breaches.Select(b => string.Join(',', b.IncidentIds)));
            Assert.Equal(scanned.Commitments[c].Duties.Select(d => (d.TriggeredBy, d.Deadline, d.State)),
                indexed.Commitments[c].Duties.Select(d => (d.TriggeredBy, d.Deadline, d.State)));
        }
    }

    [Fact]
    public void Build_DuplicateIds_Throws() =>
        Assert.Throws<ArgumentException>(() => IncidentIndex.Build([Strike("x", T0), Strike("x", T0.AddDays(1))]));
}
