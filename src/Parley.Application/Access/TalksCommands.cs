using Parley.Core;
using Parley.Core.Access;
using Parley.Core.Talks;
using Parley.Data;

namespace Parley.Application.Access;

/// <summary>
/// The role-checked writes of the talks, shared by the API and the pages. Each checks, in this order: the role holds
/// the permission (<see cref="AccessRules"/>); a delegation acts only for its own party (<see cref="Viewer.ActsFor"/>);
/// the item's visibility is one the viewer may file (<see cref="Viewer.MayLabel"/>); for anyone but the mediator, the
/// change is first applied to the negotiation as the viewer sees it, so that it may refer only to items the viewer can
/// see (a hidden proposal is "unknown", not a way to learn that it exists). The history's actor is
/// <see cref="Viewer.User"/>. Each returns false when the negotiation does not exist, throws
/// <see cref="AccessDeniedException"/> for what the viewer may not do and <see cref="RuleRefusal"/> for what the
/// talks' rules refuse; nothing is written then.
/// </summary>
public sealed class TalksCommands(NegotiationStore store, TalksReader reader)
{
    /// <summary>Adds a party (agenda: the mediator).</summary>
    public Task<bool> AddPartyAsync(string id, Viewer viewer, Party party, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, party.Visibility, n => n.AddParty(party), () => store.AddPartyAsync(id, party, viewer.User, ct), ct);

    /// <summary>Adds an issue (agenda: the mediator).</summary>
    public Task<bool> AddIssueAsync(string id, Viewer viewer, Issue issue, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, issue.Visibility, n => n.AddIssue(issue), () => store.AddIssueAsync(id, issue, viewer.User, ct), ct);

    /// <summary>Records a statement; a delegation records only statements its party alone signs.</summary>
    public Task<bool> AddStatementAsync(string id, Viewer viewer, Statement statement, CancellationToken ct = default)
    {
        foreach (var signatory in statement.Signatories) RequireActsFor(viewer, signatory, "signatories");
        return RecordAsync(id, viewer, Permission.RecordForParty, statement.Visibility, n => n.AddStatement(statement),
            () => store.AddStatementAsync(id, statement, viewer.User, ct), ct);
    }

    /// <summary>Records a position of the viewer's party (any party for the mediator).</summary>
    public Task<bool> RecordPositionAsync(string id, Viewer viewer, Position position, CancellationToken ct = default)
    {
        RequireActsFor(viewer, position.Party, "party");
        return RecordAsync(id, viewer, Permission.RecordForParty, position.Visibility, n => n.RecordPosition(position),
            () => store.RecordPositionAsync(id, position, viewer.User, ct), ct);
    }

    /// <summary>Puts a proposal authored by the viewer's party (any author for the mediator).</summary>
    public Task<bool> AddProposalAsync(string id, Viewer viewer, Proposal proposal, CancellationToken ct = default)
    {
        RequireActsFor(viewer, proposal.Author, "author");
        return RecordAsync(id, viewer, Permission.RecordForParty, proposal.Visibility, n => n.AddProposal(proposal),
            () => store.AddProposalAsync(id, proposal, viewer.User, ct), ct);
    }

    /// <summary>Records the viewer's party's answer to a proposal addressed to it (any addressee's for the mediator).</summary>
    public Task<bool> RespondAsync(string id, Viewer viewer, string proposal, Response response, CancellationToken ct = default)
    {
        RequireActsFor(viewer, response.Party, "party");
        return RecordAsync(id, viewer, Permission.RecordForParty, null, n => n.Respond(proposal, response),
            () => store.RespondAsync(id, proposal, response, viewer.User, ct), ct);
    }

    /// <summary>Records that the author withdrew a proposal; a delegation withdraws only its own party's proposals.</summary>
    public Task<bool> WithdrawAsync(string id, Viewer viewer, string proposal, DateTimeOffset at, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.RecordForParty, null, n =>
        {
            if (n.FindProposal(proposal) is { } p) RequireActsFor(viewer, p.Author, "proposal");
            n.Withdraw(proposal, at);
        }, () => store.WithdrawAsync(id, proposal, at, viewer.User, ct), ct);

    /// <summary>Records an agreement (the mediator).</summary>
    public Task<bool> RecordAgreementAsync(string id, Viewer viewer, Agreement agreement, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, agreement.Visibility, n => n.RecordAgreement(agreement),
            () => store.RecordAgreementAsync(id, agreement, viewer.User, ct), ct);

    /// <summary>Adds a round (the mediator).</summary>
    public Task<bool> AddRoundAsync(string id, Viewer viewer, Round round, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, round.Visibility, n => n.AddRound(round), () => store.AddRoundAsync(id, round, viewer.User, ct), ct);

    /// <summary>Adds a working group (the mediator).</summary>
    public Task<bool> AddWorkingGroupAsync(string id, Viewer viewer, WorkingGroup group, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, group.Visibility, n => n.AddWorkingGroup(group),
            () => store.AddWorkingGroupAsync(id, group, viewer.User, ct), ct);

    /// <summary>Adds a contingency (the mediator).</summary>
    public Task<bool> AddContingencyAsync(string id, Viewer viewer, Contingency contingency, CancellationToken ct = default) =>
        RecordAsync(id, viewer, Permission.EditAgenda, contingency.Visibility, n => n.AddContingency(contingency),
            () => store.AddContingencyAsync(id, contingency, viewer.User, ct), ct);

    /// <summary>Refuses unless <paramref name="viewer"/> holds <paramref name="permission"/>.</summary>
    /// <exception cref="AccessDeniedException">The role lacks the permission.</exception>
    public static void Require(Viewer viewer, Permission permission)
    {
        if (!AccessRules.Allows(viewer, permission))
            throw new AccessDeniedException("role", $"a member with the role {viewer.Role.ToString().ToLowerInvariant()} may not {Describe(permission)}");
    }

    private static void RequireActsFor(Viewer viewer, string party, string field)
    {
        if (!viewer.ActsFor(party))
            throw new AccessDeniedException(field, viewer.Party is { } own
                ? $"the delegation of '{own}' records only for '{own}', not for '{party}'"
                : $"a {viewer.Role.ToString().ToLowerInvariant()} records for no party");
    }

    private async Task<bool> RecordAsync(string id, Viewer viewer, Permission permission, Visibility? label, Action<Negotiation> apply,
        Func<Task<bool>> write, CancellationToken ct)
    {
        Require(viewer, permission);
        if (label is { } l && !viewer.MayLabel(l))
            throw new AccessDeniedException("visibility", $"'{l}' is not a visibility this member may give an item (shared or party:{viewer.Party ?? "…"})");
        // Read through the cache for everyone: the write then starts from the negotiation held in memory at the head
        // instead of reading every item again (the store's INegotiationVersions).
        if (await reader.LoadAsync(id, viewer, ct) is not { } scoped) return false;
        if (!viewer.SeesEverything)
            apply(scoped.Copy()); // the talks' rules on what the viewer sees (a copy: the read is shared); refuses with RuleRefusal
        return await write();
    }

    private static string Describe(Permission permission) => permission switch
    {
        Permission.RecordForParty => "record positions, statements, proposals or answers",
        Permission.EditAgenda => "change the agenda (parties, issues, agreements, rounds, working groups, contingencies)",
        Permission.EditDrafts => "add draft versions",
        Permission.MonitorIncidents => "take in or review incident reports",
        Permission.RecordCommitmentEvents => "record commitment events",
        Permission.ManageNegotiation => "replace or delete the negotiation",
        Permission.ReadSettlement => "read the settlement",
        _ => "read this negotiation",
    };
}
