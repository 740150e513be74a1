using Parley.Core.Access;
using Parley.Core.Guarantees;
using Parley.Data.Drafting;
using Parley.Data.Guarantees;

namespace Parley.Application.Access;

/// <summary>
/// The role-checked definition of commitments, for the pages (and the CLI or API when they offer it): a commitment is made
/// from an agreed provision of a stored draft, whose text it keeps (<see cref="ProvisionSource.Agreed"/>: a paragraph with
/// no bracket left), by a member who may change the agenda (the mediator, <see cref="Permission.EditAgenda"/>). The
/// history's actor is <see cref="Viewer.User"/>.
/// </summary>
public sealed class GuaranteeCommands(GuaranteesStore guarantees, DraftStore drafts)
{
    /// <summary>
    /// Makes the commitment <paramref name="make"/> builds around provision <paramref name="provision"/> (0-based) of version
    /// <paramref name="version"/> of draft <paramref name="draft"/>, and stores it after the negotiation's others.
    /// </summary>
    /// <returns><see cref="GuaranteeChange.NotFound"/> when the negotiation, the draft or the version does not exist.</returns>
    /// <exception cref="AccessDeniedException">The viewer may not change the agenda.</exception>
    /// <exception cref="ArgumentException">The provision is not agreed text, or the commitment is refused (its own checks, a taken id, an unknown party).</exception>
    public async Task<GuaranteeChange> AddFromProvisionAsync(string negotiationId, Viewer viewer, string draft, string version, int provision,
        Func<ProvisionSource, Commitment> make, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(make);
        TalksCommands.Require(viewer, Permission.EditAgenda);
        if (await drafts.LoadVersionAsync(negotiationId, draft, version, ct) is not { } stored) return GuaranteeChange.NotFound;
        var commitment = make(ProvisionSource.Agreed(draft, stored.Label, stored.Document, provision));
        return await guarantees.AddCommitmentAsync(negotiationId, commitment, viewer.User, ct);
    }
}
