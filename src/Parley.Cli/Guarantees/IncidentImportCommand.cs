using System.CommandLine;
using System.Security.Cryptography;
using Parley.Cli.Talks;
using Parley.Core.Guarantees;
using Parley.Core.Formats;
using Parley.Core.Formats.Incidents;
using Parley.Data;
using Parley.Data.Guarantees;
using Spectre.Console;
using Parley.Application.Infrastructure;

namespace Parley.Cli.Guarantees;

/// <summary>
/// <c>parley incidents import FILE --format acled|ucdp [--negotiation ID] [--database …] [--json]</c>: rejected rows
/// are reported with line and field, the rest stored in one transaction (nothing partial on failure or Ctrl+C).
/// Exit 0 when every row was stored, 1 when some were rejected, 2 when nothing could be stored.
/// </summary>
internal static class IncidentImportCommand
{
    public static Command Create()
    {
        var path = new Argument<FileInfo>("FILE") { Description = "Incident file (CSV)" };
        var format = new Option<string>("--format") { Description = "acled or ucdp", Required = true };
        format.AcceptOnlyFromAmong(IncidentFiles.Formats);
        var negotiation = new Option<string?>("--negotiation") { Description = "The negotiation the incidents belong to (default: the only one stored)" };
        var actor = new Option<string>("--actor") { Description = "Who is importing, for the history log.", DefaultValueFactory = _ => Environment.UserName };
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("import", "Store an incident file: rejected rows are reported, the rest stored in one transaction")
        {
            path, format, negotiation, actor, database, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var file = parse.GetValue(path)!;
            if (file.Exists) NoCollections.ForIncidents(file.Length);
            // The file's digest (for the history entry) is taken on the other core while this one parses the file, and
            // the database is opened and migrated there too (a cold process's EF Core model and migration check).
            using var hashing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var digest = file.Exists ? Task.Run(() => Digest(file, hashing.Token), hashing.Token) : null;
            await using var opening = file.Exists ? Storage.OpenEarly(parse.GetValue(database)) : null;
            var import = IncidentFiles.Read(file.FullName, parse.GetValue(format)!, cli.Error);
            if (import is null || import.FileRejected || digest is null)
            {
                await hashing.CancelAsync();
                if (import is null) return ExitCodes.Failure;
                Report(cli, parse.GetValue(json), import, [], 0, 0);
                return ExitCodes.Problems;
            }
            var hash = await digest;
            return await Storage.Run(cli, opening, parse.GetValue(database), async (db, store) =>
            {
                var id = parse.GetValue(negotiation);
                if (id is null)
                {
                    var all = await store.ListAsync(ct);
                    if (all.Count != 1) return cli.Fail($"name the negotiation with --negotiation ({(all.Count == 0 ? "none is stored" : $"{all.Count} are stored")})");
                    id = all[0].Id;
                }
                var guarantees = new GuaranteesStore(db, TimeProvider.System);
                var source = $"{parse.GetValue(format)} file {file.Name}";
                IncidentsStored? stored;
                try
                {
                    stored = await WithProgress(cli, import.Incidents.Count, progress =>
                        guarantees.ImportIncidentsAsync(id, import.Incidents, parse.GetValue(actor)!, source, hash, progress: progress, ct: ct));
                }
                catch (OperationCanceledException)
                {
                    return cli.Fail("import cancelled; nothing was stored");
                }
                catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    return cli.Fail($"import failed; nothing was stored: {e.Message}");
                }
                if (stored is null) return cli.Fail($"no negotiation '{id}' is stored");
                // Lines of the refused ids only: a dictionary of every row's line costs a large import for nothing.
                var lines = stored.AlreadyStored.Count == 0 ? new Dictionary<string, int>() : import.Incidents.Select((incident, k) => (incident.Id, Line: import.Lines[k])).ToDictionary(x => x.Id, x => x.Line);
                var refused = stored.AlreadyStored.Select(r => new SourceProblem(file.Name, lines[r], 0, parse.GetValue(format) == "ucdp" ? "id" : "event_id_cnty",
                    $"id '{r}' is already stored for negotiation {id}")).ToArray();
                Report(cli, parse.GetValue(json), import, refused, stored.Imported, stored.DuplicatesGrouped);
                return import.Errors.Count + refused.Length == 0 ? ExitCodes.Ok : ExitCodes.Problems;
            });
        });
        return command;
    }

    private static async Task<string> Digest(FileInfo file, CancellationToken ct)
    {
        await using var stream = IncidentFiles.OpenRead(file.FullName);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static void Report(Cli cli, bool json, IncidentImport import, IReadOnlyList<SourceProblem> refused, int imported, int duplicates)
    {
        var errors = import.Errors.Concat(refused).OrderBy(e => e.Line).ToArray();
        var rejected = import.Rejected + refused.Count;
        if (json)
            cli.WriteJson(new { imported, rejected, duplicatesGrouped = duplicates, errors = errors.Select(ProblemView.From) });
        else
        {
            cli.Out.WriteLine($"imported {imported}, rejected {rejected}, duplicates grouped {duplicates}");
            ProblemPrinter.Print(cli.Out, errors);
        }
    }

    /// <summary>A progress bar on stderr while storing many rows, only when a person watches it.</summary>
    private static async Task<T> WithProgress<T>(Cli cli, int rows, Func<IProgress<int>?, Task<T>> work)
    {
        if (!ReferenceEquals(cli.Error, Console.Error) || Console.IsErrorRedirected || rows < 10_000) return await work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask("storing incidents", maxValue: rows);
            var result = await work(new Progress<int>(n => task.Value = n));
            task.Value = rows;
            return result;
        });
    }
}
