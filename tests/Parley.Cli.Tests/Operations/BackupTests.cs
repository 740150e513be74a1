using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Testing;

namespace Parley.Cli.Tests.Operations;

/// <summary>
/// <c>parley backup</c> and <c>parley restore</c> as an operator runs them: a restored database reads back the same
/// negotiations, drafts, incidents and history as the one backed up and passes <c>parley verify</c>; a restore does not
/// overwrite a database in use unless forced; a backup taken while writers run holds whole writes only.
/// </summary>
public abstract class BackupTests : IAsyncLifetime
{
    private const string Berlin = "berlin-2025";
    private static readonly string BerlinFile = CliRunner.Repo("scenarios", "berlin-2025.yaml");
    private static readonly string Acled = CliRunner.Repo("tests", "data", "acled", "acled-ukraine-sample.csv");

    protected readonly string Folder = Directory.CreateTempSubdirectory("parley-backup-").FullName;

    private string Key => Path.Combine(Folder, "record-key.pem");

    private string BackupFile => Path.Combine(Folder, "parley.backup");

    /// <summary>A new, empty database (nothing created yet for SQLite; an empty PostgreSQL database).</summary>
    protected abstract Task<string> NewDatabaseAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BackupThenRestore_IntoAnEmptyDatabase_ReadsTheSame_AndVerifies()
    {
        var source = await SeededAsync();
        Ok(await CliRunner.Run("backup", "--database", source, "-o", BackupFile));
        var target = await NewDatabaseAsync();

        Ok(await CliRunner.Run("restore", BackupFile, "--database", target));

        Assert.Equal(await ReadAllAsync(source), await ReadAllAsync(target));
        var verify = await CliRunner.Run("verify", "--key", Key, "--database", target);
        Assert.True(verify.Exit == 0, verify.Out + verify.Error);
        Assert.EndsWith("ok", verify.Out.Trim());
    }

    [Fact]
    public async Task Restore_IntoADatabaseInUse_IsRefused_UnlessForced()
    {
        var source = await SeededAsync();
        Ok(await CliRunner.Run("backup", "--database", source, "-o", BackupFile));
        var target = await NewDatabaseAsync();
        Ok(await CliRunner.Run("import", WriteScenario("other-talks"), "--database", target));

        var refused = await CliRunner.Run("restore", BackupFile, "--database", target);

        Assert.Equal(ExitCodes.Failure, refused.Exit);
        Assert.Contains("not empty", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.Contains("other-talks", (await CliRunner.Run("list", "--json", "--database", target)).Out);

        Ok(await CliRunner.Run("restore", BackupFile, "--force", "--database", target));
        Assert.Equal(await ReadAllAsync(source), await ReadAllAsync(target));
        Assert.DoesNotContain("other-talks", (await CliRunner.Run("list", "--json", "--database", target)).Out);
    }

    [Fact]
    public async Task Backup_WhileWritersRun_HoldsWholeWritesOnly()
    {
        var source = await NewDatabaseAsync();
        Ok(await CliRunner.Run("import", BerlinFile, "--database", source));
        using var stop = new CancellationTokenSource();
        var imported = 0;
        var writer = Task.Run(async () =>
        {
            // Each import writes hundreds of rows, history entries and the record tree in one transaction.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                Ok(await CliRunner.Run("import", WriteScenario($"w{i}"), "--database", source));
                Interlocked.Increment(ref imported);
            }
        });
        while (Volatile.Read(ref imported) < 2) await Task.Delay(20);

        var backup = await CliRunner.Run("backup", "--database", source, "-o", BackupFile);
        var importedWhileBackingUp = Volatile.Read(ref imported);
        await stop.CancelAsync();
        await writer;
        Ok(backup);

        var target = await NewDatabaseAsync();
        Ok(await CliRunner.Run("restore", BackupFile, "--database", target));
        var verify = await CliRunner.Run("verify", "--database", target);
        Assert.True(verify.Exit == 0, verify.Out + verify.Error);
        await using var db = ParleyDatabase.Open(target);
        var restored = await db.Negotiations.Select(n => n.Id).ToListAsync();
        Assert.True(restored.Count >= 3, $"only {restored.Count} negotiations restored; {importedWhileBackingUp} imports had finished");
        foreach (var id in restored) // every negotiation in the copy is whole: it exports as the source does
            Assert.Equal((await CliRunner.Run("export", id, "--database", source)).Out, (await CliRunner.Run("export", id, "--database", target)).Out);
    }

    /// <summary>The Berlin demo, an ACLED import and a signed checkpoint.</summary>
    private async Task<string> SeededAsync()
    {
        var db = await NewDatabaseAsync();
        Ok(await CliRunner.Run("import", BerlinFile, "--database", db));
        Ok(await CliRunner.Run("incidents", "import", Acled, "--format", "acled", "--negotiation", Berlin, "--database", db));
        Ok(await CliRunner.Run("checkpoint", "-n", Berlin, "--key-file", Key, "--database", db));
        return db;
    }

    /// <summary>What a user reads back: the list, the scenario export, the drafts, the history, the incidents and the verified record.</summary>
    private async Task<string[]> ReadAllAsync(string database)
    {
        async Task<string> Read(params string[] args)
        {
            var run = await CliRunner.Run([.. args, "--database", database]);
            Assert.True(run.Exit == 0, $"parley {string.Join(' ', args)}: {run.Error}");
            return run.Out;
        }
        await using var db = ParleyDatabase.Open(database);
        var incidents = await db.Incidents.OrderBy(i => i.NegotiationId).ThenBy(i => i.Id).Select(i => i.NegotiationId + " " + i.Id + " " + i.Start + " " + i.Latitude).ToListAsync();
        return
        [
            await Read("list", "--json"),
            await Read("export", Berlin),
            await Read("draft", "list", "-n", Berlin, "--json"),
            await Read("changes", Berlin, "--since", "2000-01-01", "--as-of", "2100-01-01", "--json"),
            await Read("verify", "--json", "--key", Key),
            string.Join('\n', incidents),
        ];
    }

    private string WriteScenario(string id)
    {
        var path = Path.Combine(Folder, id + ".yaml");
        File.WriteAllText(path, File.ReadAllText(BerlinFile).Replace("  id: berlin-2025", "  id: " + id));
        return path;
    }

    private static void Ok(CliRunner.Result run) => Assert.True(run.Exit == 0, run.Error);
}

/// <summary>On SQLite files (SQLite's online backup API).</summary>
public sealed class SqliteBackupTests : BackupTests
{
    private int _next;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult(Path.Combine(Folder, $"parley-{++_next}.db"));
}

/// <summary>On fresh databases of a real PostgreSQL server (pg_dump and pg_restore).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresServer server) : BackupTests
{
    private readonly List<TestDatabase> _databases = [];

    protected override async Task<string> NewDatabaseAsync()
    {
        var database = await server.CreateDatabaseAsync();
        _databases.Add(database);
        return database.Database;
    }

    public override async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases) await database.DisposeAsync();
        await base.DisposeAsync();
    }
}
