using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cli.Access;
using Parley.Data;
using Parley.Data.Access;

namespace Parley.Cli.Tests.Access;

/// <summary>
/// <c>parley users / members / tokens</c> as an operator runs them, each test on its own SQLite file; the effects are
/// checked through the same Identity and stores the server uses. Split by command group into partial files.
/// </summary>
public sealed partial class AccessCommandsTest : IDisposable
{
    private const string Negotiation = "berlin-2025";
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-access-").FullName;

    private string Db => Path.Combine(_dir, "parley.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Runs <c>parley ARGS… --database DB</c>.</summary>
    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.Run([.. args, "--database", Db]);

    /// <summary>Imports the Berlin scenario (parties ua, ru, us, …) and adds the named users without passwords.</summary>
    private async Task ImportBerlinWithUsers(params string[] users)
    {
        Assert.Equal(0, (await Run("import", CliRunner.Repo("scenarios", "berlin-2025.yaml"))).Exit);
        foreach (var user in users) Assert.Equal(0, (await Run("users", "add", user)).Exit);
    }

    /// <summary>Runs <paramref name="check"/> with a user manager over the test's database, configured as the CLI's.</summary>
    private async Task<T> WithUserManager<T>(Func<UserManager<ParleyUser>, Task<T>> check)
    {
        await using var db = ParleyDatabase.Open(Db);
        await using var services = AccessCli.Services(db);
        await using var scope = services.CreateAsyncScope();
        return await check(scope.ServiceProvider.GetRequiredService<UserManager<ParleyUser>>());
    }

    /// <summary>Runs <paramref name="read"/> on a fresh context over the test's database.</summary>
    private async Task<T> WithDatabase<T>(Func<ParleyDbContext, Task<T>> read)
    {
        await using var db = ParleyDatabase.Open(Db);
        return await read(db);
    }
}
