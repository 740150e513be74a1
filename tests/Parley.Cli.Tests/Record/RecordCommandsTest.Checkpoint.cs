using System.Security.Cryptography;
using Parley.Core.Record;

namespace Parley.Cli.Tests.Record;

public sealed partial class RecordCommandsTest
{
    [Fact]
    public async Task Checkpoint_Printed_OpensWithThePrintedPublicKeyAtTheRecordsSizeAndRoot()
    {
        await ImportBerlin();

        var run = await Run("checkpoint", "-n", Berlin, "--key-file", KeyFile);
        var publicKey = await Run("checkpoint", "--public-key", "--key-file", KeyFile);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Equal(0, publicKey.Exit);
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKey.Out);
        var spki = key.ExportSubjectPublicKeyInfo();
        var opened = SignedNote.Open(run.Out, $"parley/{SignedNote.KeyId(spki):x8}/{Berlin}", spki);
        Assert.True(opened.Ok, opened.ToString());
        var checkpoint = Parley.Core.Record.Checkpoint.ParseBody(opened.Text!);
        var leaves = await Leaves();
        Assert.Equal(leaves.Count, checkpoint.Size);
        Assert.Equal(new MerkleTree(leaves).Root(), checkpoint.Root);
    }

    [Fact]
    public async Task Checkpoint_TreeUnchanged_PrintsTheStoredNoteAgain()
    {
        await ImportBerlin();

        var first = await Checkpoint();
        var second = await Checkpoint();

        // ECDSA signatures are randomised: the same note twice is the stored one, not a second signature.
        Assert.Equal(first, second);
        Assert.Equal(first, await QuerySql<string>("SELECT note FROM checkpoints"));
    }

    [Fact]
    public async Task Checkpoint_NoRecord_ExitsOneNamingTheNegotiation()
    {
        await ImportBerlin();

        var run = await Run("checkpoint", "-n", "nowhere", "--key-file", KeyFile);

        Assert.Equal(1, run.Exit);
        Assert.Contains("'nowhere'", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Checkpoint_OtherKeyThanTheStoredOnesSigner_ExitsOnePrintingNothing()
    {
        await ImportBerlin();
        await Checkpoint();
        var other = Path.Combine(_dir, "other-private.pem");

        var run = await Run("checkpoint", "-n", Berlin, "--key-file", other);

        Assert.Equal(1, run.Exit);
        Assert.Contains("does not verify", run.Error);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData]
    [InlineData("-n", Berlin, "--public-key")]
    public async Task Checkpoint_NotExactlyOneOfNegotiationAndPublicKey_ExitsTwo(params string[] args)
    {
        var run = await Run(["checkpoint", .. args, "--key-file", KeyFile]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--public-key", run.Error);
    }
}
