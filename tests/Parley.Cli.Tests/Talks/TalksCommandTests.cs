using System.Text.Json.Nodes;

namespace Parley.Cli.Tests.Talks;

/// <summary><c>parley status / validate / import / export / list</c> as a user runs them.</summary>
public sealed class TalksCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-cli-").FullName;
    private static readonly string Berlin = CliRunner.Repo("scenarios", "berlin-2025.yaml");

    private string Db => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task StatusJson_BerlinOn15December_AgreedShareAndTerritoryBlockedByUkraineAndRussia()
    {
        var run = await CliRunner.Run("status", "--scenario", Berlin, "--as-of", "2025-12-15", "--json");

        Assert.Equal(0, run.Exit);
        var json = JsonNode.Parse(run.Out)!;
        var asOf = json["asOf"]!.GetValue<DateTimeOffset>();
        Assert.Equal(new DateOnly(2025, 12, 15), DateOnly.FromDateTime(asOf.UtcDateTime));
        Assert.Equal(23, asOf.UtcDateTime.Hour); // a bare date means the end of that day
        Assert.InRange(json["agreedShare"]!.GetValue<double>(), 0.85, 0.95);
        var territory = json["issues"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "territory")!;
        Assert.Equal("blocked", territory["status"]!.GetValue<string>());
        var blockers = territory["blockers"]!.AsArray().Select(b => b!["party"]!.GetValue<string>()).ToArray();
        Assert.Contains("ua", blockers);
        Assert.Contains("ru", blockers);
        Assert.All(territory["blockers"]!.AsArray(), b => Assert.NotEmpty(b!["options"]!.AsArray()));
        Assert.NotEmpty(json["stickingPoints"]!.AsArray());
    }

    [Fact]
    public async Task Status_Table_ShowsBlockedTerritory()
    {
        var run = await CliRunner.Run("status", "--scenario", Berlin, "--as-of", "2025-12-15");
        Assert.Equal(0, run.Exit);
        Assert.Contains("issues agreed", run.Out);
        Assert.Contains("Blocked", run.Out);
    }

    [Fact]
    public async Task Status_MissingFile_ExitsWithOneLineNoStackTrace()
    {
        var run = await CliRunner.Run("status", "--scenario", Path.Combine(_dir, "missing.yaml"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("missing.yaml", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Status_BadAsOf_ExitsNamingTheOption()
    {
        var run = await CliRunner.Run("status", "--scenario", Berlin, "--as-of", "fifteenth");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--as-of", run.Error);
    }

    [Fact]
    public async Task Validate_BadFile_PrintsFileLineAndField_Exit1()
    {
        var file = WriteFile("bad.yaml", "negotiation:\n  id: t\n  title: T\nparties:\n  - id: ua\n    name: Ukraine\n    roles: [principal, emperor]\n");
        var run = await CliRunner.Run("validate", file);
        Assert.Equal(1, run.Exit);
        Assert.Contains($"{file}:7", run.Out);
        Assert.Contains("roles", run.Out);
    }

    [Fact]
    public async Task Validate_Berlin_IsOk()
    {
        var run = await CliRunner.Run("validate", Berlin);
        Assert.Equal(0, run.Exit);
        Assert.Contains("ok", run.Out);
    }

    [Fact]
    public async Task ImportListStatusExport_OnAFreshDatabase_RoundTrips()
    {
        Assert.Equal(0, (await CliRunner.Run("import", Berlin, "--database", Db)).Exit);
        var list = await CliRunner.Run("list", "--database", Db);
        Assert.Contains("berlin-2025", list.Out);

        var stored = await CliRunner.Run("status", "berlin-2025", "--database", Db, "--as-of", "2025-12-15", "--json");
        var fromFile = await CliRunner.Run("status", "--scenario", Berlin, "--as-of", "2025-12-15", "--json");
        Assert.Equal(fromFile.Out, stored.Out);

        var exported = Path.Combine(_dir, "out.yaml");
        Assert.Equal(0, (await CliRunner.Run("export", "berlin-2025", "--database", Db, "-o", exported)).Exit);
        var again = await CliRunner.Run("status", "--scenario", exported, "--as-of", "2025-12-15", "--json");
        Assert.Equal(fromFile.Out, again.Out);
    }

    [Fact]
    public async Task Import_Twice_RefusesWithoutReplace()
    {
        await CliRunner.Run("import", Berlin, "--database", Db);
        var second = await CliRunner.Run("import", Berlin, "--database", Db);
        Assert.Equal(2, second.Exit);
        Assert.Contains("--replace", second.Error);
        Assert.Equal(0, (await CliRunner.Run("import", Berlin, "--database", Db, "--replace")).Exit);
    }

    [Fact]
    public async Task Import_BadFile_StoresNothing()
    {
        var file = WriteFile("bad.yaml", "negotiation:\n  id: t\n  title: T\nparties:\n  - id: ua\n    name: Ukraine\n    roles: [principal]\nissues:\n  - id: x\n    title: X\n    principals: [zz]\n    options: [{id: a, label: A}]\n");
        var run = await CliRunner.Run("import", file, "--database", Db);
        Assert.Equal(1, run.Exit);
        Assert.Contains("zz", run.Out);
        var list = await CliRunner.Run("list", "--database", Db, "--json");
        Assert.Equal("[]", list.Out.Trim());
    }

    [Fact]
    public async Task Changes_BerlinFrom14To15December_ShowsTheIssuesAgreedInBerlin()
    {
        var run = await CliRunner.Run("changes", "--scenario", Berlin, "--since", "2025-12-14", "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, run.Exit);
        var json = JsonNode.Parse(run.Out)!;
        Assert.True(json["agreedShareAfter"]!.GetValue<double>() > json["agreedShareBefore"]!.GetValue<double>());
        Assert.Contains(json["issues"]!.AsArray(), i => i!["after"]!.GetValue<string>() == "agreed");
        Assert.NotEmpty(json["items"]!.AsArray());
    }

    [Fact]
    public async Task Changes_SinceAfterAsOf_Refused()
    {
        var run = await CliRunner.Run("changes", "--scenario", Berlin, "--since", "2025-12-16", "--as-of", "2025-12-15");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--since", run.Error);
    }
}
