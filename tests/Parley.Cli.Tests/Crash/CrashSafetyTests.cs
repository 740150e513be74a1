using Microsoft.Data.Sqlite;
using Parley.Testing;
using Xunit.Abstractions;

namespace Parley.Cli.Tests.Crash;

/// <summary>
/// Crash safety (issue #13, item 7): the server is killed with SIGKILL while four writers add statements, restarted on the
/// same database, and every write it acknowledged must still be there, <c>parley verify</c> must pass and a SQLite file
/// must pass <c>PRAGMA integrity_check</c>. <c>PARLEY_CRASH_TRIALS</c> sets the kills per provider (default
/// <see cref="DefaultKills"/>; the documented long run is 50), <c>PARLEY_CRASH_SEED</c> the seed of the kill moments.
/// </summary>
public static class CrashSafety
{
    /// <summary>Kills per provider in an ordinary test run: enough to cross a kill with writes in flight, cheap on 2 cores.</summary>
    public const int DefaultKills = 3;

    /// <summary><c>PARLEY_CRASH_TRIALS</c>, else <see cref="DefaultKills"/>.</summary>
    public static int Kills =>
        int.TryParse(Environment.GetEnvironmentVariable("PARLEY_CRASH_TRIALS"), out var n) && n > 0 ? n : DefaultKills;

    /// <summary><c>PARLEY_CRASH_SEED</c>, else 13.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("PARLEY_CRASH_SEED"), out var n) ? n : 13;

    /// <summary>Runs the trial and fails with every problem found; the figures go to the test output either way.</summary>
    public static async Task RunAndCheckAsync(string database, string folder, string provider, ITestOutputHelper output)
    {
        var figures = await new CrashTrial(database, folder, Seed).RunAsync(Kills);

        output.WriteLine($"crash trial on {provider}, seed {Seed}: {figures}");
        Assert.True(figures.Problems.Count == 0, $"{provider}, seed {Seed}: {figures}\n" + string.Join("\n", figures.Problems));
        Assert.Equal(0, figures.Lost);
        Assert.True(figures.Acknowledged >= figures.Kills, $"too few writes acknowledged to prove anything: {figures}");
    }
}

/// <summary>The crash trial on a SQLite file in a temporary folder.</summary>
public sealed class CrashSafetySqliteTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-crash-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task Sigkill_WhileWriting_KeepsEveryAcknowledgedWrite_Sqlite() =>
        CrashSafety.RunAndCheckAsync(Path.Combine(_folder, "parley.db"), _folder, "SQLite", output);
}

/// <summary>The crash trial on a fresh database of the PostgreSQL server the tests are given (PARLEY_TEST_POSTGRES).</summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashSafetyPostgresTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parley-crash-pg-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Sigkill_WhileWriting_KeepsEveryAcknowledgedWrite_Postgres()
    {
        await using var database = await server.CreateDatabaseAsync();
        await CrashSafety.RunAndCheckAsync(database.Database, _folder, "PostgreSQL", output);
    }
}
