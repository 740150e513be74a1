using System.CommandLine;
using Parley.Data;
using Parley.Data.Backup;

namespace Parley.Cli.Operations;

/// <summary>
/// <c>parley backup</c> and <c>parley restore</c>: an online backup of the database to one file while the app runs
/// (<see cref="DatabaseBackup"/>), and its restore into an empty database (or, with <c>--force</c>, over one).
/// </summary>
public static class BackupCommands
{
    /// <summary>Builds both commands.</summary>
    public static IEnumerable<Command> Create() => [Backup(), Restore()];

    private static Command Backup()
    {
        var output = new Option<string>("--output", "-o") { Description = "The backup file to write (replaced if it exists).", Required = true, HelpName = "FILE" };
        var database = CommonOptions.Database();
        var command = new Command("backup",
            "Back up the database to one file while the app runs: a SQLite copy (SQLite's online backup), or a pg_dump archive for PostgreSQL.")
        {
            output, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var file = parse.GetValue(output)!;
            try
            {
                var kind = await DatabaseBackup.BackupAsync(parse.GetValue(database), file, ct);
                cli.Out.WriteLine($"backed up to {file} ({(kind == BackupKind.Sqlite ? "SQLite file" : "pg_dump custom archive")}, {new FileInfo(file).Length:N0} bytes)");
                return ExitCodes.Ok;
            }
            catch (ParleyDatabaseException e)
            {
                return cli.Fail(e.Message);
            }
        });
        return command;
    }

    private static Command Restore()
    {
        var file = new Argument<string>("file") { Description = "A file written by parley backup." };
        var force = new Option<bool>("--force") { Description = "Replace what the target database holds (stop the app first)." };
        var database = CommonOptions.Database();
        var command = new Command("restore", "Restore a backup into an empty database (refuses a database with negotiations or users unless --force).")
        {
            file, force, database,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = new Cli(parse);
            var path = parse.GetValue(file)!;
            var target = parse.GetValue(database);
            if (!File.Exists(path)) return cli.Fail($"cannot read '{path}': no such file");
            try
            {
                if (!parse.GetValue(force) && !await DatabaseBackup.IsEmptyAsync(target, ct))
                    return cli.Fail($"{Describe(target)} is not empty (it holds negotiations or users); restore into an empty database, or replace it with --force");
                await DatabaseBackup.RestoreAsync(path, target, ct);
                cli.Out.WriteLine($"restored {path} into {Describe(target)}; check it with parley verify");
                return ExitCodes.Ok;
            }
            catch (ParleyDatabaseException e)
            {
                return cli.Fail(e.Message);
            }
        });
        return command;
    }

    private static string Describe(string? database)
    {
        using var db = ParleyDatabase.Open(database);
        return db.Target;
    }
}
