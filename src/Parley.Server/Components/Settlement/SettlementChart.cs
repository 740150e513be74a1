using Parley.Core.Settlement;
using ScottPlot;

namespace Parley.Server.Components.Settlement;

/// <summary>The two-party frontier as a PNG drawn with ScottPlot: frontier vectors, reservations, and the four solutions marked.</summary>
public static class SettlementChart
{
    /// <summary>A 640×420 PNG of <paramref name="result"/>; only for two parties.</summary>
    /// <exception cref="ArgumentException">The result is not for exactly two parties.</exception>
    public static byte[] Render(SettlementResult result)
    {
        if (result.Parties.Length != 2) throw new ArgumentException("the frontier plot is for two parties", nameof(result));
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans"); // installed with the app's Linux dependencies; never fetched
        var points = result.Pareto.OrderBy(p => p.Utilities[0]).ToArray();
        var frontier = plot.Add.Scatter(points.Select(p => p.Utilities[0]).ToArray(), points.Select(p => p.Utilities[1]).ToArray());
        frontier.LegendText = "Pareto frontier";
        frontier.Color = new Color(0x1f, 0x5f, 0xa8);
        frontier.MarkerSize = 7;
        frontier.LineWidth = 1;
        var shapes = new[] { MarkerShape.FilledDiamond, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.Cross };
        var colours = new[] { new Color(0xb3, 0x58, 0x06), new Color(0x54, 0x27, 0x88), new Color(0x1b, 0x78, 0x37), new Color(0x99, 0x00, 0x00) };
        // Solutions often coincide: larger markers first, so that each one stays visible on top of the others.
        var sizes = new[] { 20f, 15f, 11f, 16f };
        var k = 0;
        foreach (var s in Enum.GetValues<BargainingSolution>())
        {
            if (result.Point(s) is { } p)
            {
                var m = plot.Add.Marker(p.Utilities[0], p.Utilities[1], shapes[k], sizes[k], colours[k]);
                m.MarkerLineWidth = 2.5f;
                m.LegendText = SettlementText.Name(s);
            }
            k++;
        }
        var reservation = plot.Add.Marker(result.Reservations[0], result.Reservations[1], MarkerShape.OpenCircle, 12, Colors.Gray);
        reservation.LegendText = "reservations";
        plot.Axes.Bottom.Label.Text = "utility of " + result.Parties[0];
        plot.Axes.Left.Label.Text = "utility of " + result.Parties[1];
        // The reservations are part of the picture: the frontier is read against them.
        double[] xs = [.. points.Select(p => p.Utilities[0]), result.Reservations[0]], ys = [.. points.Select(p => p.Utilities[1]), result.Reservations[1]];
        plot.Axes.SetLimits(xs.Min() - 0.05, xs.Max() + 0.05, ys.Min() - 0.05, ys.Max() + 0.05);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        plot.Grid.MajorLineColor = new Color(0, 0, 0, 28);
        return plot.GetImageBytes(640, 420, ImageFormat.Png);
    }
}
