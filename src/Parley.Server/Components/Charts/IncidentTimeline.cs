using System.Globalization;
using Parley.Core.Guarantees;
using Parley.Data.Guarantees;
using Parley.Server.Components.Services;

namespace Parley.Server.Components.Charts;

/// <summary>How long one bar of the timeline is.</summary>
public enum TimelineUnit
{
    /// <summary>One UTC day.</summary>
    Day,

    /// <summary>Seven days from a Monday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,
}

/// <summary>The incidents that started in one period, by verification state as of the date shown.</summary>
/// <param name="Start">The period's first day.</param>
/// <param name="Counts">Incidents per state, indexed by <see cref="VerificationState"/>.</param>
public sealed record TimelineBucket(DateOnly Start, IReadOnlyList<int> Counts)
{
    /// <summary>All incidents of the period.</summary>
    public int Total => Counts.Sum();
}

/// <summary>A commitment's window, shaded on the timeline: [Start, End) as in <see cref="TimeWindow"/>.</summary>
public sealed record TimelineWindow(string Commitment, string Title, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>"24 Dec 2025 – 7 Jan 2026": the last day inside the window.</summary>
    public string Span => $"{Format.Date(Start)} – {Format.Date(End.AddTicks(-1))}";
}

/// <summary>
/// Incidents per day (per week or month when the reports span more than 120 days or 2 years) by their verification
/// state as of the date shown, with the commitments' bounded windows (a truce) to shade. Only reports known by the
/// date (started on or before it) count, and a duplicate counts once, in its group's primary report.
/// </summary>
public sealed record IncidentTimeline(TimelineUnit Unit, IReadOnlyList<TimelineBucket> Buckets, IReadOnlyList<TimelineWindow> Windows,
    DateTimeOffset AsOf)
{
    /// <summary>The states in the order they are stacked and listed.</summary>
    public static readonly IReadOnlyList<VerificationState> States =
        [VerificationState.Verified, VerificationState.UnderReview, VerificationState.Reported, VerificationState.Rejected];

    /// <summary>Incidents counted.</summary>
    public int Total => Buckets.Sum(b => b.Total);

    /// <summary>Builds the timeline.</summary>
    public static IncidentTimeline Compute(IReadOnlyList<StoredIncident> incidents, IReadOnlyList<Commitment> commitments, DateTimeOffset asOf) =>
        Compute(incidents.Where(s => s.DuplicateOf is null && s.Incident.Time.Start <= asOf)
            .Select(s => (s.Incident.Time.Start, s.Incident.StateAt(asOf), 1)).ToList(), commitments, asOf);

    /// <summary>
    /// Builds the timeline from how many primary reports known by <paramref name="asOf"/> start at each instant in each
    /// state as of then (<see cref="GuaranteesStore.PrimaryStatesAsync"/>).
    /// </summary>
    public static IncidentTimeline Compute(IReadOnlyList<(DateTimeOffset Start, VerificationState State, int Count)> primaries,
        IReadOnlyList<Commitment> commitments, DateTimeOffset asOf)
    {
        var known = primaries.Where(p => p.Start <= asOf).ToArray();
        var windows = commitments
            .Where(c => c.Window.Start != DateTimeOffset.MinValue && c.Window.End is not null)
            .Select(c => new TimelineWindow(c.Id, c.Title, c.Window.Start, c.Window.End!.Value))
            .ToArray();
        var unit = TimelineUnit.Day;
        if (known.Length > 0)
        {
            var days = (known.Max(i => i.Start) - known.Min(i => i.Start)).TotalDays;
            unit = days > 730 ? TimelineUnit.Month : days > 120 ? TimelineUnit.Week : TimelineUnit.Day;
        }
        var buckets = known
            .GroupBy(i => PeriodStart(DateOnly.FromDateTime(i.Start.UtcDateTime), unit))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var counts = new int[4];
                foreach (var i in g) counts[(int)i.State] += i.Count;
                return new TimelineBucket(g.Key, counts);
            })
            .ToArray();
        return new IncidentTimeline(unit, buckets, windows, asOf);
    }

    /// <summary>The first day of the period holding <paramref name="day"/>.</summary>
    public static DateOnly PeriodStart(DateOnly day, TimelineUnit unit) => unit switch
    {
        TimelineUnit.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimelineUnit.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    /// <summary>The day after the period starting on <paramref name="start"/>.</summary>
    public DateOnly PeriodEnd(DateOnly start) => Unit switch
    {
        TimelineUnit.Week => start.AddDays(7),
        TimelineUnit.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    /// <summary>"16 Dec 2025", "week of 15 Dec 2025" or "Dec 2025".</summary>
    public string PeriodName(DateOnly start) => Unit switch
    {
        TimelineUnit.Week => "week of " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        TimelineUnit.Month => start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => start.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The unit in words ("per day").</summary>
    public string PerUnit => "per " + Unit.ToString().ToLowerInvariant();

    /// <summary>The timeline in words, for the image's text alternative.</summary>
    public string Describe()
    {
        var windows = Windows.Count == 0 ? "No commitment has a bounded window."
            : "Shaded commitment windows: " + string.Join("; ", Windows.Select(w => $"{w.Title}, {w.Span}")) + ".";
        if (Total == 0) return $"Incident timeline: no incident reported by {Format.Date(AsOf)}. {windows}";
        var byState = string.Join(", ", States.Select(s => (s, n: Buckets.Sum(b => b.Counts[(int)s]))).Where(x => x.n > 0)
            .Select(x => $"{x.n} {Format.Words(x.s).ToLowerInvariant()}"));
        var busiest = Buckets.OrderByDescending(b => b.Total).ThenBy(b => b.Start).First();
        return $"Incident timeline, incidents {PerUnit} by verification state as of {Format.Date(AsOf)}: {Total} incident{(Total == 1 ? "" : "s")} " +
            $"from {PeriodName(Buckets[0].Start)} to {PeriodName(Buckets[^1].Start)} ({byState}); the most, {busiest.Total}, in {PeriodName(busiest.Start)}. {windows}";
    }
}
