using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Data;
using Parley.Server.Access;
using Parley.Server.Components.Services;
using ScottPlot;

namespace Parley.Server.Components.Charts;

/// <summary>Charts drawn on the server with ScottPlot and served as PNG images to the pages.</summary>
public static class ChartEndpoints
{
    /// <summary>
    /// Maps <c>/charts/{id}/agreed-share.png?asOf=…</c> (as-of: a date or an ISO instant; default now),
    /// <c>/charts/{id}/drafts/{draft}/convergence.png</c> and <c>/charts/{id}/incidents.png?asOf=…</c>.
    /// </summary>
    public static void MapCharts(this IEndpointRouteBuilder app)
    {
        app.MapGet("charts/{id}/agreed-share.png", AgreedShare).ExcludeFromDescription().Requires(Permission.ReadTalks);
        app.MapGet("charts/{id}/drafts/{draft}/convergence.png", Convergence).ExcludeFromDescription().Requires(Permission.ReadTalks);
        app.MapGet("charts/{id}/incidents.png", Incidents).ExcludeFromDescription().Requires(Permission.ReadTalks);
    }

    private static async Task<IResult> Convergence(string id, string draft, Data.Drafting.DraftStore drafts, HttpResponse response,
        CancellationToken ct = default)
    {
        if (await drafts.LoadAsync(id, draft, ct) is not { } history) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(ConvergenceChart.Render(history.Convergence()), "image/png");
    }

    private static async Task<IResult> Incidents(string id, Data.Guarantees.GuaranteesStore guarantees,
        TimeProvider clock, HttpResponse response, string? asOf = null, CancellationToken ct = default)
    {
        var at = Infrastructure.Input.AsOf(asOf, clock);
        var (commitments, _) = await guarantees.CommitmentsAsync(id, ct);
        var timeline = IncidentTimeline.Compute(await guarantees.PrimaryStatesAsync(id, at, ct), commitments, at);
        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(IncidentTimelineChart.Render(timeline), "image/png");
    }

    private static async Task<IResult> AgreedShare(string id, TalksReader reader, CurrentViewer viewer, TimeProvider clock, HttpResponse response,
        string? asOf = null, CancellationToken ct = default)
    {
        var at = Infrastructure.Input.AsOf(asOf, clock);
        if (await reader.LoadAsync(id, viewer.Viewer, ct) is not { } negotiation) return TypedResults.NotFound();
        response.Headers.CacheControl = "no-cache";
        return TypedResults.File(Render(AgreedShareTrend.Compute(negotiation, at)), "image/png");
    }

    /// <summary>The trend as a 640×300 PNG: share by issues (solid) and by weight (dashed), in percent.</summary>
    public static byte[] Render(IReadOnlyList<TrendPoint> points)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // installed with the app's Linux dependencies; never fetched
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var byCount = plot.Add.Scatter(xs, points.Select(p => Math.Round(p.Share * 100, 1)).ToArray());
        byCount.LegendText = "share of issues";
        byCount.LineWidth = 3;
        byCount.MarkerSize = 10;
        byCount.Color = new Color(0x1f, 0x5f, 0xa8);
        var byWeight = plot.Add.Scatter(xs, points.Select(p => Math.Round(p.ShareByWeight * 100, 1)).ToArray());
        byWeight.LegendText = "by weight";
        byWeight.LineWidth = 2;
        byWeight.LinePattern = LinePattern.Dashed;
        byWeight.MarkerShape = MarkerShape.FilledSquare;
        byWeight.MarkerSize = 8;
        byWeight.Color = new Color(0xb3, 0x58, 0x06);
        foreach (var (x, p) in xs.Zip(points))
        {
            var label = plot.Add.Text(Format.Percent(p.Share), x, p.Share * 100);
            label.LabelFontSize = 13;
            label.LabelBold = true;
            label.LabelFontColor = byCount.Color;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -8;
        }
        var ticks = xs.Zip(points, (x, p) => new Tick(x, Wrap(p.Label) + "\n" + Format.Date(p.At))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimits(-0.5, Math.Max(0.5, points.Count - 0.5), 0, 112);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"]);
        plot.Axes.Left.Label.Text = "agreed";
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.ShowLegend();
        plot.Grid.MajorLineColor = new Color(0, 0, 0, 28);
        return plot.GetImageBytes(640, 300, ImageFormat.Png);
    }

    private static string Wrap(string label) => label.Length <= 22 ? label : label[..21].TrimEnd() + "…";
}
