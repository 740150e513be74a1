using System.CommandLine;
using Parley.Cli.Talks;
using Parley.Data.Record;

namespace Parley.Cli.Record;

/// <summary>
/// <c>parley verify</c>: checks the record (<see cref="RecordVerifier"/>) — every entry against its hash, every tree
/// against its head, every stored checkpoint's signature, every covered row against the digest its entry recorded, and
/// optionally a checkpoint saved elsewhere. Exit code 0 when all agree, 1 with findings.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var negotiation = RecordCli.Negotiation("Only this negotiation (default: every one with a record).");
        var checkpoint = new Option<string?>("--checkpoint") { HelpName = "FILE", Description = "A signed checkpoint saved earlier (parley checkpoint): the record must still extend it." };
        var key = new Option<string?>("--key")
        {
            HelpName = "FILE",
            Description = $"The instance's public (or private) key PEM to check signatures with (default: the key file at ${RecordKey.PathVariable} or in your data folder, if there is one).",
        };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("verify", "Check the record: entries, trees, signed checkpoints and stored rows; exit code 1 with findings.")
        {
            negotiation, checkpoint, key, json, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            string? saved = null;
            if (parse.GetValue(checkpoint) is { } file)
            {
                if (!cli.TryReadFile(file, out var text)) return ExitCodes.Failure;
                saved = text;
            }
            if (!RecordCli.TryReadVerifyKey(cli, parse.GetValue(key), out var recordKey)) return ExitCodes.Failure;
            using (recordKey)
            {
                // Without a key the verifier would skip the saved checkpoint with a warning and could still say ok.
                if (saved is not null && recordKey is null)
                    return cli.Fail($"--checkpoint: checking a saved checkpoint needs the instance's public key; give it with --key (there is no key file at '{RecordKey.DefaultPath()}')");
                if (!RecordCli.DatabaseExists(cli, parse.GetValue(database))) return ExitCodes.Failure;
                return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
                {
                    var verdict = await new RecordVerifier(db).VerifyAsync(recordKey, parse.GetValue(negotiation), saved, ct);
                    if (parse.GetValue(json)) cli.WriteJson(verdict);
                    else Print(cli.Out, verdict);
                    return verdict.Ok ? ExitCodes.Ok : ExitCodes.Problems;
                });
            }
        });
        return command;
    }

    /// <summary>One line per negotiation, its findings indented under it, warnings, then <c>ok</c> or the number of findings.</summary>
    private static void Print(TextWriter output, RecordVerification verdict)
    {
        foreach (var n in verdict.Negotiations)
        {
            output.WriteLine($"{n.Id}  {Count(n.Entries, "entry", "entries")}  root {n.Root}  {Status(n.Findings.Count)}");
            foreach (var f in n.Findings) output.WriteLine($"  {f.Place}: {f.Message}");
        }
        if (verdict.Negotiations.Count == 0) output.WriteLine("no negotiation has a record");
        foreach (var warning in verdict.Warnings) output.WriteLine($"warning: {warning}");
        output.WriteLine(Status(verdict.Negotiations.Sum(n => n.Findings.Count)));
    }

    private static string Status(int findings) => findings == 0 ? "ok" : Count(findings, "finding", "findings");

    private static string Count(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
