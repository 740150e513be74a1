using Parley.Core.Access;
using Parley.Core.Guarantees;

namespace Parley.Application.Access;

/// <summary>Who may record what in the Guarantees capability, beyond the role's permission (<see cref="AccessRules"/>).</summary>
public static class GuaranteeRules
{
    /// <summary>
    /// The mediator records any commitment event; a guarantor records only its own party's performance
    /// (<see cref="ActionPerformed"/> with its party), never a lifecycle act such as entry into force or suspension.
    /// </summary>
    /// <exception cref="AccessDeniedException">The viewer may not record this event.</exception>
    public static void RequireMayRecord(Viewer viewer, CommitmentEvent e)
    {
        TalksCommands.Require(viewer, Permission.RecordCommitmentEvents);
        if (viewer.SeesEverything) return;
        if (e is not ActionPerformed performed)
            throw new AccessDeniedException("action", "only the mediator records entry into force, suspension, resumption, termination or discharge");
        if (viewer.Party is not { } own || performed.Party != own)
            throw new AccessDeniedException("party", viewer.Party is { } p
                ? $"a guarantor records its own party's performance ('{p}'), not '{performed.Party}'"
                : "a guarantor with no party records no performance");
    }
}
