using System.CommandLine;
using Parley.Cli.Talks;

namespace Parley.Cli;

/// <summary>The root <c>parley</c> command: one sub-command per capability, each built in its own folder.</summary>
public static class ParleyCommand
{
    /// <summary>
    /// Builds the whole command tree; <paramref name="input"/> stands for standard input (default: the console's), and
    /// <paramref name="more"/> are commands the executable adds first (src/Parley adds <c>serve</c>, which needs the web
    /// project this library does not reference).
    /// </summary>
    public static RootCommand Create(TextReader? input = null, IEnumerable<Command>? more = null)
    {
        var root = new RootCommand("Parley: a workspace for multi-party negotiations.");
        foreach (var command in more ?? []) root.Subcommands.Add(command);
        root.Subcommands.Add(ScenarioCommands.Import());
        root.Subcommands.Add(ScenarioCommands.Export());
        root.Subcommands.Add(ScenarioCommands.Validate());
        root.Subcommands.Add(ScenarioCommands.List());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        // Each capability adds its commands here, one line each.
        root.Subcommands.Add(Drafting.DraftCommand.Create());
        root.Subcommands.Add(Settlement.SettleCommand.Create());
        foreach (var command in Guarantees.GuaranteesCommands.Create()) root.Subcommands.Add(command);
        root.Subcommands.Add(Access.UsersCommands.Create(input));
        root.Subcommands.Add(Access.MembersCommands.Create());
        root.Subcommands.Add(Access.TokensCommands.Create());
        foreach (var command in Record.RecordCommands.Create()) root.Subcommands.Add(command);
        foreach (var command in Operations.BackupCommands.Create()) root.Subcommands.Add(command);
        return root;
    }
}
