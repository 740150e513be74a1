using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Parley.Data.Record;

namespace Parley.Cli.Tests.Record;

/// <summary>The tests that set $PARLEY_RECORD_KEY, a process-wide setting: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(RecordKeyEnvironment), DisableParallelization = true)]
public sealed class RecordKeyEnvironment;

/// <summary>
/// Which key <c>parley verify</c> and <c>checkpoint</c> use when none is named: the instance key file
/// (<see cref="RecordKey.DefaultPath"/>), which verify reads only if it is there and never creates.
/// </summary>
[Collection(nameof(RecordKeyEnvironment))]
public sealed class RecordDefaultKeyTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-record-key-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable(RecordKey.PathVariable);

    public RecordDefaultKeyTest() => Environment.SetEnvironmentVariable(RecordKey.PathVariable, KeyFile);

    private string Db => Path.Combine(_dir, "parley.db");

    private string KeyFile => Path.Combine(_dir, "instance-key.pem");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(RecordKey.PathVariable, _previous);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.Run([.. args, "--database", Db]);

    private async Task ImportBerlin() =>
        Assert.Equal(0, (await Run("import", CliRunner.Repo("scenarios", "berlin-2025.yaml"))).Exit);

    [Fact]
    public async Task Verify_InstanceKeyFileThere_ChecksSignaturesWithIt()
    {
        await ImportBerlin();
        Assert.Equal(0, (await Run("checkpoint", "-n", "berlin-2025")).Exit); // creates the key file at $PARLEY_RECORD_KEY

        var run = await Run("verify", "--json");
        File.Delete(KeyFile);
        Assert.Equal(0, (await Run("checkpoint", "--public-key")).Exit); // another key in its place
        var other = await Run("verify", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Empty(JsonNode.Parse(run.Out)!["warnings"]!.AsArray());
        Assert.Equal(1, other.Exit);
        Assert.Contains("checkpoint at size", other.Out);
    }

    [Fact]
    public async Task Verify_NoInstanceKeyFile_WarnsAndCreatesNone()
    {
        await ImportBerlin();

        var run = await Run("verify", "--json");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Signatures were not checked", Assert.Single(JsonNode.Parse(run.Out)!["warnings"]!.AsArray())!.GetValue<string>());
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task Verify_SavedCheckpointWithoutAnyKey_ExitsTwoAskingForOne()
    {
        await ImportBerlin();
        var saved = Path.Combine(_dir, "saved.txt");
        File.WriteAllText(saved, (await Run("checkpoint", "-n", "berlin-2025")).Out);
        File.Delete(KeyFile);

        var run = await Run("verify", "--checkpoint", saved);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--key", run.Error);
        Assert.False(File.Exists(KeyFile));
    }
}
