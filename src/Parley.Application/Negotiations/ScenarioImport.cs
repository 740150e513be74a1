using Parley.Core;
using Parley.Application.Access;
using Parley.Core.Access;
using Parley.Core.Formats;
using Parley.Core.Formats.Scenario;
using Parley.Data;
using Parley.Data.Access;

namespace Parley.Application.Negotiations;

/// <summary>
/// What importing a scenario file did: either the file's errors (and nothing stored), or the outcome of storing
/// the negotiation it holds.
/// </summary>
/// <param name="Outcome">Created, replaced or already there (nothing written); null when the file has errors.</param>
/// <param name="NegotiationId">The id of the negotiation the file holds; null when the file has errors.</param>
/// <param name="Errors">Every error of the file, in file order; empty when it was read.</param>
public sealed record ScenarioImportResult(ImportOutcome? Outcome, string? NegotiationId, IReadOnlyList<SourceProblem> Errors)
{
    /// <summary>True when the file was read and its negotiation is now stored.</summary>
    public bool Stored => Outcome is ImportOutcome.Created or ImportOutcome.Replaced;
}

/// <summary>Who imports: the user's name, whether an instance administrator, and how the user sees a negotiation id (null: not a member).</summary>
public sealed record Importer(string User, bool IsAdministrator, Func<string, Task<Viewer?>> ViewerOf);

/// <summary>
/// The one path from scenario YAML to the database, shared by the REST API and the web app: read the whole file
/// (a bad file is refused whole, every error reported), check who may store it, then store it in one transaction.
/// A new negotiation is created by an administrator only, who becomes its mediator (a logged grant) so that someone
/// can open it; an existing one is replaced only by its mediator, and only when asked to.
/// </summary>
public static class ScenarioImport
{
    /// <summary>
    /// Reads <paramref name="yaml"/> and stores its negotiation; <paramref name="fileName"/> labels the errors. An
    /// existing negotiation with the same id is replaced only when <paramref name="replace"/> is true.
    /// </summary>
    /// <exception cref="AccessDeniedException">The importer may not create (not an administrator) or replace (not its mediator) it.</exception>
    /// <exception cref="RuleRefusal">The store refused a preference profile or a draft version; nothing is written.</exception>
    /// <exception cref="ArgumentException">The store refused the Guarantees sections; nothing is written.</exception>
    public static async Task<ScenarioImportResult> ImportAsync(NegotiationStore store, MembershipStore memberships, string yaml, string fileName,
        Importer importer, bool replace, CancellationToken ct = default)
    {
        var read = ScenarioReader.Read(yaml, fileName);
        if (read.Negotiation is not { } negotiation) return new(null, null, read.Errors);
        var id = negotiation.Id;
        if (await store.ExistsAsync(id, ct))
        {
            var viewer = await importer.ViewerOf(id);
            if (viewer is { SeesEverything: false })
                throw new AccessDeniedException("replace", $"only the mediator of '{id}' may replace it");
            if (viewer is null && !importer.IsAdministrator)
                throw new AccessDeniedException("negotiation", "only an instance administrator may create a negotiation");
            if (viewer is null || !replace) return new(ImportOutcome.AlreadyExists, id, []);
        }
        else if (!importer.IsAdministrator)
        {
            throw new AccessDeniedException("negotiation", "only an instance administrator may create a negotiation");
        }
        var outcome = await store.ImportAsync(negotiation, read.Preferences, read.Guarantees, read.Drafts, importer.User, replace, ct);
        if (outcome == ImportOutcome.Created) await memberships.GrantAsync(id, importer.User, MemberRole.Mediator, null, importer.User, ct);
        return new(outcome, id, []);
    }
}
