using System.Text.Json.Nodes;
using Parley.Data;

namespace Parley.Cli.Tests.Access;

public sealed partial class AccessCommandsTest
{
    [Fact]
    public async Task MembersAddList_RoundTrip_TableAndJson()
    {
        await ImportBerlinWithUsers("alice", "carol");

        Assert.Equal(0, (await Run("members", "add", "--negotiation", Negotiation, "--user", "alice", "--role", "delegation", "--party", "ua")).Exit);
        Assert.Equal(0, (await Run("members", "add", "--negotiation", Negotiation, "--user", "carol", "--role", "mediator")).Exit);
        var table = await Run("members", "list", "--negotiation", Negotiation);
        var json = await Run("members", "list", "--negotiation", Negotiation, "--json");

        Assert.Contains("delegation", table.Out);
        Assert.Contains("ua", table.Out);
        var members = JsonNode.Parse(json.Out)!.AsArray();
        Assert.Equal(2, members.Count);
        var alice = members[0]!.AsObject();
        Assert.Equal(["user", "role", "party", "grantedAt", "grantedBy"], alice.Select(p => p.Key));
        Assert.Equal("alice", alice["user"]!.GetValue<string>());
        Assert.Equal("delegation", alice["role"]!.GetValue<string>());
        Assert.Equal("ua", alice["party"]!.GetValue<string>());
        Assert.Equal("cli:" + Environment.UserName, alice["grantedBy"]!.GetValue<string>());
        Assert.Equal("mediator", members[1]!["role"]!.GetValue<string>());
        Assert.Null(members[1]!["party"]);
    }

    [Fact]
    public async Task MembersAdd_DelegationWithoutParty_FailsNamingPartyAndGrantsNothing()
    {
        await ImportBerlinWithUsers("alice");

        var run = await Run("members", "add", "--negotiation", Negotiation, "--user", "alice", "--role", "delegation");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("parley: --party", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("[]", (await Run("members", "list", "--negotiation", Negotiation, "--json")).Out.Trim());
    }

    [Fact]
    public async Task MembersAdd_UnknownRole_FailsNamingRoleAndTheChoices()
    {
        await ImportBerlinWithUsers("alice");

        var run = await Run("members", "add", "--negotiation", Negotiation, "--user", "alice", "--role", "Mediator");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("parley: --role", run.Error);
        Assert.Contains("observer", run.Error);
    }

    [Fact]
    public async Task MembersAddRemove_WriteHistoryEntriesWithTheOperatorAsActor()
    {
        await ImportBerlinWithUsers("alice");

        await Run("members", "add", "--negotiation", Negotiation, "--user", "alice", "--role", "observer");
        var removed = await Run("members", "remove", "--negotiation", Negotiation, "--user", "alice");
        var again = await Run("members", "remove", "--negotiation", Negotiation, "--user", "alice");

        Assert.Equal(0, removed.Exit);
        Assert.Equal(1, again.Exit);
        var history = await WithDatabase(db => new NegotiationStore(db, TimeProvider.System).HistoryAsync(Negotiation));
        var membership = history.Where(e => e.ItemKind == "membership").ToArray();
        Assert.Equal(["membership.granted", "membership.revoked"], membership.Select(e => e.Action));
        Assert.All(membership, e => Assert.Equal("alice", e.ItemId));
        Assert.All(membership, e => Assert.Equal("cli:" + Environment.UserName, e.Actor));
        Assert.Contains("\"observer\"", membership[0].Change);
    }
}
