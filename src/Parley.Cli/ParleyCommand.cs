using System.CommandLine;
using Parley.Cli.Talks;

namespace Parley.Cli;

/// <summary>The root <c>parley</c> command: one sub-command per capability, each built in its own folder.</summary>
public static class ParleyCommand
{
    /// <summary>
    /// Builds the command tree; <paramref name="input"/> stands for standard input (default: the console's), and
    /// <paramref name="more"/> are commands the executable adds first (src/Parley adds <c>serve</c>, which needs the web
    /// project this library does not reference), each made only when needed. With <paramref name="only"/> the name of a
    /// top-level command (a command line's first word), only that command is built: a cold <c>parley draft stats</c> spent
    /// a third of its time before the draft's first byte building the two dozen others. Any other first word (an option such
    /// as <c>--help</c>, a typo) gets the whole tree, so help and suggestions list every command.
    /// </summary>
    public static RootCommand Create(TextReader? input = null, IEnumerable<TopLevel>? more = null, string? only = null)
    {
        var all = new List<TopLevel>(more ?? []);
        all.AddRange(Commands(input));
        var chosen = only is null ? null : all.Find(t => Array.IndexOf(t.Names, only) >= 0);
        var root = new RootCommand("Parley: a workspace for multi-party negotiations.");
        foreach (var topLevel in chosen is null ? all : [chosen])
        {
            foreach (var command in topLevel.Make()) root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Parley.Cli's own top-level commands, in the order help lists them.</summary>
    internal static List<TopLevel> Commands(TextReader? input) =>
    [
        new(["import"], () => [ScenarioCommands.Import()]),
        new(["export"], () => [ScenarioCommands.Export()]),
        new(["validate"], () => [ScenarioCommands.Validate()]),
        new(["list"], () => [ScenarioCommands.List()]),
        new(["status"], () => [StatusCommand.Create()]),
        new(["changes"], () => [ChangesCommand.Create()]),
        // Each capability adds its commands here, one line each.
        new(["draft"], () => [Drafting.DraftCommand.Create()]),
        new(["settle"], () => [Settlement.SettleCommand.Create()]),
        new(["guarantees", "incidents"], () => Guarantees.GuaranteesCommands.Create()),
        new(["users"], () => [Access.UsersCommands.Create(input)]),
        new(["members"], () => [Access.MembersCommands.Create()]),
        new(["tokens"], () => [Access.TokensCommands.Create()]),
        new(["verify", "checkpoint", "proof"], () => Record.RecordCommands.Create()),
        new(["backup", "restore"], () => Operations.BackupCommands.Create()),
    ];
}

/// <summary>Top-level commands made on demand: the names they answer to, and how to make them.</summary>
/// <param name="Names">The names of the commands <paramref name="Make"/> returns, in order.</param>
/// <param name="Make">Builds the commands.</param>
public sealed record TopLevel(string[] Names, Func<IEnumerable<Command>> Make);
