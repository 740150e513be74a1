using Parley.Core.Drafting;
using Parley.Server.Components.Services;
using ScottPlot;

namespace Parley.Server.Components.Charts;

/// <summary>
/// The convergence of a draft: per version, oldest first, the opening brackets left (bars, left axis) and the agreed
/// share by words (line, right axis, percent). Drawn by ScottPlot as a PNG.
/// </summary>
public static class ConvergenceChart
{
    /// <summary>The series in words, for the image's text alternative.</summary>
    public static string Describe(string draft, IReadOnlyList<ConvergencePoint> points) =>
        points.Count == 0 ? $"Draft {draft} has no version yet."
            : $"Convergence of draft {draft}, brackets and agreed share by words per version: " + string.Join("; ",
                points.Select(p => $"{p.Label}{(p.Date is { } d ? $" ({d:d MMM yyyy})" : "")}: {p.Opens} bracket{(p.Opens == 1 ? "" : "s")}, {Format.Percent(p.AgreedShare)} agreed")) + ".";

    /// <summary>The chart as a 640×300 PNG.</summary>
    public static byte[] Render(IReadOnlyList<ConvergencePoint> points)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // installed with the app's Linux dependencies; never fetched
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var bracketColour = new Color(0xb3, 0x58, 0x06);
        var shareColour = new Color(0x1f, 0x5f, 0xa8);

        var bars = plot.Add.Bars(xs, points.Select(p => (double)p.Opens).ToArray());
        bars.LegendText = "brackets (left axis)";
        bars.Color = bracketColour.WithAlpha(0.55);
        foreach (var bar in bars.Bars)
        {
            bar.Size = 0.5;
            bar.LineColor = bracketColour;
            bar.LineWidth = 1.5f;
            bar.Label = ((int)bar.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        bars.ValueLabelStyle.FontSize = 13;
        bars.ValueLabelStyle.Bold = true;

        var share = plot.Add.Scatter(xs, points.Select(p => Math.Round(p.AgreedShare * 100, 1)).ToArray());
        share.LegendText = "agreed share (right axis)";
        share.LineWidth = 3;
        share.MarkerSize = 10;
        share.MarkerShape = MarkerShape.FilledSquare;
        share.Color = shareColour;
        share.Axes.YAxis = plot.Axes.Right;
        foreach (var (x, p) in xs.Zip(points))
        {
            var label = plot.Add.Text(Format.Percent(p.AgreedShare), x + 0.08, p.AgreedShare * 100);
            label.LabelFontSize = 12;
            label.LabelFontColor = shareColour;
            label.LabelAlignment = Alignment.MiddleLeft;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.85); // readable over a bar
            label.Axes.YAxis = plot.Axes.Right;
        }

        var ticks = xs.Zip(points, (x, p) => new Tick(x, Wrap(p.Label) + (p.Date is { } d ? "\n" + d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : ""))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        double maxOpens = points.Count == 0 ? 1 : Math.Max(1, points.Max(p => p.Opens));
        plot.Axes.SetLimitsX(-0.6, Math.Max(0.6, points.Count - 0.4));
        plot.Axes.SetLimitsY(0, maxOpens * 1.2, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 112, plot.Axes.Right);
        plot.Axes.Left.Label.Text = "brackets";
        plot.Axes.Right.Label.Text = "agreed by words";
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"]);
        plot.ShowLegend(Edge.Bottom); // below the plot: inside, it hides the first bar's label
        plot.Grid.MajorLineColor = new Color(0, 0, 0, 28);
        return plot.GetImageBytes(640, 300, ImageFormat.Png);
    }

    private static string Wrap(string label) => label.Length <= 18 ? label : label[..17].TrimEnd() + "…";
}
