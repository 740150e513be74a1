namespace Parley.Cli.Tests.Guarantees;

/// <summary><c>parley import</c> and <c>export</c> keep a scenario's <c>commitments:</c> and <c>incidents:</c> sections.</summary>
public sealed class ScenarioGuaranteesCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-cli-guarantees-").FullName;
    private static readonly string Berlin = CliRunner.Repo("scenarios", "berlin-2025.yaml");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static Task<CliRunner.Result> Evaluate(string scenario) =>
        Run("guarantees", "evaluate", "--scenario", scenario, "--as-of", "2026-01-20T00:00:00Z", "--json");

    private static Task<CliRunner.Result> Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public async Task ImportExportImport_Berlin_KeepsCommitmentsEventsAndIncidents()
    {
        var (first, second) = (Path.Combine(_dir, "a.db"), Path.Combine(_dir, "b.db"));
        var (exported, reexported) = (Path.Combine(_dir, "a.yaml"), Path.Combine(_dir, "b.yaml"));
        Assert.Equal(0, (await Run("import", Berlin, "--database", first)).Exit);
        Assert.Equal(0, (await Run("export", "berlin-2025", "--database", first, "-o", exported)).Exit);
        Assert.Equal(0, (await Run("import", exported, "--database", second)).Exit);
        Assert.Equal(0, (await Run("export", "berlin-2025", "--database", second, "-o", reexported)).Exit);

        var yaml = await File.ReadAllTextAsync(exported);
        Assert.Contains("\ncommitments:", yaml);
        Assert.Contains("\nincidents:", yaml);
        Assert.Equal(yaml, await File.ReadAllTextAsync(reexported));
        var original = await Evaluate(Berlin);
        Assert.Equal(0, original.Exit);
        Assert.Contains("\"breaches\"", original.Out);
        Assert.Equal(original.Out, (await Evaluate(exported)).Out);
    }
}
