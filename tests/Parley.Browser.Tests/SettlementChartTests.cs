using Parley.Core.Settlement;
using Parley.Server.Components.Settlement;

namespace Parley.Browser.Tests;

/// <summary>The two-party frontier plot drawn by ScottPlot (the Berlin demo has three parties, so its page shows a table).</summary>
public sealed class SettlementChartTests
{
    [Fact]
    public void Render_TwoParties_DrawsA640By420Png()
    {
        var result = SettlementAnalyzer.Analyze(Problem(parties: 2));

        var png = SettlementChart.Render(result);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(640, BigEndian(png, 16));
        Assert.Equal(420, BigEndian(png, 20));
        Assert.True(result.Pareto.Length > 1 && result.Nash is not null, "a frontier to draw, with a Nash point");
        // Kept with the screenshots, to be looked at.
        File.WriteAllBytes(Path.Combine(Screenshots.FolderPath, nameof(Render_TwoParties_DrawsA640By420Png) + ".png"), png);
    }

    [Fact]
    public void Render_ThreeParties_Refuses()
    {
        var result = SettlementAnalyzer.Analyze(Problem(parties: 3));

        Assert.Throws<ArgumentException>(() => SettlementChart.Render(result));
    }

    // Three issues of four options; each party prefers a different end of each issue, with different weights.
    private static SettlementProblem Problem(int parties)
    {
        var space = new OutcomeSpace(Enumerable.Range(0, 3).Select(i => SettlementIssue.Discrete($"i{i}", ["a", "b", "c", "d"])));
        var profiles = Enumerable.Range(0, parties).Select(p =>
        {
            double[][] values = [.. Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 4)
                .Select(o => (p + i) % 2 == 0 ? o / 3.0 : 1 - o / 3.0).ToArray())];
            double[] weights = [.. Enumerable.Range(0, 3).Select(i => (1 + (p + 2 * i) % 3) / 6.0)];
            return new PreferenceProfile($"p{p}", new UtilityFunction(weights, values), 0.1);
        });
        return new SettlementProblem(space, profiles);
    }

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
}
