using System.CommandLine;
using System.Globalization;
using Parley.Cli.Talks;
using Parley.Data.Record;

namespace Parley.Cli.Record;

/// <summary>
/// <c>parley proof</c>: an RFC 9162 inclusion proof of one entry (<c>--entry</c>) or a consistency proof between two tree
/// sizes (<c>--from</c>), with every hash in lower-case hex, for checking with any RFC 6962 verifier. Out of range is
/// exit code 1.
/// </summary>
public static class ProofCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var negotiation = RecordCli.Negotiation("The negotiation whose tree to prove.", required: true);
        var entry = new Option<long?>("--entry") { HelpName = "N", Description = "Prove this entry (its index, from 0) is in the tree." };
        var size = new Option<long?>("--size") { HelpName = "S", Description = "With --entry: in the tree of this many entries (default: the whole tree)." };
        var from = new Option<long?>("--from") { HelpName = "A", Description = "Prove the tree of this many entries is a prefix of a later one." };
        var to = new Option<long?>("--to") { HelpName = "B", Description = "With --from: the later tree's size (default: the whole tree)." };
        var json = CommonOptions.Json();
        var database = CommonOptions.Database();
        var command = new Command("proof", "Print an inclusion proof of an entry (--entry) or a consistency proof between two tree sizes (--from).")
        {
            negotiation, entry, size, from, to, json, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var (id, index, first) = (parse.GetValue(negotiation)!, parse.GetValue(entry), parse.GetValue(from));
            if ((index is null) == (first is null)) return cli.Fail("ask for one proof: --entry N (inclusion) or --from A (consistency)");
            if (index is null && parse.GetValue(size) is not null) return cli.Fail("--size goes with --entry; with --from, use --to");
            if (first is null && parse.GetValue(to) is not null) return cli.Fail("--to goes with --from; with --entry, use --size");
            if (!RecordCli.DatabaseExists(cli, parse.GetValue(database))) return ExitCodes.Failure;
            return await Storage.Run(cli, parse.GetValue(database), async (db, _) =>
            {
                var store = new RecordStore(db, TimeProvider.System);
                var entries = await store.SizeAsync(id, ct);
                if (entries == 0) return RecordCli.NoRecord(cli, id);
                return index is { } i
                    ? Print(cli, await store.InclusionProofAsync(id, i, parse.GetValue(size), ct), parse.GetValue(json),
                        $"--entry {i}{Of(parse.GetValue(size))}: not an entry of the tree (the record of '{id}' has {entries} entries, 0 … {entries - 1})")
                    : Print(cli, await store.ConsistencyProofAsync(id, first!.Value, parse.GetValue(to), ct), parse.GetValue(json),
                        $"--from {first}{To(parse.GetValue(to))}: out of range (need 1 ≤ from ≤ to ≤ {entries}, the entries in the record of '{id}')");
            });
        });
        return command;
    }

    private static string Of(long? size) => size is { } s ? $" --size {s}" : "";

    private static string To(long? to) => to is { } t ? $" --to {t}" : "";

    private static int Print(Cli cli, InclusionProof? proof, bool json, string outOfRange)
    {
        if (proof is null) return OutOfRange(cli, outOfRange);
        var view = new InclusionView(proof.Index, proof.TreeSize, proof.LeafHash.ToString(), proof.Root.ToString(), proof.Path.Select(h => h.ToString()).ToArray());
        if (json) cli.WriteJson(view);
        else Write(cli.Out, [("index", view.Index.ToString(CultureInfo.InvariantCulture)),
            ("tree size", view.TreeSize.ToString(CultureInfo.InvariantCulture)), ("leaf hash", view.LeafHash), ("root", view.Root)], view.Path);
        return ExitCodes.Ok;
    }

    private static int Print(Cli cli, ConsistencyProof? proof, bool json, string outOfRange)
    {
        if (proof is null) return OutOfRange(cli, outOfRange);
        var view = new ConsistencyView(proof.First, proof.Second, proof.FirstRoot.ToString(), proof.SecondRoot.ToString(), proof.Path.Select(h => h.ToString()).ToArray());
        if (json) cli.WriteJson(view);
        else Write(cli.Out, [("first", view.First.ToString(CultureInfo.InvariantCulture)),
            ("second", view.Second.ToString(CultureInfo.InvariantCulture)), ("first root", view.FirstRoot), ("second root", view.SecondRoot)], view.Path);
        return ExitCodes.Ok;
    }

    private static int OutOfRange(Cli cli, string message)
    {
        cli.Error.WriteLine($"parley: {message}");
        return ExitCodes.Problems;
    }

    /// <summary><c>name: value</c> lines, then <c>path:</c> and one hash per line, indented (leaf to root).</summary>
    private static void Write(TextWriter output, IEnumerable<(string Name, string Value)> fields, IReadOnlyList<string> path)
    {
        foreach (var (name, value) in fields) output.WriteLine($"{name}: {value}");
        output.WriteLine("path:");
        foreach (var hash in path) output.WriteLine($"  {hash}");
    }
}

/// <summary>An inclusion proof as printed: <c>{ index, treeSize, leafHash, root, path }</c>, hashes in lower-case hex.</summary>
internal sealed record InclusionView(long Index, long TreeSize, string LeafHash, string Root, IReadOnlyList<string> Path);

/// <summary>A consistency proof as printed: <c>{ first, second, firstRoot, secondRoot, path }</c>, hashes in lower-case hex.</summary>
internal sealed record ConsistencyView(long First, long Second, string FirstRoot, string SecondRoot, IReadOnlyList<string> Path);
