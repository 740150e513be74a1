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
    public async Task Import_IntoAnExistingDatabase_StoresTheRowsAndRecordTheStoreItselfWrites_AndVerifies()
    {
        // The database exists, so the command opens and migrates it while it reads the file (Storage.OpenEarly).
        await ImportBerlin();
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_dir.FullName, "copy.db");
        File.Copy(Db, copy);
        var sample = Parley.Core.Formats.Acled.AcledCsv.Read(new StringReader(File.ReadAllText(Sample))).Incidents;
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Sample)));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);

        var result = await CliRunner.Run("incidents", "import", Sample, "--format", "acled", "--database", Db, "--actor", "tester", "--json");
        await using (var db = Parley.Data.ParleyDatabase.Open(copy))
        {
            await Parley.Data.ParleyDatabase.MigrateAsync(db);
            await new Parley.Data.Guarantees.GuaranteesStore(db, clock).ImportIncidentsAsync("berlin-2025", sample, "tester",
                "acled file acled-ukraine-sample.csv", sha256);
        }

        Assert.Equal(0, result.Exit);
        Assert.Equal(1000, JsonDocument.Parse(result.Out).RootElement.GetProperty("imported").GetInt32());
        Assert.Equal(await IncidentsAsync(copy), await IncidentsAsync(Db));
        Assert.Equal(await LastEntryAsync(copy), await LastEntryAsync(Db));
        var verify = await CliRunner.Run("verify", "--database", Db);
        Assert.Equal(0, verify.Exit);
        Assert.Equal("ok", verify.Out.Trim().Split('\n')[^1]);
    }

    [Fact]
    public async Task Import_RejectedFile_LeavesNoDatabaseBehind_AndAnExistingOneAsItWas()
    {
        var header = Path.Combine(_dir.FullName, "no-ids.csv");
        await File.WriteAllTextAsync(header, "event_date,event_type,latitude,longitude\n01/02/2024,Battles,50,36\n");

        var none = await CliRunner.Run("incidents", "import", header, "--format", "acled", "--database", Db);
        Assert.Equal(1, none.Exit);
        Assert.False(File.Exists(Db));

        await ImportBerlin();
        var before = await IncidentsAsync(Db);
        var existing = await CliRunner.Run("incidents", "import", header, "--format", "acled", "--database", Db);
        Assert.Equal(1, existing.Exit);
        Assert.Contains("event_id_cnty", existing.Out);
        Assert.Equal(before, await IncidentsAsync(Db));
    }

    /// <summary>Every stored report of the file as one line of its columns, by id.</summary>
    private static async Task<string[]> IncidentsAsync(string file) =>
        await QueryAsync(file, "SELECT id || '|' || coalesce(duplicate_of, '') || '|' || start || '|' || \"end\" || '|' || precision || '|' || event_type || '|' || " +
            "coalesce(sub_event_type, '') || '|' || coalesce(latitude, '') || '|' || coalesce(longitude, '') || '|' || coalesce(place, '') || '|' || " +
            "actors_json || '|' || sources_json || '|' || coalesce(notes, '') || '|' || coalesce(fatalities, '') || '|' || state " +
            "FROM incidents ORDER BY id");

    /// <summary>The last history entry's action, change and rows field (the digest of every row it wrote).</summary>
    private static async Task<string[]> LastEntryAsync(string file) =>
        await QueryAsync(file, "SELECT action || '|' || item_id || '|' || change || '|' || \"rows\" FROM history ORDER BY sequence DESC LIMIT 1");

    private static async Task<string[]> QueryAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return [.. rows];
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
