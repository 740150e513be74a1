using System.CommandLine;

namespace Parley.Cli;

/// <summary>The root <c>parley</c> command: one sub-command per capability, each built in its own folder.</summary>
public static class ParleyCommand
{
    /// <summary>Builds the whole command tree.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Parley: a workspace for multi-party negotiations.");
        // Each capability adds its commands here, one line each.
        foreach (var command in Guarantees.GuaranteesCommands.Create()) root.Subcommands.Add(command);
        return root;
    }
}
