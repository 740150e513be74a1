using System.Text.Json;

namespace Parley.Cli.Tests.Settlement;

/// <summary><c>parley settle --scenario</c> on the Berlin demo and on bad input.</summary>
public sealed class SettleScenarioTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("parley-settle-scenario-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Berlin => CliRunner.Repo("scenarios", "berlin-2025.yaml");

    [Fact]
    public async Task Settle_BerlinJson_SameShapeAsGeniusPlusContext()
    {
        var r = await CliRunner.Run("settle", "--scenario", Berlin, "--as-of", "2025-12-15", "--json");

        Assert.Equal(("", 0), (r.Error, r.Exit));
        using var json = JsonDocument.Parse(r.Out);
        var root = json.RootElement;
        foreach (var key in new[] { "parties", "outcomes", "acceptable", "pareto", "nash", "kalaiSmorodinsky", "egalitarian", "utilitarian", "opposition", "elapsedMs", "fixed" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal(12, root.GetProperty("outcomes").GetInt64());
        Assert.Equal("us-led-trilateral", root.GetProperty("nash").GetProperty("outcome").GetProperty("nuclear-plant").GetString());
    }

    [Fact]
    public async Task Settle_ForRussia_RedactedJson()
    {
        var r = await CliRunner.Run("settle", "--scenario", Berlin, "--as-of", "2025-12-15", "--for", "ru", "--json");

        Assert.Equal(0, r.Exit);
        using var json = JsonDocument.Parse(r.Out);
        Assert.True(json.RootElement.GetProperty("redacted").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("nash").GetProperty("utilities").GetArrayLength());
        Assert.False(json.RootElement.TryGetProperty("reservations", out _));
    }

    [Fact]
    public async Task Settle_TextWithTrades_NamesTheConcessions()
    {
        var r = await CliRunner.Run("settle", "--scenario", Berlin, "--as-of", "2025-12-13", "--from", "nato=membership-path,guarantees=us-guarantee-conditional");

        Assert.Equal(0, r.Exit);
        Assert.Contains("ua concedes nato=forgo-membership, ru concedes guarantees=article5-like", r.Out);
    }

    [Fact]
    public async Task Settle_BadScenario_EveryErrorWithLineExit1()
    {
        var file = Path.Combine(_temp, "bad.yaml");
        await File.WriteAllTextAsync(file, "negotiation: {id: t, title: T}\nparties:\n  - {id: a, name: A, roles: [principal]}\npreferences:\n  - {party: b, issues: {}}\n");

        var r = await CliRunner.Run("settle", "--scenario", file);

        Assert.Equal(1, r.Exit);
        Assert.Contains("bad.yaml:5:13: preferences[0].party: unknown party 'b'", r.Error);
    }

    [Theory]
    [InlineData("--for", "cn", "--for: party 'cn' has no preference profile")]
    [InlineData("--as-of", "soon", "--as-of:")]
    [InlineData("--from", "nato", "--from: unknown proposal 'nato'")]
    public async Task Settle_BadOption_OneErrorLineExit2(string option, string value, string message)
    {
        var r = await CliRunner.Run("settle", "--scenario", Berlin, option, value);

        Assert.Equal(2, r.Exit);
        Assert.StartsWith("error: " + message, r.Error);
    }

    [Fact]
    public async Task Settle_NoProfiles_SaysSo()
    {
        var file = Path.Combine(_temp, "bare.yaml");
        await File.WriteAllTextAsync(file, "negotiation: {id: t, title: T}\n");

        var r = await CliRunner.Run("settle", "--scenario", file);

        Assert.Equal(2, r.Exit);
        Assert.Contains("no preference profiles", r.Error);
    }

    [Fact]
    public async Task Settle_BothSources_Refused()
    {
        var r = await CliRunner.Run("settle", "--scenario", Berlin, "--genius", _temp);

        Assert.Equal(2, r.Exit);
        Assert.Contains("exactly one of --genius DIR or --scenario FILE", r.Error);
    }
}
