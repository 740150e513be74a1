using System.Text.Json.Nodes;
using Parley.Core.Record;

namespace Parley.Cli.Tests.Record;

public sealed partial class RecordCommandsTest
{
    [Fact]
    public async Task Verify_FreshBerlin_IsOkWithTheRootOfItsLeaves()
    {
        await ImportBerlin();

        var (exit, json) = await VerifyJson("--key", await PublicKeyFile());

        Assert.Equal(0, exit);
        Assert.True(json["ok"]!.GetValue<bool>());
        var berlin = Assert.Single(json["negotiations"]!.AsArray())!;
        Assert.Equal(Berlin, berlin["id"]!.GetValue<string>());
        var leaves = await Leaves();
        Assert.NotEmpty(leaves);
        Assert.Equal(leaves.Count, berlin["entries"]!.GetValue<long>());
        Assert.Equal(new MerkleTree(leaves).Root().ToString(), berlin["root"]!.GetValue<string>());
        Assert.Empty(berlin["findings"]!.AsArray());
        Assert.Empty(json["warnings"]!.AsArray());
    }

    [Fact]
    public async Task Verify_Text_OneLinePerNegotiationAndOkLast()
    {
        await ImportBerlin();

        var run = await Run("verify", "--key", await PublicKeyFile());

        Assert.Equal(0, run.Exit);
        var leaves = await Leaves();
        Assert.Equal([$"{Berlin}  {leaves.Count} entries  root {new MerkleTree(leaves).Root()}  ok", "ok"], Lines(run.Out));
    }

    [Fact]
    public async Task Verify_RowChangedWithSql_ExitsOneNamingTableAndRow()
    {
        await ImportBerlin();
        var position = await QuerySql<string>($"SELECT id FROM positions WHERE negotiation_id = '{Berlin}' ORDER BY id LIMIT 1");

        await ExecuteSql("UPDATE positions SET note = 'x' WHERE id = $id", ("$id", position));
        var key = await PublicKeyFile();
        var (exit, json) = await VerifyJson("--key", key);
        var text = await Run("verify", "--key", key);

        Assert.Equal(1, exit);
        Assert.False(json["ok"]!.GetValue<bool>());
        var finding = Assert.Single(Assert.Single(json["negotiations"]!.AsArray())!["findings"]!.AsArray())!;
        Assert.Equal("positions", finding["table"]!.GetValue<string>());
        Assert.Equal($"({Berlin}, {position})", finding["row"]!.GetValue<string>());
        Assert.Null(finding["entry"]);
        Assert.Equal(1, text.Exit);
        Assert.Contains($"  table positions row ({Berlin}, {position}): ", text.Out);
        Assert.Equal("1 finding", Lines(text.Out)[^1]);
    }

    [Fact]
    public async Task Verify_TruncatedAndFixedUp_OnlyTheSavedCheckpointTells()
    {
        await ImportBerlin();
        var saved = WriteFile("saved.txt", await Checkpoint());
        var entries = (await Leaves()).Count;

        await RemoveLastEntryCarefully();
        var key = await PublicKeyFile();
        var (withoutSaved, _) = await VerifyJson("--key", key);
        var (exit, json) = await VerifyJson("--key", key, "--checkpoint", saved);

        // The fix-up leaves the record consistent with itself (so the finding below is the saved checkpoint's alone):
        // a record cannot show entries missing that it no longer names; a checkpoint kept outside the database can.
        Assert.Equal(0, withoutSaved);
        Assert.Equal(1, exit);
        var berlin = Assert.Single(json["negotiations"]!.AsArray())!;
        Assert.Equal(entries - 1, berlin["entries"]!.GetValue<long>());
        var finding = Assert.Single(berlin["findings"]!.AsArray())!;
        Assert.Equal("saved checkpoint", finding["place"]!.GetValue<string>());
        Assert.Contains($"{entries} entries", finding["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_WrongKey_ExitsOneWithACheckpointFinding()
    {
        await ImportBerlin();
        await Checkpoint();
        var entries = (await Leaves()).Count;

        var (rightExit, _) = await VerifyJson("--key", await PublicKeyFile());
        var (exit, json) = await VerifyJson("--key", OtherPublicKeyFile());

        Assert.Equal(0, rightExit);
        Assert.Equal(1, exit);
        var finding = Assert.Single(Assert.Single(json["negotiations"]!.AsArray())!["findings"]!.AsArray())!;
        Assert.Equal($"checkpoint at size {entries}", finding["place"]!.GetValue<string>());
        Assert.Contains("does not verify", finding["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--key", "missing.pem", "missing.pem")]
    [InlineData("--key", "not-a-key.pem", "not-a-key.pem")]
    [InlineData("--checkpoint", "missing.txt", "missing.txt")]
    public async Task Verify_UnusableFile_ExitsTwoNamingIt(string option, string file, string named)
    {
        await ImportBerlin();
        WriteFile("not-a-key.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        var run = await Run("verify", option, Path.Combine(_dir, file));

        Assert.Equal(2, run.Exit);
        Assert.Contains(named, run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Verify_NoDatabaseFile_ExitsTwoAndCreatesNone()
    {
        var run = await Run("verify", "--key", OtherPublicKeyFile());

        Assert.Equal(2, run.Exit);
        Assert.Contains(Db, run.Error);
        Assert.False(File.Exists(Db));
    }

    /// <summary>
    /// What someone who can write the database would do to drop Berlin's last entry unnoticed: delete it and the row it
    /// wrote, and set the log's head, the tree's head (size, root, frontier of the entries left) and the stored
    /// checkpoints back to the shorter tree.
    /// </summary>
    private async Task RemoveLastEntryCarefully()
    {
        var last = await QuerySql<long>($"SELECT MAX(log_index) FROM history WHERE negotiation_id = '{Berlin}'");
        Assert.Equal("draft.version-added", await QuerySql<string>($"SELECT action FROM history WHERE negotiation_id = '{Berlin}' AND log_index = {last}"));
        var wrote = JsonNode.Parse(await QuerySql<string>($"SELECT rows FROM history WHERE negotiation_id = '{Berlin}' AND log_index = {last}"))!;
        var row = Assert.Single(wrote["rows"]!.AsArray())!;
        Assert.Equal("draft_versions", row[0]!.GetValue<string>());
        var key = row[1]!.AsArray().Select(v => v!.GetValue<string>()[2..]).ToArray(); // "t:berlin-2025" → berlin-2025

        await ExecuteSql($"DELETE FROM history WHERE negotiation_id = '{Berlin}' AND log_index = {last}");
        await ExecuteSql("DELETE FROM draft_versions WHERE negotiation_id = $n AND draft = $d AND version = $v", ("$n", key[0]), ("$d", key[1]), ("$v", key[2]));
        await ExecuteSql("UPDATE history_head SET last_sequence = (SELECT MAX(sequence) FROM history)");
        var frontier = (await Leaves()).Aggregate(MerkleFrontier.Empty, (f, leaf) => f.Append(leaf));
        await ExecuteSql($"UPDATE record_heads SET size = $size, root = $root, frontier = $frontier WHERE negotiation_id = '{Berlin}'",
            ("$size", frontier.Size), ("$root", frontier.Root().ToString()), ("$frontier", frontier.Serialize()));
        await ExecuteSql($"DELETE FROM checkpoints WHERE negotiation_id = '{Berlin}' AND tree_size > {frontier.Size}");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
