using Parley.Core.Talks;
using Parley.Server.Components.Services;

namespace Parley.Server.Components.Charts;

/// <summary>One point of the agreed-share trend.</summary>
/// <param name="Label">What the point stands for: a round's venue (its title when it has none), or "as of" for the date shown.</param>
/// <param name="At">The instant the status was computed as of.</param>
/// <param name="Share">Agreed issues ÷ all issues.</param>
/// <param name="ShareByWeight">The same, weighted by issue weight.</param>
public sealed record TrendPoint(string Label, DateTimeOffset At, double Share, double ShareByWeight);

/// <summary>
/// The agreed share across the rounds: the status computed as of the end of each round's last day (rounds that
/// ended by the date shown, in date order), then as of the date shown itself.
/// </summary>
public static class AgreedShareTrend
{
    /// <summary>The points up to <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<TrendPoint> Compute(Negotiation negotiation, DateTimeOffset asOf)
    {
        var points = negotiation.Rounds
            .Select(r => (Round: r, At: EndOfDay(r.End)))
            .Where(x => x.At <= asOf)
            .OrderBy(x => x.At)
            .Select(x => Point(negotiation, x.Round.Venue.Length > 0 ? x.Round.Venue : x.Round.Title, x.At))
            .ToList();
        if (points.Count == 0 || points[^1].At < asOf) points.Add(Point(negotiation, "as of " + Format.Date(asOf), asOf));
        return points;
    }

    /// <summary>The trend in words, for the chart's text alternative.</summary>
    public static string Describe(IReadOnlyList<TrendPoint> points) =>
        "Agreed share of issues (by weight): " + string.Join("; ",
            points.Select(p => $"{p.Label}, {Format.Date(p.At)}: {Format.Percent(p.Share)} ({Format.Percent(p.ShareByWeight)})")) + ".";

    private static TrendPoint Point(Negotiation negotiation, string label, DateTimeOffset at)
    {
        var report = TalksStatus.Compute(negotiation, at);
        return new TrendPoint(label, at, report.AgreedShare, report.AgreedShareByWeight);
    }

    // "As of a day" means the end of that day (AsOf); a round's End is its last day.
    private static DateTimeOffset EndOfDay(DateTimeOffset day) =>
        new(DateOnly.FromDateTime(day.UtcDateTime).ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
}
