using System.Text.Json.Nodes;
using Parley.Core.Record;

namespace Parley.Cli.Tests.Record;

public sealed partial class RecordCommandsTest
{
    [Fact]
    public async Task Proof_Entry0_VerifiesInclusionAgainstTheRoot()
    {
        await ImportBerlin();

        var run = await Run("proof", "-n", Berlin, "--entry", "0", "--json");

        Assert.Equal(0, run.Exit);
        var proof = JsonNode.Parse(run.Out)!;
        var leaves = await Leaves();
        Assert.Equal((0L, (long)leaves.Count), (proof["index"]!.GetValue<long>(), proof["treeSize"]!.GetValue<long>()));
        Assert.Equal(leaves[0], Hash(proof["leafHash"]));
        Assert.Equal(new MerkleTree(leaves).Root(), Hash(proof["root"]));
        Assert.True(MerkleProofs.VerifyInclusion(0, leaves.Count, Hash(proof["leafHash"]), Hashes(proof["path"]), Hash(proof["root"])));
    }

    [Fact]
    public async Task Proof_EntryInAnEarlierSize_VerifiesAgainstThatSizesRoot()
    {
        await ImportBerlin();

        var run = await Run("proof", "-n", Berlin, "--entry", "2", "--size", "4", "--json");

        Assert.Equal(0, run.Exit);
        var proof = JsonNode.Parse(run.Out)!;
        var leaves = await Leaves();
        Assert.Equal(4, proof["treeSize"]!.GetValue<long>());
        Assert.Equal(new MerkleTree(leaves).Root(4), Hash(proof["root"]));
        Assert.True(MerkleProofs.VerifyInclusion(2, 4, leaves[2], Hashes(proof["path"]), Hash(proof["root"])));
    }

    [Fact]
    public async Task Proof_From1_VerifiesConsistencyWithTheWholeTree()
    {
        await ImportBerlin();

        var run = await Run("proof", "-n", Berlin, "--from", "1", "--json");

        Assert.Equal(0, run.Exit);
        var proof = JsonNode.Parse(run.Out)!;
        var leaves = await Leaves();
        Assert.Equal((1L, (long)leaves.Count), (proof["first"]!.GetValue<long>(), proof["second"]!.GetValue<long>()));
        Assert.Equal(leaves[0], Hash(proof["firstRoot"])); // a tree of one leaf has that leaf's hash as its root
        Assert.Equal(new MerkleTree(leaves).Root(), Hash(proof["secondRoot"]));
        Assert.NotEmpty(proof["path"]!.AsArray());
        Assert.True(MerkleProofs.VerifyConsistency(1, leaves.Count, Hashes(proof["path"]), Hash(proof["firstRoot"]), Hash(proof["secondRoot"])));
    }

    [Fact]
    public async Task Proof_Text_FieldsThenOnePathHashPerLine()
    {
        await ImportBerlin();

        var text = await Run("proof", "-n", Berlin, "--entry", "1");
        var json = JsonNode.Parse((await Run("proof", "-n", Berlin, "--entry", "1", "--json")).Out)!;

        Assert.Equal(0, text.Exit);
        Assert.Equal(
            [
                "index: 1", $"tree size: {json["treeSize"]}", $"leaf hash: {json["leafHash"]}", $"root: {json["root"]}", "path:",
                .. json["path"]!.AsArray().Select(h => $"  {h}"),
            ],
            Lines(text.Out));
    }

    [Theory]
    [InlineData("--entry", "1000")]
    [InlineData("--entry", "-1")]
    [InlineData("--entry", "0", "--size", "1000")]
    [InlineData("--from", "0")]
    [InlineData("--from", "3", "--to", "2")]
    [InlineData("--from", "1", "--to", "1000")]
    public async Task Proof_OutOfRange_ExitsOneSayingHowManyEntries(params string[] args)
    {
        await ImportBerlin();
        var entries = (await Leaves()).Count;

        var run = await Run(["proof", "-n", Berlin, .. args]);

        Assert.Equal(1, run.Exit);
        Assert.Contains($"{entries}", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Proof_NoRecord_ExitsOneNamingTheNegotiation()
    {
        await ImportBerlin();

        var run = await Run("proof", "-n", "nowhere", "--entry", "0");

        Assert.Equal(1, run.Exit);
        Assert.Contains("'nowhere'", run.Error);
    }

    [Theory]
    [InlineData("--entry", "0", "--from", "1")]
    [InlineData("--entry", "0", "--to", "3")]
    [InlineData("--from", "1", "--size", "3")]
    public async Task Proof_MixedOptions_ExitsTwo(params string[] args)
    {
        await ImportBerlin();

        var run = await Run(["proof", "-n", Berlin, .. args]);

        Assert.Equal(2, run.Exit);
        Assert.Empty(run.Out);
    }
}
