using System.Text.Json;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using Parley.Core.Tests.Access;
using Parley.Core.Tests.Formats.Scenario;

namespace Parley.Core.Tests.Talks;

/// <summary>
/// The remembered status (<see cref="StatusTimeline"/>, what the server answers "now" from) against the engine itself
/// (<see cref="TalksStatus.Compute"/>) at every instant where something can happen: every whole hour the random talks
/// use, a tick either side, and the Berlin demo at every instant its file names.
/// </summary>
public class StatusTimelineTest
{
    private static string Json(StatusReport report) => JsonSerializer.Serialize(report);

    private static void AssertSameEverywhere(Negotiation negotiation, IEnumerable<DateTimeOffset> instants)
    {
        var timeline = new StatusTimeline(negotiation);
        foreach (var at in instants)
            foreach (var t in new[] { at.AddTicks(-1), at, at.AddTicks(1), at.ToOffset(TimeSpan.FromHours(3)) })
                Assert.True(Json(TalksStatus.Compute(negotiation, t)) == Json(timeline.At(t)), $"{negotiation.Id} differs at {t:O}");
    }

    [Fact]
    public void RandomTalks_TimelineEqualsTheEngine_AtEveryHourAndEitherSide()
    {
        var hours = Enumerable.Range(-2, 64).Select(RandomTalks.H).ToArray();
        for (var seed = 1; seed <= 150; seed++)
            AssertSameEverywhere(RandomTalks.Build(seed).Negotiation, hours);
    }

    [Fact]
    public void Berlin_TimelineEqualsTheEngine_AtEveryInstantOfTheFile()
    {
        var read = ScenarioReader.Read(Repo.Read("scenarios/berlin-2025.yaml"), "berlin-2025.yaml");
        var n = read.Negotiation!;
        var instants = n.Positions.Select(p => p.ValidFrom).Concat(n.Agreements.Select(a => a.At)).Concat(n.Statements.Select(s => s.At))
            .Concat(n.Proposals.SelectMany(p => p.Responses.Select(r => r.At).Append(p.Created).Concat(new[] { p.Expires, p.Withdrawn }.OfType<DateTimeOffset>())))
            .Concat(n.Rounds.SelectMany(r => new[] { r.Start, r.End })).Distinct().ToArray();
        Assert.True(instants.Length > 8, $"{instants.Length} instants");
        AssertSameEverywhere(n, instants);
    }

    [Fact]
    public void OpenOffer_TimeLeft_CountsDownWithinOneInterval()
    {
        var n = Build.TalksAmong("ua", "ru").With(Build.Issue("ceasefire", "now", "later"))
            .With(Build.Offer("o1", "ua", ["ru"], Build.H(0), Build.H(10), ("ceasefire", "now")));
        var timeline = new StatusTimeline(n);
        Assert.Equal(TimeSpan.FromHours(9), timeline.At(Build.H(1)).Proposals.Single().TimeLeft);
        Assert.Equal(TimeSpan.FromHours(2), timeline.At(Build.H(8)).Proposals.Single().TimeLeft);
        Assert.Equal(ProposalState.Expired, timeline.At(Build.H(10)).Proposals.Single().State);
    }
}
