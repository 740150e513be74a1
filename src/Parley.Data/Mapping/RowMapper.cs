using Parley.Core.Talks;
using Parley.Data.Rows;

namespace Parley.Data.Mapping;

/// <summary>Core items → rows. <c>ordinal</c> is the item's index in the aggregate's list of its kind.</summary>
internal static class RowMapper
{
    public static NegotiationRow Negotiation(Negotiation n) => new()
    {
        Id = n.Id,
        Title = n.Title,
        Description = n.Description,
        Parties = n.Parties.Select((x, i) => Party(n.Id, i, x)).ToList(),
        Issues = n.Issues.Select((x, i) => Issue(n.Id, i, x)).ToList(),
        Statements = n.Statements.Select((x, i) => Statement(n.Id, i, x)).ToList(),
        Positions = n.Positions.Select((x, i) => Position(n.Id, i, x)).ToList(),
        Proposals = n.Proposals.Select((x, i) => Proposal(n.Id, i, x)).ToList(),
        Agreements = n.Agreements.Select((x, i) => Agreement(n.Id, i, x)).ToList(),
        Rounds = n.Rounds.Select((x, i) => Round(n.Id, i, x)).ToList(),
        WorkingGroups = n.WorkingGroups.Select((x, i) => WorkingGroup(n.Id, i, x)).ToList(),
        Contingencies = n.Contingencies.Select((x, i) => Contingency(n.Id, i, x)).ToList(),
    };

    public static PartyRow Party(string negotiation, int ordinal, Party p) => Item(new PartyRow
    {
        NegotiationId = negotiation,
        Id = p.Id,
        Name = p.Name,
        RolesJson = StoredJson.Write(p.Roles),
        DelegatesJson = StoredJson.Write(p.Delegates.Select(d => new DelegateJson(d.Id, d.Name, d.Title))),
    }, ordinal, p.Visibility);

    public static IssueRow Issue(string negotiation, int ordinal, Issue i) => Item(new IssueRow
    {
        NegotiationId = negotiation,
        Id = i.Id,
        Title = i.Title,
        Category = i.Category,
        Weight = i.Weight,
        OptionsJson = StoredJson.Write(i.Options.Select(o => new OptionJson(o.Id, o.Label, o.Description))),
        PrincipalsJson = i.Principals is null ? null : StoredJson.Write(i.Principals),
        Description = i.Description,
    }, ordinal, i.Visibility);

    public static StatementRow Statement(string negotiation, int ordinal, Statement s) => Item(new StatementRow
    {
        NegotiationId = negotiation,
        Id = s.Id,
        At = Instants.Utc(s.At),
        AtOffset = Instants.Offset(s.At),
        Text = s.Text,
        SignatoriesJson = StoredJson.Write(s.Signatories),
        Speaker = s.Speaker,
        StancesJson = StoredJson.Write(s.Stances.Select(x => new StatementStanceJson(x.Issue, x.Option, x.Proposal, x.Stance))),
        Source = s.Source,
    }, ordinal, s.Visibility);

    public static PositionRow Position(string negotiation, int ordinal, Position p) => Item(new PositionRow
    {
        NegotiationId = negotiation,
        Id = p.Id,
        Party = p.Party,
        Issue = p.Issue,
        ValidFrom = Instants.Utc(p.ValidFrom),
        ValidFromOffset = Instants.Offset(p.ValidFrom),
        StancesJson = StoredJson.Write(p.Stances),
        Statement = p.Statement,
        Note = p.Note,
    }, ordinal, p.Visibility);

    public static ProposalRow Proposal(string negotiation, int ordinal, Proposal p) => Item(new ProposalRow
    {
        NegotiationId = negotiation,
        Id = p.Id,
        Author = p.Author,
        Title = p.Title,
        PackageJson = StoredJson.Write(p.Package),
        AddresseesJson = StoredJson.Write(p.Addressees),
        Created = Instants.Utc(p.Created),
        CreatedOffset = Instants.Offset(p.Created),
        Expires = Instants.Utc(p.Expires),
        ExpiresOffset = Instants.Offset(p.Expires),
        ResponsesJson = StoredJson.Write(p.Responses.Select(r => new ResponseJson(r.Party, r.Kind, r.At, r.Statement))),
        Withdrawn = Instants.Utc(p.Withdrawn),
        WithdrawnOffset = Instants.Offset(p.Withdrawn),
        Description = p.Description,
    }, ordinal, p.Visibility);

    public static AgreementRow Agreement(string negotiation, int ordinal, Agreement a) => Item(new AgreementRow
    {
        NegotiationId = negotiation,
        Id = a.Id,
        Issue = a.Issue,
        Option = a.Option,
        PartiesJson = StoredJson.Write(a.Parties),
        At = Instants.Utc(a.At),
        AtOffset = Instants.Offset(a.At),
        AdReferendum = a.AdReferendum,
        Source = a.Source,
        Note = a.Note,
    }, ordinal, a.Visibility);

    public static RoundRow Round(string negotiation, int ordinal, Round r) => Item(new RoundRow
    {
        NegotiationId = negotiation,
        Id = r.Id,
        Title = r.Title,
        Start = Instants.Utc(r.Start),
        StartOffset = Instants.Offset(r.Start),
        End = Instants.Utc(r.End),
        EndOffset = Instants.Offset(r.End),
        Venue = r.Venue,
        AttendeesJson = StoredJson.Write(r.Attendees),
        Outcome = r.Outcome,
    }, ordinal, r.Visibility);

    public static WorkingGroupRow WorkingGroup(string negotiation, int ordinal, WorkingGroup g) => Item(new WorkingGroupRow
    {
        NegotiationId = negotiation,
        Id = g.Id,
        Name = g.Name,
        MembersJson = StoredJson.Write(g.Members),
        IssuesJson = StoredJson.Write(g.Issues),
        NextMeeting = Instants.Utc(g.NextMeeting),
        NextMeetingOffset = Instants.Offset(g.NextMeeting),
        Venue = g.Venue,
    }, ordinal, g.Visibility);

    public static ContingencyRow Contingency(string negotiation, int ordinal, Contingency c) => Item(new ContingencyRow
    {
        NegotiationId = negotiation,
        Id = c.Id,
        Owner = c.Owner,
        TriggerKind = c.Trigger.Kind,
        TriggerProposal = c.Trigger.Proposal,
        TriggerBy = c.Trigger.ByParty,
        ActionsJson = StoredJson.Write(c.Actions.Select(a => new ActionJson(a.Kind, a.Party, a.Text))),
        Statement = c.Statement,
    }, ordinal, c.Visibility);

    private static T Item<T>(T row, int ordinal, Visibility visibility) where T : ItemRow
    {
        row.Ordinal = ordinal;
        row.VisibilityScope = visibility.Scope;
        row.VisibilityParty = visibility.Party;
        return row;
    }
}
