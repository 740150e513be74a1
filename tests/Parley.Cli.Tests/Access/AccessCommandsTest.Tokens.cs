using System.Text.Json.Nodes;
using Parley.Data.Access;

namespace Parley.Cli.Tests.Access;

public sealed partial class AccessCommandsTest
{
    private Task<ApiTokenOwner?> FindToken(string secret) => WithDatabase(db => new TokenStore(db, TimeProvider.System).FindAsync(secret));

    [Fact]
    public async Task TokensCreate_Plain_PrintsOnlyTheSecretWhichActsAsTheUser()
    {
        await ImportBerlinWithUsers("alice");

        var run = await Run("tokens", "create", "alice", "--negotiation", Negotiation);

        Assert.Equal(0, run.Exit);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var secret = Assert.Single(lines).TrimEnd('\r');
        Assert.StartsWith(TokenStore.Prefix, secret);
        var owner = await FindToken(secret);
        Assert.NotNull(owner);
        Assert.Equal("alice", owner.UserName);
        Assert.Equal(Negotiation, owner.NegotiationId);
    }

    [Fact]
    public async Task TokensList_ShowsTheTokenButNeverItsSecret()
    {
        await ImportBerlinWithUsers("alice");
        var created = JsonNode.Parse((await Run("tokens", "create", "alice", "--name", "laptop", "--expires", "2099-01-31", "--json")).Out)!;
        var (id, secret) = (created["id"]!.GetValue<string>(), created["token"]!.GetValue<string>());

        var table = await Run("tokens", "list", "alice");
        var json = await Run("tokens", "list", "alice", "--json");

        var token = Assert.Single(JsonNode.Parse(json.Out)!.AsArray())!;
        Assert.Equal(id, token["id"]!.GetValue<string>());
        Assert.Equal("laptop", token["name"]!.GetValue<string>());
        Assert.Equal(new DateOnly(2099, 1, 31), DateOnly.FromDateTime(token["expiresAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
        Assert.Contains(id, table.Out);
        Assert.Contains("valid", table.Out);
        Assert.DoesNotContain(secret, table.Out + json.Out);
        Assert.DoesNotContain(secret[TokenStore.Prefix.Length..], table.Out + json.Out);
    }

    [Fact]
    public async Task TokensRevoke_SecretStopsWorking_SecondRevokeExits1()
    {
        await ImportBerlinWithUsers("alice");
        var created = JsonNode.Parse((await Run("tokens", "create", "alice", "--json")).Out)!;
        var (id, secret) = (created["id"]!.GetValue<string>(), created["token"]!.GetValue<string>());
        Assert.NotNull(await FindToken(secret));

        var revoked = await Run("tokens", "revoke", id);
        var again = await Run("tokens", "revoke", id);

        Assert.Equal(0, revoked.Exit);
        Assert.Null(await FindToken(secret));
        Assert.Equal(1, again.Exit);
        Assert.Contains(id, again.Error);
    }
}
