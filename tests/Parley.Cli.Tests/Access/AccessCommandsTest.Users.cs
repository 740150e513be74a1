using System.Text.Json.Nodes;

namespace Parley.Cli.Tests.Access;

public sealed partial class AccessCommandsTest
{
    [Fact]
    public async Task UsersAdd_PasswordFromStdin_IdentityAcceptsItAndStoresOnlyAHash()
    {
        // The trailing space belongs to the password; only the line's end is dropped.
        const string password = "correct horse battery ";
        var run = await CliRunner.RunWithInput(password + "\n", "users", "add", "alice", "--password-stdin", "--database", Db);

        Assert.Equal(0, run.Exit);
        var (matches, withoutSpace, hash) = await WithUserManager(async users =>
        {
            var alice = await users.FindByNameAsync("alice");
            Assert.NotNull(alice);
            return (await users.CheckPasswordAsync(alice, password), await users.CheckPasswordAsync(alice, password.TrimEnd()), alice.PasswordHash);
        });
        Assert.True(matches);
        Assert.False(withoutSpace);
        Assert.NotNull(hash);
        Assert.DoesNotContain("horse", hash);
    }

    [Fact]
    public async Task UsersAdd_PasswordTooShort_RefusedAndNoUserCreated()
    {
        var run = await CliRunner.RunWithInput("short\n", "users", "add", "bob", "--password-stdin", "--database", Db);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("parley: ", run.Error);
        Assert.Contains("12 characters", run.Error);
        Assert.Null(await WithUserManager(users => users.FindByNameAsync("bob")));
    }

    [Fact]
    public async Task UsersList_Json_ShowsAdministratorPasswordAndPasskeys()
    {
        await CliRunner.RunWithInput("a long enough password\n", "users", "add", "alice", "--admin", "--password-stdin", "--database", Db);
        await Run("users", "add", "bob");

        var run = await Run("users", "list", "--json");

        Assert.Equal(0, run.Exit);
        var users = JsonNode.Parse(run.Out)!.AsArray();
        Assert.Equal(["alice", "bob"], users.Select(u => u!["name"]!.GetValue<string>()));
        Assert.True(users[0]!["administrator"]!.GetValue<bool>());
        Assert.True(users[0]!["hasPassword"]!.GetValue<bool>());
        Assert.False(users[1]!["administrator"]!.GetValue<bool>());
        Assert.False(users[1]!["hasPassword"]!.GetValue<bool>());
        Assert.All(users, u => Assert.Equal(0, u!["passkeys"]!.GetValue<int>()));
    }
}
