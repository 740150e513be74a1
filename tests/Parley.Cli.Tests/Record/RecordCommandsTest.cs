using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Parley.Core.Record;
using Parley.Data;
using Parley.Data.Record;

namespace Parley.Cli.Tests.Record;

/// <summary>
/// <c>parley verify / checkpoint / proof</c> as an operator runs them, each test on its own SQLite file with the Berlin
/// scenario imported and its own instance key; what they print is checked against the record read through
/// <see cref="RecordStore"/> and with Core's proof and note checks. Keys are always passed on the command line
/// (<c>--key</c>, <c>--key-file</c>), so these tests never read $PARLEY_RECORD_KEY; <see cref="RecordDefaultKeyTest"/> does.
/// </summary>
public sealed partial class RecordCommandsTest : IDisposable
{
    private const string Berlin = "berlin-2025";
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-record-").FullName;

    private string Db => Path.Combine(_dir, "parley.db");

    /// <summary>The instance's private key; created by the first command that signs or prints the public key.</summary>
    private string KeyFile => Path.Combine(_dir, "record-key.pem");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Runs <c>parley ARGS… --database DB</c>.</summary>
    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.Run([.. args, "--database", Db]);

    private async Task ImportBerlin() =>
        Assert.Equal(0, (await Run("import", CliRunner.Repo("scenarios", "berlin-2025.yaml"))).Exit);

    /// <summary>Writes the instance's public key, as <c>parley checkpoint --public-key</c> prints it, to a file.</summary>
    private async Task<string> PublicKeyFile()
    {
        var run = await Run("checkpoint", "--public-key", "--key-file", KeyFile);
        Assert.Equal(0, run.Exit);
        return WriteFile("public.pem", run.Out);
    }

    /// <summary>A P-256 public key that is not the instance's.</summary>
    private string OtherPublicKeyFile()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return WriteFile("other.pem", other.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Signs and stores a checkpoint with the instance key; returns the note as printed.</summary>
    private async Task<string> Checkpoint()
    {
        var run = await Run("checkpoint", "-n", Berlin, "--key-file", KeyFile);
        Assert.True(run.Exit == 0, run.Error);
        return run.Out;
    }

    /// <summary>Runs <c>parley verify --json ARGS…</c>; returns the exit code and the parsed output.</summary>
    private async Task<(int Exit, JsonNode Json)> VerifyJson(params string[] args)
    {
        var run = await Run(["verify", "--json", .. args]);
        return (run.Exit, JsonNode.Parse(run.Out)!);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The leaf hashes of Berlin's entries, in index order, as the store reads them.</summary>
    private async Task<IReadOnlyList<Hash32>> Leaves()
    {
        await using var db = ParleyDatabase.Open(Db);
        return await new RecordStore(db, TimeProvider.System).LeavesAsync(Berlin);
    }

    /// <summary>Runs raw SQL on the file, as someone with access to it would, outside Parley.</summary>
    private async Task ExecuteSql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first value of a query's first row.</summary>
    private async Task<T> QuerySql<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static Hash32 Hash(JsonNode? node) => Hash32.Parse(node!.GetValue<string>());

    private static Hash32[] Hashes(JsonNode? node) => node!.AsArray().Select(Hash).ToArray();
}
