using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests.Guarantees;

/// <summary><c>parley incidents import</c> and <c>parley guarantees evaluate --scenario</c> through the whole CLI.</summary>
public sealed class IncidentImportCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("parley-incidents-");

    private string Db => Path.Combine(_dir.FullName, "parley.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private static string Sample => CliRunner.Repo("tests", "data", "acled", "acled-ukraine-sample.csv");

    private async Task ImportBerlin() =>
        Assert.Equal(0, (await CliRunner.Run("import", CliRunner.Repo("scenarios", "berlin-2025.yaml"), "--database", Db)).Exit);

    [Fact]
    public async Task Import_AcledSample_StoresAll_JsonCounts()
    {
        await ImportBerlin();
        var result = await CliRunner.Run("incidents", "import", Sample, "--format", "acled", "--database", Db, "--json");

        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(1000, json.GetProperty("imported").GetInt32());
        Assert.Equal(0, json.GetProperty("rejected").GetInt32());
        // Grouped over everything the negotiation holds: the demo's illustrative reports and the sample's.
        var berlin = Parley.Core.Formats.Scenario.ScenarioReader.Read(File.ReadAllText(CliRunner.Repo("scenarios", "berlin-2025.yaml")), "berlin-2025.yaml");
        var sample = Parley.Core.Formats.Acled.AcledCsv.Read(new StringReader(File.ReadAllText(Sample))).Incidents;
        var expected = Parley.Core.Guarantees.IncidentGroups.Group([.. berlin.Guarantees.Incidents, .. sample]).DuplicatesGrouped;
        Assert.True(expected > 0, "the sample holds same-day reports of one kind at one place");
        Assert.Equal(expected, json.GetProperty("duplicatesGrouped").GetInt32());
        Assert.Empty(json.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Import_Windows1252Export_StoredWithItsNames_AndSaysHowItWasRead()
    {
        await ImportBerlin();
        var lines = File.ReadAllLines(Sample).Take(11).ToArray();
        lines[1] = lines[1].Replace("Kyiv - Shevchenkivskyi", "Kyïv - Shevchenkivskyi", StringComparison.Ordinal);
        var path = Path.Combine(_dir.FullName, "excel.csv");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await File.WriteAllTextAsync(path, string.Join("\r\n", lines) + "\r\n", System.Text.Encoding.GetEncoding(1252));

        var result = await CliRunner.Run("incidents", "import", path, "--format", "acled", "--database", Db, "--json");

        Assert.Equal(0, result.Exit);
        Assert.Equal(10, JsonDocument.Parse(result.Out).RootElement.GetProperty("imported").GetInt32());
        Assert.Contains("excel.csv: not valid UTF-8; read as Windows-1252", result.Error);
        var export = await CliRunner.Run("export", "berlin-2025", "--database", Db);
        Assert.Contains("Kyïv - Shevchenkivskyi", export.Out);
    }

    [Fact]
    public async Task Import_CorruptedCopy_LineExactErrors_RestStored_SecondRunRefusesStoredIds()
    {
        await ImportBerlin();
        var lines = File.ReadAllLines(Sample).Take(21).ToArray();
        var f = lines[5].Split(',');
        f[3] = "2024-13-40";
        lines[5] = string.Join(',', f);                                    // line 6: a bad date
        lines[9] = lines[9].Replace(",\"", ",\"unterminated ", StringComparison.Ordinal) + "\"\"";   // line 10: broken quoting
        var path = Path.Combine(_dir.FullName, "corrupted.csv");
        await File.WriteAllLinesAsync(path, lines);

        var first = await CliRunner.Run("incidents", "import", path, "--format", "acled", "--negotiation", "berlin-2025", "--database", Db, "--json");
        var json = JsonDocument.Parse(first.Out).RootElement;
        var errorLines = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).Distinct().ToArray();

        Assert.Equal(1, first.Exit);
        Assert.Contains(6, errorLines);
        Assert.Equal(json.GetProperty("rejected").GetInt32(), errorLines.Length);
        Assert.Equal(20 - errorLines.Length, json.GetProperty("imported").GetInt32());
        var second = JsonDocument.Parse((await CliRunner.Run("incidents", "import", path, "--format", "acled", "--database", Db, "--json")).Out).RootElement;
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Contains(second.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "event_id_cnty");
    }

    [Fact]
    public async Task Import_NoNegotiationStored_FailsAndNamesTheOption()
    {
        var result = await CliRunner.Run("incidents", "import", Sample, "--format", "acled", "--database", Db);
        Assert.Equal(2, result.Exit);
        Assert.Contains("--negotiation", result.Error);
    }

    [Fact]
    public async Task Evaluate_Scenario_BerlinJsonStates()
    {
        var result = await CliRunner.Run("guarantees", "evaluate", "--scenario", CliRunner.Repo("scenarios", "berlin-2025.yaml"),
            "--as-of", "2026-02-14T00:00:00Z", "--json");

        Assert.Equal(0, result.Exit);
        var commitments = JsonDocument.Parse(result.Out).RootElement.GetProperty("commitments").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Equal("Violated", commitments["christmas-truce"]);
        Assert.Equal("Fulfilled", commitments["zaporizhzhia-repair-window"]);
        Assert.Equal("InEffect", commitments["guarantee-consult"]);
        Assert.Equal("Violated", commitments["guarantee-respond"]);
        Assert.Equal("InEffect", commitments["us-sanctions-if-rejected"]);
    }

    [Fact]
    public async Task Evaluate_ScenarioWithAcledIncidents_CountsBoth()
    {
        var result = await CliRunner.Run("guarantees", "evaluate", "--scenario", CliRunner.Repo("scenarios", "berlin-2025.yaml"),
            "--incidents", Sample, "--format", "acled", "--as-of", "2026-02-14T00:00:00Z", "--json");

        Assert.Equal(0, result.Exit);
        Assert.Equal(1007, JsonDocument.Parse(result.Out).RootElement.GetProperty("incidents").GetProperty("read").GetInt32());
    }
}
