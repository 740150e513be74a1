using Parley.Core;
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
    /// <exception cref="AccessDeniedException">The viewer may not change the agenda.</exception>
    /// <exception cref="ArgumentException">The provision is not agreed text, or the commitment fails its own checks.</exception>
    /// <exception cref="RuleRefusal">The store refuses it (a taken id, an unknown party), or the negotiation, the draft or
    /// the version does not exist (<see cref="RefusalKind.NotFound"/>).</exception>
    public async Task AddFromProvisionAsync(string negotiationId, Viewer viewer, string draft, string version, int provision,
        Func<ProvisionSource, Commitment> make, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(make);
        TalksCommands.Require(viewer, Permission.EditAgenda);
        var stored = await drafts.LoadVersionAsync(negotiationId, draft, version, ct)
            ?? throw new RuleRefusal("version", $"version '{version}' of draft '{draft}' is not stored", RefusalKind.NotFound);
        var commitment = make(ProvisionSource.Agreed(draft, stored.Label, stored.Document, provision));
        await guarantees.AddCommitmentAsync(negotiationId, commitment, viewer.User, ct);
    }
}
