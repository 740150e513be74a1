using Parley.Core.Formats.Scenario;
using Parley.Data;

namespace Parley.Server.Negotiations;

/// <summary>
/// What importing a scenario file did: either the file's errors (and nothing stored), or the outcome of storing
/// the negotiation it holds.
/// </summary>
/// <param name="Outcome">Created, replaced or already there (nothing written); null when the file has errors.</param>
/// <param name="NegotiationId">The id of the negotiation the file holds; null when the file has errors.</param>
/// <param name="Errors">Every error of the file, in file order; empty when it was read.</param>
public sealed record ScenarioImportResult(ImportOutcome? Outcome, string? NegotiationId, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the file was read and its negotiation is now stored.</summary>
    public bool Stored => Outcome is ImportOutcome.Created or ImportOutcome.Replaced;
}

/// <summary>
/// The one path from scenario YAML to the database, shared by the REST API and the web app: read the whole file
/// (a bad file is refused whole, every error reported), then store it in one transaction.
/// </summary>
public static class ScenarioImport
{
    /// <summary>
    /// Reads <paramref name="yaml"/> and stores its negotiation; <paramref name="fileName"/> labels the errors. An
    /// existing negotiation with the same id is replaced only when <paramref name="replace"/> is true.
    /// </summary>
    /// <exception cref="Core.Talks.TalksRuleException">The store refused a preference profile; nothing is written.</exception>
    /// <exception cref="ArgumentException">The store refused the Guarantees sections; nothing is written.</exception>
    /// <exception cref="Core.Drafting.DraftRuleException">The store refused a draft version; nothing is written.</exception>
    public static async Task<ScenarioImportResult> ImportAsync(NegotiationStore store, string yaml, string fileName, string actor,
        bool replace, CancellationToken ct = default)
    {
        var read = ScenarioReader.Read(yaml, fileName);
        if (read.Negotiation is not { } negotiation) return new(null, null, read.Errors);
        var outcome = await store.ImportAsync(negotiation, read.Preferences, read.Guarantees, read.Drafts, actor, replace, ct);
        return new(outcome, negotiation.Id, []);
    }
}
