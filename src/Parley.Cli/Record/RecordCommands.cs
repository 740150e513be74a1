using System.CommandLine;

namespace Parley.Cli.Record;

/// <summary>
/// <c>parley verify</c>, <c>checkpoint</c> and <c>proof</c>: the verifiable record (each negotiation's history as an
/// RFC 6962 Merkle tree, checkpoints signed with the instance key) as the operator checks and hands it out. Like every
/// command, they read the database directly: database access is the trust boundary (docs/access.md).
/// </summary>
public static class RecordCommands
{
    /// <summary>The commands to add to the root.</summary>
    public static IEnumerable<Command> Create() => [VerifyCommand.Create(), CheckpointCommand.Create(), ProofCommand.Create()];
}
