using Parley.Core.Guarantees;
using ScottPlot;

namespace Parley.Server.Components.Charts;

/// <summary>Draws an <see cref="IncidentTimeline"/> with ScottPlot: stacked bars per period by state, windows shaded behind.</summary>
public static class IncidentTimelineChart
{
    /// <summary>Bar colours by state (verified dark, rejected pale); hatching is not available, so the legend and table name them.</summary>
    public static readonly IReadOnlyDictionary<VerificationState, Color> StateColours = new Dictionary<VerificationState, Color>
    {
        [VerificationState.Verified] = new(0x9a, 0x00, 0x00),
        [VerificationState.UnderReview] = new(0xe0, 0x8a, 0x00),
        [VerificationState.Reported] = new(0x1f, 0x5f, 0xa8),
        [VerificationState.Rejected] = new(0xaa, 0xaa, 0xaa),
    };

    /// <summary>The colour of the <paramref name="k"/>-th window's shading, as CSS, for the page's legend.</summary>
    public static string WindowCss(int k)
    {
        var c = WindowColours[k % WindowColours.Length];
        return $"rgba({c.R}, {c.G}, {c.B}, 0.3)";
    }

    private static readonly Color[] WindowColours = [new(0x1b, 0x78, 0x37), new(0x54, 0x27, 0x88), new(0x00, 0x70, 0x7a), new(0x7a, 0x6a, 0x00)];

    /// <summary>The chart as a 760×360 PNG, the legend below the plot.</summary>
    public static byte[] Render(IncidentTimeline timeline)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // installed with the app's Linux dependencies; never fetched
        double Day(DateTimeOffset at) => at.UtcDateTime.ToOADate();
        double Date(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();

        // The range: every bar and every window, and the date shown.
        var xs = new List<double> { Day(timeline.AsOf) };
        xs.AddRange(timeline.Buckets.SelectMany(b => new[] { Date(b.Start), Date(timeline.PeriodEnd(b.Start)) }));
        xs.AddRange(timeline.Windows.SelectMany(w => new[] { Day(w.Start), Day(w.End) }));
        double left = xs.Min(), right = xs.Max();
        double pad = Math.Max(1, (right - left) * 0.03);

        for (var k = 0; k < timeline.Windows.Count; k++)
        {
            var w = timeline.Windows[k];
            var colour = WindowColours[k % WindowColours.Length];
            var span = plot.Add.HorizontalSpan(Day(w.Start), Day(w.End));
            span.FillStyle.Color = colour.WithAlpha(0.16);
            span.LineStyle.Color = colour.WithAlpha(0.7);
            span.LineStyle.Width = 1;
            // Named in the page's legend below the image, with a swatch of this colour: in the image they would crowd the plot.
        }

        var bars = new List<Bar>();
        foreach (var b in timeline.Buckets)
        {
            double start = Date(b.Start), width = Date(timeline.PeriodEnd(b.Start)) - start;
            double baseline = 0;
            foreach (var state in IncidentTimeline.States)
            {
                int n = b.Counts[(int)state];
                if (n == 0) continue;
                bars.Add(new Bar
                {
                    Position = start + width / 2, Size = width * 0.85, ValueBase = baseline, Value = baseline + n,
                    FillColor = StateColours[state], LineWidth = 0,
                });
                baseline += n;
            }
        }
        if (bars.Count > 0) plot.Add.Bars(bars);
        foreach (var state in IncidentTimeline.States)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Format(state), FillColor = StateColours[state] });

        var asOf = plot.Add.VerticalLine(Day(timeline.AsOf));
        asOf.Color = Colors.Black;
        asOf.LinePattern = LinePattern.Dotted;
        asOf.LineWidth = 2;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "date shown", LineColor = Colors.Black, LinePattern = LinePattern.Dotted, LineWidth = 2 });

        if (timeline.Total == 0)
        {
            var none = plot.Add.Text("No incident reported by this date", (left + right) / 2, 0.5);
            none.LabelAlignment = Alignment.MiddleCenter;
            none.LabelFontSize = 14;
        }
        double top = timeline.Buckets.Count == 0 ? 1 : timeline.Buckets.Max(b => b.Total);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Ticks(left, right, timeline.Unit));
        plot.Axes.SetLimits(left - pad, right + pad, 0, Math.Max(1, top) * 1.15);
        plot.Axes.Left.Label.Text = "incidents " + timeline.PerUnit;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        plot.Grid.MajorLineColor = new Color(0, 0, 0, 28);
        return plot.GetImageBytes(760, 360, ImageFormat.Png);
    }

    // About six ticks: on days ("28 Dec\n2025") for a daily timeline, else on month starts ("Jan 2024").
    private static Tick[] Ticks(double left, double right, TimelineUnit unit)
    {
        var first = DateOnly.FromDateTime(DateTime.FromOADate(left));
        var last = DateOnly.FromDateTime(DateTime.FromOADate(right));
        var ticks = new List<Tick>();
        if (unit == TimelineUnit.Day && last.DayNumber - first.DayNumber <= 180)
        {
            int step = Math.Max(1, (int)Math.Ceiling((last.DayNumber - first.DayNumber) / 6.0));
            for (var d = first; d <= last; d = d.AddDays(step))
                ticks.Add(new Tick(d.ToDateTime(TimeOnly.MinValue).ToOADate(), d.ToString("d MMM\nyyyy", System.Globalization.CultureInfo.InvariantCulture)));
            return [.. ticks];
        }
        int months = (last.Year - first.Year) * 12 + last.Month - first.Month;
        int monthStep = Math.Max(1, (int)Math.Ceiling(months / 6.0));
        for (var m = new DateOnly(first.Year, first.Month, 1).AddMonths(1); m <= last; m = m.AddMonths(monthStep))
            ticks.Add(new Tick(m.ToDateTime(TimeOnly.MinValue).ToOADate(), m.ToString("MMM\nyyyy", System.Globalization.CultureInfo.InvariantCulture)));
        return [.. ticks];
    }

    private static string Format(VerificationState state) => Services.Format.Words(state);

}
