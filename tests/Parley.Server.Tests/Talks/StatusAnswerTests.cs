using System.Text.Json;
using Parley.Core.Access;
using Parley.Core.Formats.Scenario;
using Parley.Core.Talks;
using Parley.Server.Infrastructure;
using Parley.Server.Talks;
using Parley.Testing;
using Parley.Application.Infrastructure;
using Parley.Application.Talks;

namespace Parley.Server.Tests.Talks;

/// <summary>
/// The status endpoint writes its JSON from parts kept per interval (<see cref="StatusAnswers"/>): the bytes must be those
/// of serialising the engine's report (<see cref="StatusView.From"/> of <see cref="TalksStatus.Compute"/>) at every instant —
/// the Berlin demo at each instant its file names and a tick either side, with an open offer's time left counting down —
/// for the mediator and for a delegation's scope.
/// </summary>
public sealed class StatusAnswerTests
{
    private static readonly JsonSerializerOptions Options = Json.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static Negotiation Berlin() =>
        ScenarioReader.Read(File.ReadAllText(TestData.Path("..", "..", "scenarios", "berlin-2025.yaml")), "berlin-2025.yaml").Negotiation!;

    [Theory]
    [InlineData(MemberRole.Mediator, null)]
    [InlineData(MemberRole.Delegation, "ua")]
    [InlineData(MemberRole.Observer, null)]
    public void Berlin_AnswerEqualsTheSerialisedReport_AtEveryInstantOfTheFile(MemberRole role, string? party)
    {
        var n = NegotiationScope.For(Berlin(), new Viewer("someone", role, party))!;
        var instants = n.Positions.Select(p => p.ValidFrom).Concat(n.Agreements.Select(a => a.At)).Concat(n.Statements.Select(s => s.At))
            .Concat(n.Proposals.SelectMany(p => p.Responses.Select(r => r.At).Append(p.Created).Concat(new[] { p.Expires, p.Withdrawn }.OfType<DateTimeOffset>())))
            .Distinct().ToArray();
        var answers = new StatusAnswers(new StatusTimeline(n), Options);
        var withTimeLeft = 0;
        foreach (var at in instants)
            foreach (var t in new[] { at.AddTicks(-1), at, at.AddTicks(1), at.AddHours(5).ToOffset(TimeSpan.FromHours(3)) })
            {
                var report = TalksStatus.Compute(n, t);
                withTimeLeft += report.Proposals.Count(p => p.TimeLeft is not null);
                var expected = JsonSerializer.Serialize(StatusView.From(report), Options);
                Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(answers.At(t).ToUtf8Bytes()));
                // Asked again for the same instant, the kept answer is the same one.
                Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(answers.At(t).ToUtf8Bytes()));
            }
        Assert.True(instants.Length > 8, $"{instants.Length} instants");
        if (role == MemberRole.Mediator) Assert.True(withTimeLeft > 0, "no instant with an open offer: the time left went unchecked");
    }
}
