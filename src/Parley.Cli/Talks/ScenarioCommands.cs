using System.CommandLine;
using Parley.Core.Formats.Scenario;
using Parley.Core.Settlement;
using Parley.Core.Talks;
using Parley.Data;

namespace Parley.Cli.Talks;

/// <summary><c>parley validate</c>, <c>import</c>, <c>export</c> and <c>list</c>: scenario files in and out of storage.</summary>
public static class ScenarioCommands
{
    /// <summary><c>parley validate FILE</c>: every problem as <c>FILE:LINE:COL field: message</c>; exit 1 if any.</summary>
    public static Command Validate()
    {
        var file = new Argument<string>("file") { Description = "A scenario file (YAML)." };
        var command = new Command("validate", "Check a scenario file and print every problem with its line and field.") { file };
        command.SetAction(parse =>
        {
            var cli = new Cli(parse);
            if (!TryReadScenario(cli, parse.GetValue(file)!, out var negotiation, out var exit)) return exit;
            cli.Out.WriteLine($"{parse.GetValue(file)}: ok — {Describe(negotiation)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>parley import FILE [--replace] [--database …]</c>: stores a scenario; a bad file stores nothing.</summary>
    public static Command Import()
    {
        var file = new Argument<string>("file") { Description = "A scenario file (YAML)." };
        var replace = new Option<bool>("--replace") { Description = "Replace a stored negotiation with the same id." };
        var actor = new Option<string>("--actor") { Description = "Who is importing, for the history log.", DefaultValueFactory = _ => Environment.UserName };
        var database = CommonOptions.Database();
        var command = new Command("import", "Import a scenario file into the database.") { file, replace, actor, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            if (!TryRead(cli, parse.GetValue(file)!, out var read, out var exit)) return exit;
            var (negotiation, preferences) = (read.Negotiation!, read.Preferences);
            return await Storage.Run(cli, parse.GetValue(database), async (db, store) =>
            {
                var outcome = await store.ImportAsync(negotiation, preferences, read.Guarantees, read.Drafts, parse.GetValue(actor)!, parse.GetValue(replace), ct);
                if (outcome == ImportOutcome.AlreadyExists)
                    return cli.Fail($"a negotiation '{negotiation.Id}' is already stored; use --replace to replace it");
                cli.Out.WriteLine($"{outcome.ToString().ToLowerInvariant()} '{negotiation.Id}' — {Describe(read)}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary><c>parley export ID [--output FILE] [--database …]</c>: a stored negotiation as a scenario file, its drafts included.</summary>
    public static Command Export()
    {
        var id = new Argument<string>("id") { Description = "The negotiation's id." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var database = CommonOptions.Database();
        var command = new Command("export", "Export a stored negotiation as a scenario file.") { id, output, database };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            return await Storage.Run(cli, parse.GetValue(database), async (db, store) =>
            {
                // The same read as the server's export, as the local operator (who sees what the mediator sees).
                var reader = new Application.Access.TalksReader(store, new Data.Guarantees.GuaranteesStore(db, TimeProvider.System),
                    new Data.Drafting.DraftStore(db, TimeProvider.System));
                if (await reader.ScenarioAsync(parse.GetValue(id)!, Core.Access.Viewer.Operator(Access.AccessCli.Actor), ct) is not { } yaml)
                    return cli.Fail($"no negotiation '{parse.GetValue(id)}' in the database");
                if (parse.GetValue(output) is { } path)
                {
                    var temp = path + ".tmp";
                    await File.WriteAllTextAsync(temp, yaml, ct);
                    File.Move(temp, path, overwrite: true);
                }
                else cli.Out.Write(yaml);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary><c>parley list [--database …]</c>: the stored negotiations.</summary>
    public static Command List()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the stored negotiations.") { database, json };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            return await Storage.Run(cli, parse.GetValue(database), async store =>
            {
                var all = await store.ListAsync(ct);
                if (parse.GetValue(json)) cli.WriteJson(all);
                else foreach (var n in all) cli.Out.WriteLine($"{n.Id}\t{n.Title}");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    /// <summary>Reads and checks a scenario file; prints every problem and returns false when it has any.</summary>
    internal static bool TryReadScenario(Cli cli, string path, out Negotiation negotiation, out int exit)
    {
        var ok = TryRead(cli, path, out var read, out exit);
        negotiation = read.Negotiation!;
        return ok;
    }

    /// <summary>As <see cref="TryReadScenario"/>, keeping the whole result: preference profiles, commitments and incidents too.</summary>
    internal static bool TryRead(Cli cli, string path, out ScenarioReadResult read, out int exit)
    {
        read = new ScenarioReadResult(null, []);
        exit = ExitCodes.Failure;
        if (!cli.TryReadFile(path, out var yaml)) return false;
        read = ScenarioReader.Read(yaml, path);
        if (read.Negotiation is not null)
        {
            exit = ExitCodes.Ok;
            return true;
        }
        ProblemPrinter.Print(cli.Out, read.Errors);
        cli.Error.WriteLine($"{path}: {read.Errors.Count} problem(s); nothing was read.");
        exit = ExitCodes.Problems;
        return false;
    }

    private static string Describe(Negotiation n) =>
        $"{n.Parties.Count} parties, {n.Issues.Count} issues, {n.Positions.Count} positions, {n.Proposals.Count} proposals, {n.Statements.Count} statements";

    private static string Describe(ScenarioReadResult read) => Describe(read.Negotiation!) + (read.Drafts.Count == 0 ? ""
        : $", {read.Drafts.Count} draft(s) with {read.Drafts.Sum(d => d.History.Versions.Count)} version(s)");
}
