using System.CommandLine;
using System.Text.RegularExpressions;
using Parley.Data;
using Parley.Data.Record;

namespace Parley.Cli.Record;

/// <summary>What the record commands share: the negotiation option, finding the database and reading keys.</summary>
internal static class RecordCli
{
    /// <summary><c>--negotiation</c> / <c>-n</c>: a negotiation's id.</summary>
    public static Option<string?> Negotiation(string description, bool required = false) =>
        new("--negotiation", "-n") { Description = description, Required = required, HelpName = "ID" };

    /// <summary>
    /// True when <paramref name="database"/> can name an existing database. A SQLite path that does not exist is refused
    /// (exit 2) rather than opened: opening creates an empty database, and an empty record verifies.
    /// </summary>
    public static bool DatabaseExists(Cli cli, string? database)
    {
        var target = string.IsNullOrWhiteSpace(database) ? ParleyDatabase.DefaultSqlitePath() : database.Trim();
        // Connection strings (PostgreSQL, or SQLite's "Data Source=…") are left to the driver.
        if (ParleyDatabase.IsPostgres(target) || target.Contains('=', StringComparison.Ordinal) || File.Exists(target)) return true;
        cli.Fail($"no database at '{target}'");
        return false;
    }

    /// <summary>
    /// The key to verify with: the PEM in <paramref name="path"/> (public or private) when given, else the instance key
    /// file (<see cref="RecordKey.DefaultPath"/>) when it exists — never created here — else none (null). False, with the
    /// reason printed naming the file, when a file cannot be read or holds no P-256 key.
    /// </summary>
    public static bool TryReadVerifyKey(Cli cli, string? path, out RecordKey? key)
    {
        key = null;
        var file = path ?? RecordKey.DefaultPath();
        if (path is null && !File.Exists(file)) return true;
        if (!cli.TryReadFile(file, out var pem)) return false;
        try
        {
            key = RecordKey.FromPem(pem);
            return true;
        }
        catch (ArgumentException e)
        {
            var message = Regex.Replace(e.Message, @" \(Parameter '[^']*'\)", "");
            cli.Fail($"{(path is null ? "the instance key" : "--key")} '{file}': {message}");
            return false;
        }
    }

    /// <summary>Prints that <paramref name="negotiationId"/> has no record and returns <see cref="ExitCodes.Problems"/>.</summary>
    public static int NoRecord(Cli cli, string negotiationId)
    {
        cli.Error.WriteLine($"parley: there is no record of '{negotiationId}' in the database");
        return ExitCodes.Problems;
    }
}
