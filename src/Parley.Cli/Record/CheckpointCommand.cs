using System.CommandLine;
using System.Security.Cryptography;
using Parley.Cli.Talks;
using Parley.Data;
using Parley.Data.Record;

namespace Parley.Cli.Record;

/// <summary>
/// <c>parley checkpoint</c>: prints a negotiation's signed checkpoint (the tree's size and root, signed with the instance
/// key; signed and stored when the tree has grown since the last one) exactly, so <c>parley checkpoint -n ID &gt; saved.txt</c>
/// keeps it for a later <c>parley verify --checkpoint saved.txt</c>. With <c>--public-key</c>, prints the key's public half
/// instead, for delegations to verify checkpoints with.
/// </summary>
public static class CheckpointCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var negotiation = RecordCli.Negotiation("The negotiation whose tree to sign.");
        var publicKey = new Option<bool>("--public-key") { Description = "Print the instance's public key (PEM) instead, to hand to delegations." };
        var keyFile = new Option<string?>("--key-file")
        {
            HelpName = "PATH",
            Description = $"The instance's private key PEM, created if missing (default: ${RecordKey.PathVariable}, else record-key.pem in your data folder).",
        };
        var database = CommonOptions.Database();
        var command = new Command("checkpoint", "Print a negotiation's signed checkpoint (or, with --public-key, the key that verifies it).")
        {
            negotiation, publicKey, keyFile, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var id = parse.GetValue(negotiation);
            var printKey = parse.GetValue(publicKey);
            if (printKey == (id is not null)) return cli.Fail("name a negotiation with --negotiation, or ask for --public-key (not both)");
            var path = parse.GetValue(keyFile) ?? RecordKey.DefaultPath();
            RecordKey key;
            try
            {
                key = RecordKey.LoadOrCreate(path);
            }
            catch (ParleyDatabaseException e)
            {
                return cli.Fail(e.Message);
            }
            using (key)
            {
                if (printKey)
                {
                    cli.Out.WriteLine(key.PublicKeyPem);
                    return ExitCodes.Ok;
                }
                if (!RecordCli.DatabaseExists(cli, parse.GetValue(database))) return ExitCodes.Failure;
                return await Storage.Run(cli, parse.GetValue(database), (db, _) => Print(cli, db, key, path, id!, ct));
            }
        });
        return command;
    }

    private static async Task<int> Print(Cli cli, ParleyDbContext db, RecordKey key, string path, string id, CancellationToken ct)
    {
        StoredCheckpoint? stored;
        try
        {
            stored = await new RecordStore(db, TimeProvider.System).CheckpointAsync(id, key, ct);
        }
        catch (CryptographicException e)
        {
            return cli.Fail($"cannot sign with the record key '{path}': {e.Message}");
        }
        if (stored is null) return RecordCli.NoRecord(cli, id);
        // The stored checkpoint is handed out as it is; one another key signed would not verify for whoever receives it.
        if (key.Open(stored.Note, id).Error is { } error)
        {
            cli.Error.WriteLine($"parley: the stored checkpoint of '{id}' at size {stored.TreeSize} does not verify with the key '{path}' ({error}); run parley verify");
            return ExitCodes.Problems;
        }
        cli.Out.Write(stored.Note);
        return ExitCodes.Ok;
    }
}
