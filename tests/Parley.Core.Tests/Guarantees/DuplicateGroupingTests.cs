using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class DuplicateGroupingTests
{
    [Fact]
    public void Group_SamePlaceTimeType_OneGroupPrimaryEarliest()
    {
        var groups = IncidentGroups.Group([Strike("late", T0.AddMinutes(90)), Strike("early", T0)]);
        Assert.Equal(1, groups.Count);
        Assert.Equal(1, groups.DuplicatesGrouped);
        Assert.Equal(1, groups.Members(0)[0]);
    }

    [Fact]
    public void Group_GapBeyondPolicy_TwoGroups() =>
        Assert.Equal(2, IncidentGroups.Group([Strike("a", T0), Strike("b", T0.AddHours(2).AddSeconds(1))]).Count);

    [Fact]
    public void Group_DifferentSubType_TwoGroups() =>
        Assert.Equal(2, IncidentGroups.Group([Strike("a", T0), Strike("b", T0, subType: Shelling)]).Count);

    [Fact]
    public void Group_NeverChains_ThirdReportFarFromPrimaryStartsNewGroup()
    {
        // b is within 2 h of a, c within 2 h of b but not of a: c is not a duplicate of the incident a describes.
        var groups = IncidentGroups.Group([Strike("a", T0), Strike("b", T0.AddMinutes(90)), Strike("c", T0.AddMinutes(180))]);
        Assert.Equal(2, groups.Count);
        Assert.Equal(groups.GroupOf(0), groups.GroupOf(1));
        Assert.NotEqual(groups.GroupOf(0), groups.GroupOf(2));
    }

    [Fact]
    public void Group_SameDayReports_GroupedConsecutiveDaysNot()
    {
        Incident OnDay(string id, int day) => new(id, IncidentTime.OnDay(new DateOnly(2023, 3, day)), new Location(48.0, 37.8), Explosions, Shelling);
        var groups = IncidentGroups.Group([OnDay("a", 10), OnDay("b", 10), OnDay("c", 11)]);
        Assert.Equal(2, groups.Count);
        Assert.Equal(groups.GroupOf(0), groups.GroupOf(1));
    }

    [Fact]
    public void Group_AcrossAntimeridian_Grouped()
    {
        var a = new Incident("a", IncidentTime.At(T0), new Location(10, 179.999), "Battles");
        var b = new Incident("b", IncidentTime.At(T0), new Location(10, -179.999), "Battles");
        Assert.Equal(1, IncidentGroups.Group([a, b]).Count);
    }

    [Fact]
    public void Group_NoCoordinatesSamePlaceNames_Grouped()
    {
        var a = new Incident("a", IncidentTime.At(T0), new Location(null, null, "Ukraine", "Sumy", null, null, "Krasnopillia"), "Battles");
        var b = new Incident("b", IncidentTime.At(T0.AddHours(1)), new Location(null, null, "Ukraine", "sumy", null, null, "KRASNOPILLIA"), "battles");
        var c = new Incident("c", IncidentTime.At(T0), new Location(null, null, "Ukraine", "Sumy", null, null, "Sumy"), "Battles");
        var groups = IncidentGroups.Group([a, b, c]);
        Assert.Equal(2, groups.Count);
        Assert.Equal(groups.GroupOf(0), groups.GroupOf(1));
    }

    [Theory]
    [InlineData(1, 1.0, 2)]
    [InlineData(2, 5.0, 24)]
    [InlineData(3, 0.3, 1)]
    public void Group_SeededRandomReports_AgreesWithBruteForce(int seed, double radiusKm, int gapHours)
    {
        var random = new Random(seed);
        string[] types = ["Battles", "Explosions/Remote violence"];
        var incidents = Enumerable.Range(0, 800).Select(i => new Incident($"r{i}",
            random.Next(4) == 0
                ? IncidentTime.OnDay(DateOnly.FromDateTime(T0.UtcDateTime).AddDays(random.Next(10)))
                : IncidentTime.At(T0.AddMinutes(random.Next(10 * 24 * 60))),
            new Location(48 + random.NextDouble() * 0.2, 37 + random.NextDouble() * 0.2), types[random.Next(2)])).ToArray();
        var policy = new DuplicatePolicy(radiusKm, TimeSpan.FromHours(gapHours));

        var groups = IncidentGroups.Group(incidents, policy);

        var expected = BruteForce(incidents, policy);
        Assert.Equal(expected.Max() + 1, groups.Count);
        for (var i = 0; i < incidents.Length; i++)
            for (var j = i + 1; j < incidents.Length; j++)
                Assert.Equal(expected[i] == expected[j], groups.GroupOf(i) == groups.GroupOf(j));
    }

    [Theory]
    [InlineData(4, 1.0, 2)]
    [InlineData(5, 5.0, 24)]
    public void Assign_SeededRandomReports_EachOnceInStartThenIdOrder_WithItsBruteForcePrimary(int seed, double radiusKm, int gapHours)
    {
        var random = new Random(seed);
        // Many reports share a start (whole days, whole hours), so the order by id is exercised.
        var incidents = Enumerable.Range(0, 600).Select(i => new Incident($"r{random.Next(100_000)}-{i}",
            random.Next(3) == 0
                ? IncidentTime.OnDay(DateOnly.FromDateTime(T0.UtcDateTime).AddDays(random.Next(5)))
                : IncidentTime.At(T0.AddHours(random.Next(5 * 24))),
            new Location(48 + random.NextDouble() * 0.05, 37 + random.NextDouble() * 0.05), "Battles")).ToArray();
        var policy = new DuplicatePolicy(radiusKm, TimeSpan.FromHours(gapHours));

        var assigned = IncidentGroups.Assign(incidents, policy).ToArray();

        var expectedOrder = Enumerable.Range(0, incidents.Length)
            .OrderBy(i => incidents[i].Time.Start).ThenBy(i => incidents[i].Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedOrder, assigned.Select(a => a.Report));
        var groupOf = BruteForce(incidents, policy);
        var firstOfGroup = new Dictionary<int, int>();
        foreach (var i in expectedOrder) firstOfGroup.TryAdd(groupOf[i], i);
        Assert.All(assigned, a => Assert.Equal(firstOfGroup[groupOf[a.Report]], a.Primary));
        Assert.True(assigned.Count(a => a.Report != a.Primary) > 50, "the seeds make many duplicates");
        Assert.Equal(IncidentGroups.Group(incidents, policy).DuplicatesGrouped, assigned.Count(a => a.Report != a.Primary));
    }

    /// <summary>The definition, quadratically: in time order, join the earliest group whose primary is a duplicate.</summary>
    internal static int[] BruteForce(Incident[] incidents, DuplicatePolicy policy)
    {
        var order = Enumerable.Range(0, incidents.Length)
            .OrderBy(i => incidents[i].Time.Start).ThenBy(i => incidents[i].Id, StringComparer.Ordinal).ToArray();
        var primaries = new List<Incident>();
        var result = new int[incidents.Length];
        foreach (var i in order)
        {
            var x = incidents[i];
            var g = primaries.FindIndex(p => p.EventType == x.EventType && CloseInTime(p.Time, x.Time, policy.MaxGap)
                && p.Location.DistanceKmTo(x.Location) <= policy.RadiusKm);
            if (g < 0) { g = primaries.Count; primaries.Add(x); }
            result[i] = g;
        }
        return result;
    }

    private static bool CloseInTime(IncidentTime a, IncidentTime b, TimeSpan gap)
    {
        if (a.Precision != TimePrecision.Exact && b.Precision != TimePrecision.Exact)
            return a.Start < b.End && b.Start < a.End;
        var (first, second) = a.Start <= b.Start ? (a, b) : (b, a);
        return second.Start - first.End <= gap;
    }
}
