using Parley.Core.Guarantees;
using static Parley.Core.Tests.Guarantees.Fixtures;

namespace Parley.Core.Tests.Guarantees;

public class IncidentRegroupingTests
{
    /// <summary>
    /// Stored reports grouped by the definition, new reports added: the window's stored reports regrouped with the new
    /// ones, the changes applied to the stored groups, give every report the primary that grouping all of them by the
    /// definition (quadratically, <see cref="DuplicateGroupingTests.BruteForce"/>) gives it.
    /// </summary>
    [Theory]
    [InlineData(11, 1.0, 2, false)] // the default policy, new reports at the end of the stored period: a narrow window
    [InlineData(12, 1.0, 2, true)] // the default policy, some new reports in the middle of the stored period
    [InlineData(13, 5.0, 24, true)] // another policy: every stored report is regrouped
    [InlineData(14, 0.3, 1, false)]
    public void Regroup_StoredGroupsWithChangesApplied_AreTheBruteForceGroupsOfAllReports(int seed, double radiusKm, int gapHours, bool backdated)
    {
        var random = new Random(seed);
        var policy = new DuplicatePolicy(radiusKm, TimeSpan.FromHours(gapHours));
        Incident Report(string id, int fromHour, int hours) => new(id,
            random.Next(5) == 0
                ? IncidentTime.OnDay(DateOnly.FromDateTime(T0.UtcDateTime.AddHours(fromHour + random.Next(hours))))
                : IncidentTime.At(T0.AddHours(fromHour).AddMinutes(random.Next(hours * 60 / 20) * 20)),
            new Location(48 + random.NextDouble() * 0.03, 37 + random.NextDouble() * 0.03), random.Next(3) == 0 ? "Battles" : "Riots");
        var old = Enumerable.Range(0, 700).Select(i => Report($"s{random.Next(1000)}-{i}", 0, 10 * 24)).ToArray();
        var fresh = Enumerable.Range(0, 150).Select(i => backdated && i % 3 == 0
            ? Report($"n{random.Next(1000)}-{i}", 0, 10 * 24)
            : Report($"n{random.Next(1000)}-{i}", 10 * 24 - 12, 36)).ToArray();
        var stored = old.Zip(Primaries(old, policy), (i, p) => new StoredIncident(i, p)).ToArray();

        var window = IncidentRegrouping.Window(fresh, policy);
        var read = window is null ? stored : stored.Where(window.Holds).ToArray();
        var changes = IncidentRegrouping.Regroup(read, fresh, policy).ToArray();

        var after = stored.ToDictionary(s => s.Incident.Id, s => s.DuplicateOf);
        foreach (var c in changes) after[c.Report.Id] = c.DuplicateOf;
        var all = old.Concat(fresh).ToArray();
        var expected = Primaries(all, policy);
        for (var k = 0; k < all.Length; k++) Assert.Equal(expected[k], after[all[k].Id]);

        // Every new report once; a stored one only when its group changed; in start order (ties by id), as rows to write.
        Assert.Equal(fresh.Select(f => f.Id).Order(StringComparer.Ordinal), changes.Where(c => !c.IsStored).Select(c => c.Report.Id).Order(StringComparer.Ordinal));
        Assert.All(changes.Where(c => c.IsStored), c => Assert.NotEqual(c.Stored!.DuplicateOf, c.DuplicateOf));
        Assert.Equal(changes.OrderBy(c => c.Report.Time.Start).ThenBy(c => c.Report.Id, StringComparer.Ordinal), changes);
        Assert.True(changes.Count(c => c.IsStored) > 0, "the seeds make new reports take stored ones into their groups");
        Assert.Equal(policy == DuplicatePolicy.Default, window is not null);
        if (window is not null && !backdated) Assert.True(read.Length < stored.Length / 5, $"the window holds {read.Length} of {stored.Length}");
    }

    [Fact]
    public void Window_DefaultPolicy_FromTheEarliestNewReport_HoldsLaterReportsAndPrimariesStillOpen()
    {
        var window = IncidentRegrouping.Window([Strike("n1", T0.AddHours(5)), Strike("n2", T0.AddHours(3))])!;
        Assert.Equal(T0.AddHours(3), window.From);
        Assert.Equal(T0.AddHours(1), window.Horizon);
        Assert.True(window.Holds(new StoredIncident(Strike("later duplicate", T0.AddHours(4)), "p")));
        Assert.True(window.Holds(new StoredIncident(Strike("open primary", T0.AddHours(1)), null)));
        Assert.False(window.Holds(new StoredIncident(Strike("earlier duplicate", T0.AddHours(2)), "p")));
        Assert.False(window.Holds(new StoredIncident(Strike("closed primary", T0.AddMinutes(59)), null)));
    }

    [Fact]
    public void Window_NoNewReportOrAnotherPolicy_Null()
    {
        Assert.Null(IncidentRegrouping.Window([]));
        Assert.Null(IncidentRegrouping.Window([Strike("n", T0)], new DuplicatePolicy(2.0)));
    }

    /// <summary>Each report's group's primary id by the definition (null for a primary).</summary>
    private static string?[] Primaries(Incident[] incidents, DuplicatePolicy policy)
    {
        var groupOf = DuplicateGroupingTests.BruteForce(incidents, policy);
        var first = new Dictionary<int, int>();
        foreach (var i in Enumerable.Range(0, incidents.Length)
                     .OrderBy(i => incidents[i].Time.Start).ThenBy(i => incidents[i].Id, StringComparer.Ordinal))
            first.TryAdd(groupOf[i], i);
        return incidents.Select((x, i) => first[groupOf[i]] == i ? null : incidents[first[groupOf[i]]].Id).ToArray();
    }
}
