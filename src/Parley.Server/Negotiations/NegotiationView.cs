using Parley.Core.Talks;

namespace Parley.Server.Negotiations;

/// <summary>Everything recorded in a negotiation, as served; visibilities as <c>shared</c>, <c>mediator</c>, <c>party:ID</c>.</summary>
public sealed record NegotiationView(
    string Id, string Title, string Description,
    IReadOnlyList<PartyView> Parties, IReadOnlyList<IssueView> Issues, IReadOnlyList<StatementView> Statements,
    IReadOnlyList<PositionView> Positions, IReadOnlyList<ProposalView> Proposals, IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<RoundView> Rounds, IReadOnlyList<WorkingGroupView> WorkingGroups, IReadOnlyList<ContingencyView> Contingencies)
{
    /// <summary>Projects the aggregate.</summary>
    public static NegotiationView From(Negotiation n) => new(
        n.Id, n.Title, n.Description,
        n.Parties.Select(p => new PartyView(p.Id, p.Name, p.Roles, p.Delegates.Select(d => new DelegateView(d.Id, d.Name, d.Title)).ToArray(), V(p.Visibility))).ToArray(),
        n.Issues.Select(i => new IssueView(i.Id, i.Title, i.Category, i.Weight, i.Options.Select(o => new OptionView(o.Id, o.Label, o.Description)).ToArray(),
            n.PrincipalsOf(i), i.Principals is not null, i.Description, V(i.Visibility))).ToArray(),
        n.Statements.Select(s => new StatementView(s.Id, s.At, s.Text, s.Signatories, s.Speaker,
            s.Stances.Select(x => new StatementStanceView(x.Issue, x.Option, x.Proposal, x.Stance)).ToArray(), s.Source, V(s.Visibility))).ToArray(),
        n.Positions.Select(p => new PositionView(p.Id, p.Party, p.Issue, p.ValidFrom, p.Stances, p.Statement, p.Note, V(p.Visibility))).ToArray(),
        n.Proposals.Select(p => new ProposalView(p.Id, p.Author, p.Title, p.Package, p.Addressees, p.Created, p.Expires,
            p.Responses.Select(r => new ResponseView(r.Party, r.Kind, r.At, r.Statement)).ToArray(), p.Withdrawn, p.Description, V(p.Visibility))).ToArray(),
        n.Agreements.Select(a => new AgreementView(a.Id, a.Issue, a.Option, a.Parties, a.At, a.AdReferendum, a.Source, a.Note, V(a.Visibility))).ToArray(),
        n.Rounds.Select(r => new RoundView(r.Id, r.Title, r.Start, r.End, r.Venue, r.Attendees, r.Outcome, V(r.Visibility))).ToArray(),
        n.WorkingGroups.Select(g => new WorkingGroupView(g.Id, g.Name, g.Members, g.Issues, g.NextMeeting, g.Venue, V(g.Visibility))).ToArray(),
        n.Contingencies.Select(c => new ContingencyView(c.Id, c.Owner, c.Trigger.Kind, c.Trigger.Proposal, c.Trigger.ByParty,
            c.Actions.Select(a => new ContingencyActionView(a.Kind, a.Party, a.Text)).ToArray(), c.Statement, V(c.Visibility))).ToArray());

    private static string V(Visibility v) => v.ToString();
}

#pragma warning disable CS1591 // The views mirror the model's documented records field for field.
public sealed record PartyView(string Id, string Name, IReadOnlyList<PartyRole> Roles, IReadOnlyList<DelegateView> Delegates, string Visibility);
public sealed record DelegateView(string Id, string Name, string Title);
public sealed record IssueView(string Id, string Title, string Category, double Weight, IReadOnlyList<OptionView> Options,
    IReadOnlyList<string> Principals, bool ExplicitPrincipals, string Description, string Visibility);
public sealed record OptionView(string Id, string Label, string Description);
public sealed record StatementView(string Id, DateTimeOffset At, string Text, IReadOnlyList<string> Signatories, string? Speaker,
    IReadOnlyList<StatementStanceView> Stances, string Source, string Visibility);
public sealed record StatementStanceView(string? Issue, string? Option, string? Proposal, Stance Stance);
public sealed record PositionView(string Id, string Party, string Issue, DateTimeOffset ValidFrom, IReadOnlyDictionary<string, Stance> Stances,
    string? Statement, string Note, string Visibility);
public sealed record ProposalView(string Id, string Author, string Title, IReadOnlyDictionary<string, string> Package, IReadOnlyList<string> Addressees,
    DateTimeOffset Created, DateTimeOffset? Expires, IReadOnlyList<ResponseView> Responses, DateTimeOffset? Withdrawn, string Description, string Visibility);
public sealed record ResponseView(string Party, ResponseKind Kind, DateTimeOffset At, string? Statement);
public sealed record AgreementView(string Id, string Issue, string Option, IReadOnlyList<string> Parties, DateTimeOffset At, bool AdReferendum,
    string? Source, string Note, string Visibility);
public sealed record RoundView(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, string Venue, IReadOnlyList<string> Attendees,
    string Outcome, string Visibility);
public sealed record WorkingGroupView(string Id, string Name, IReadOnlyList<string> Members, IReadOnlyList<string> Issues, DateTimeOffset? NextMeeting,
    string Venue, string Visibility);
public sealed record ContingencyView(string Id, string Owner, TriggerKind Trigger, string Proposal, string? By,
    IReadOnlyList<ContingencyActionView> Actions, string? Statement, string Visibility);
public sealed record ContingencyActionView(ActionKind Kind, string Party, string Text);
#pragma warning restore CS1591
