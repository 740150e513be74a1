using Parley.Core.Talks;
using Parley.Data.Rows;

namespace Parley.Data.Mapping;

/// <summary>
/// Rows → the aggregate, through its own Add methods so that a load re-checks every reference. Statements may
/// speak of proposals and answers to proposals may cite statements, so proposals go in without their answers,
/// then statements, then the answers (<see cref="Negotiation.Respond"/> keeps them in time order as before).
/// </summary>
internal static class AggregateBuilder
{
    /// <summary>Builds the negotiation from a header whose item lists are filled and sorted by ordinal.</summary>
    public static Negotiation Build(NegotiationRow row)
    {
        var n = new Negotiation(row.Id, row.Title, row.Description);
        foreach (var r in row.Parties) n.AddParty(Party(r));
        foreach (var r in row.Issues) n.AddIssue(Issue(r));
        foreach (var r in row.Proposals) n.AddProposal(Proposal(r));
        foreach (var r in row.Statements) n.AddStatement(Statement(r));
        foreach (var r in row.Proposals)
            foreach (var answer in StoredJson.Read<ResponseJson[]>(r.ResponsesJson))
                n.Respond(r.Id, new Response(answer.Party, answer.Kind, answer.At, answer.Statement));
        foreach (var r in row.Positions) n.RecordPosition(Position(r));
        foreach (var r in row.Agreements) n.RecordAgreement(Agreement(r));
        foreach (var r in row.Rounds) n.AddRound(Round(r));
        foreach (var r in row.WorkingGroups) n.AddWorkingGroup(WorkingGroup(r));
        foreach (var r in row.Contingencies) n.AddContingency(Contingency(r));
        return n;
    }

    private static Visibility Visibility(ItemRow r) => new(r.VisibilityScope, r.VisibilityParty);

    private static Party Party(PartyRow r) => new(
        r.Id, r.Name, StoredJson.Read<PartyRole[]>(r.RolesJson),
        StoredJson.Read<DelegateJson[]>(r.DelegatesJson).Select(d => new Core.Talks.PartyDelegate(d.Id, d.Name, d.Title)),
        Visibility(r));

    private static Issue Issue(IssueRow r) => new(
        r.Id, r.Title, r.Category, r.Weight,
        StoredJson.Read<OptionJson[]>(r.OptionsJson).Select(o => new Option(o.Id, o.Label, o.Description)),
        r.PrincipalsJson is null ? null : StoredJson.Read<string[]>(r.PrincipalsJson),
        r.Description, Visibility(r));

    private static Statement Statement(StatementRow r) => new(
        r.Id, Instants.Restore(r.At, r.AtOffset), r.Text, StoredJson.Read<string[]>(r.SignatoriesJson), r.Speaker,
        StoredJson.Read<StatementStanceJson[]>(r.StancesJson).Select(s => new StatementStance(s.Issue, s.Option, s.Proposal, s.Stance)),
        r.Source, Visibility(r));

    private static Position Position(PositionRow r) => new(
        r.Id, r.Party, r.Issue, Instants.Restore(r.ValidFrom, r.ValidFromOffset),
        StoredJson.Read<Dictionary<string, Stance>>(r.StancesJson), r.Statement, r.Note, Visibility(r));

    private static Proposal Proposal(ProposalRow r) => new(
        r.Id, r.Author, r.Title, StoredJson.Read<Dictionary<string, string>>(r.PackageJson),
        StoredJson.Read<string[]>(r.AddresseesJson), Instants.Restore(r.Created, r.CreatedOffset),
        Instants.Restore(r.Expires, r.ExpiresOffset), responses: null,
        Instants.Restore(r.Withdrawn, r.WithdrawnOffset), r.Description, Visibility(r));

    private static Agreement Agreement(AgreementRow r) => new(
        r.Id, r.Issue, r.Option, StoredJson.Read<string[]>(r.PartiesJson), Instants.Restore(r.At, r.AtOffset),
        r.AdReferendum, r.Source, r.Note, Visibility(r));

    private static Round Round(RoundRow r) => new(
        r.Id, r.Title, Instants.Restore(r.Start, r.StartOffset), Instants.Restore(r.End, r.EndOffset), r.Venue,
        StoredJson.Read<string[]>(r.AttendeesJson), r.Outcome, Visibility(r));

    private static WorkingGroup WorkingGroup(WorkingGroupRow r) => new(
        r.Id, r.Name, StoredJson.Read<string[]>(r.MembersJson), StoredJson.Read<string[]>(r.IssuesJson),
        Instants.Restore(r.NextMeeting, r.NextMeetingOffset), r.Venue, Visibility(r));

    private static Contingency Contingency(ContingencyRow r) => new(
        r.Id, r.Owner, new ContingencyTrigger(r.TriggerKind, r.TriggerProposal, r.TriggerBy),
        StoredJson.Read<ActionJson[]>(r.ActionsJson).Select(a => new ContingencyAction(a.Kind, a.Party, a.Text)),
        r.Statement, Visibility(r));
}
