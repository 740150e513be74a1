using Parley.Core;
using Parley.Core.Talks;
using Parley.Data.Mapping;

namespace Parley.Data;

// One method per change. Each returns false when the negotiation does not exist and throws the aggregate's
// RuleRefusal, with nothing written, when the change breaks a rule.
public sealed partial class NegotiationStore
{
    /// <summary>Adds a party. History: <c>party.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddPartyAsync(string id, Party party, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddParty(party);
            return new Change(RowMapper.Party(id, n.Parties.Count - 1, party), true, "party.added", "party", party.Id, party);
        }, ct);

    /// <summary>Adds an issue at the end of the agenda. History: <c>issue.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddIssueAsync(string id, Issue issue, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddIssue(issue);
            return new Change(RowMapper.Issue(id, n.Issues.Count - 1, issue), true, "issue.added", "issue", issue.Id, issue);
        }, ct);

    /// <summary>Adds a statement. History: <c>statement.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddStatementAsync(string id, Statement statement, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddStatement(statement);
            return new Change(RowMapper.Statement(id, n.Statements.Count - 1, statement), true, "statement.added", "statement", statement.Id, statement);
        }, ct);

    /// <summary>Records a position. History: <c>position.recorded</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> RecordPositionAsync(string id, Position position, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.RecordPosition(position);
            return new Change(RowMapper.Position(id, n.Positions.Count - 1, position), true, "position.recorded", "position", position.Id, position);
        }, ct);

    /// <summary>Adds a proposal. History: <c>proposal.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddProposalAsync(string id, Proposal proposal, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddProposal(proposal);
            return new Change(RowMapper.Proposal(id, n.Proposals.Count - 1, proposal), true, "proposal.added", "proposal", proposal.Id, proposal);
        }, ct);

    /// <summary>Records an addressee's answer to a proposal. History: <c>proposal.responded</c> with the answer.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> RespondAsync(string id, string proposalId, Response response, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.Respond(proposalId, response);
            return ProposalChanged(n, id, proposalId, "proposal.responded", new { proposal = proposalId, response });
        }, ct);

    /// <summary>Records that the author withdrew a proposal. History: <c>proposal.withdrawn</c> with the time.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> WithdrawAsync(string id, string proposalId, DateTimeOffset at, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.Withdraw(proposalId, at);
            return ProposalChanged(n, id, proposalId, "proposal.withdrawn", new { proposal = proposalId, withdrawn = at });
        }, ct);

    /// <summary>Records an agreement. History: <c>agreement.recorded</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> RecordAgreementAsync(string id, Agreement agreement, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.RecordAgreement(agreement);
            return new Change(RowMapper.Agreement(id, n.Agreements.Count - 1, agreement), true, "agreement.recorded", "agreement", agreement.Id, agreement);
        }, ct);

    /// <summary>Adds a round. History: <c>round.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddRoundAsync(string id, Round round, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddRound(round);
            return new Change(RowMapper.Round(id, n.Rounds.Count - 1, round), true, "round.added", "round", round.Id, round);
        }, ct);

    /// <summary>Adds a working group. History: <c>working-group.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddWorkingGroupAsync(string id, WorkingGroup group, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddWorkingGroup(group);
            return new Change(RowMapper.WorkingGroup(id, n.WorkingGroups.Count - 1, group), true, "working-group.added", "working-group", group.Id, group);
        }, ct);

    /// <summary>Adds a contingency. History: <c>contingency.added</c>.</summary>
    /// <exception cref="RuleRefusal">The change breaks a rule of the negotiation; nothing is written.</exception>
    public Task<bool> AddContingencyAsync(string id, Contingency contingency, string actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, n =>
        {
            n.AddContingency(contingency);
            return new Change(RowMapper.Contingency(id, n.Contingencies.Count - 1, contingency), true, "contingency.added", "contingency", contingency.Id, contingency);
        }, ct);

    private static Change ProposalChanged(Negotiation n, string id, string proposalId, string action, object what)
    {
        var index = n.Proposals.Select(p => p.Id).ToList().IndexOf(proposalId);
        return new Change(RowMapper.Proposal(id, index, n.Proposals[index]), false, action, "proposal", proposalId, what);
    }
}
