using Parley.Core.Access;
using Parley.Core.Drafting;
using Parley.Core.Guarantees;
using Parley.Core.Talks;

namespace Parley.Application.Briefing;

/// <summary>
/// Puts a <see cref="Briefing"/> together from what one member sees: the negotiation scoped to the member, the status
/// computed from it, the drafts' versions in force on the date and the guarantees evaluated on it. Pure: no I/O.
/// </summary>
public static class BriefingComposer
{
    /// <summary>Label of the brackets in provisions tagged with no issue.</summary>
    public const string Untagged = "untagged";

    /// <summary>Composes the briefing.</summary>
    /// <param name="negotiation">The negotiation as <paramref name="viewer"/> may see it (<see cref="NegotiationScope.For"/>).</param>
    /// <param name="viewer">Whom it is for.</param>
    /// <param name="report">The status of <paramref name="negotiation"/> as of the briefing's date.</param>
    /// <param name="drafts">Each stored draft's key and its version in force on the date.</param>
    /// <param name="guarantees">The guarantees evaluated as of the date, from <paramref name="negotiation"/>.</param>
    public static Briefing Compose(Negotiation negotiation, Viewer viewer, StatusReport report,
        IReadOnlyList<(string Draft, DraftVersion Version)> drafts, GuaranteesEvaluation guarantees)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(report);
        string Party(string id) => negotiation.FindParty(id)?.Name
            ?? negotiation.Parties.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))?.Name ?? id;
        string Option(string issue, string option) => negotiation.FindIssue(issue)?.Options.FirstOrDefault(o => o.Id == option)?.Label ?? option;
        IReadOnlyList<string> Parties(IEnumerable<string> ids) => [.. ids.Select(Party)];

        return new Briefing
        {
            NegotiationId = negotiation.Id,
            Title = negotiation.Title,
            AsOf = report.AsOf,
            PreparedFor = PreparedFor(viewer, Party),
            AgreedIssues = report.Issues.Count(i => i.Status == IssueStatus.Agreed),
            TotalIssues = report.Issues.Count,
            AgreedShare = report.AgreedShare,
            AgreedShareByWeight = report.AgreedShareByWeight,
            Agreed = [.. report.Issues.Where(i => i.Status == IssueStatus.Agreed)
                .Select(i => new AgreedItem(i.Title, Option(i.Issue, i.AgreedOption ?? ""), i.AdReferendum))],
            StickingPoints = [.. report.StickingPoints.Select(i => new StickingPoint(i.Title, i.Status,
                [.. i.Collisions.Select(c => new CollisionLine(Option(i.Issue, c.Option), Parties(c.RedLineOf), Parties(c.RejectedBy.Except(c.RedLineOf))))],
                [.. i.AcceptableToAll.Select(o => Option(i.Issue, o))], Parties(i.MissingPositions)))],
            OpenOffers = [.. report.OpenOffers.OrderBy(p => p.Expires ?? DateTimeOffset.MaxValue)
                .Select(p => new OpenOffer(p.Title, Party(p.Author), Parties(negotiation.FindProposal(p.Proposal)?.Addressees ?? []), p.Expires, p.TimeLeft))],
            Drafts = [.. drafts.Select(d => Brackets(d.Draft, d.Version, issue => negotiation.FindIssue(issue)?.Title ?? issue, Party))],
            Guarantees = [.. guarantees.Commitments.Select(c => new GuaranteeLine(c.Commitment.Title, c.State,
                [.. c.Breaches.Select(b => new BreachLine(b.IncidentId, b.Time.Start, Party(b.ResponsibleParty)))],
                [.. c.Duties.Select(d => new DutyLine(Party(d.Debtor), d.Deadline, d.State))]))],
        };
    }

    // Top-level brackets only: a bracket inside another is part of the same open question.
    private static DraftBrackets Brackets(string draft, DraftVersion version, Func<string, string> issueTitle, Func<string, string> party)
    {
        var document = version.Document;
        var top = document.Brackets.Where(b => b.Parent < 0).ToArray();
        var byIssue = top
            .GroupBy(b => b.Provision >= 0 && b.Provision < document.Provisions.Count ? document.Provisions[b.Provision].Issue : null)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .Select(g => new IssueBrackets(g.Key is { } issue ? issueTitle(issue) : Untagged, g.Count(),
                [.. g.SelectMany(b => b.Parties).Distinct(StringComparer.OrdinalIgnoreCase).Select(party)]))
            .ToArray();
        return new DraftBrackets(draft, version.Label, top.Length, document.Metrics.AgreedShare, byIssue);
    }

    private static string PreparedFor(Viewer viewer, Func<string, string> party) => viewer.Role switch
    {
        MemberRole.Mediator => "the mediator",
        MemberRole.Delegation => $"the delegation of {party(viewer.Party ?? "")}",
        MemberRole.Guarantor => viewer.Party is { } p ? $"a guarantor ({party(p)})" : "a guarantor",
        MemberRole.Monitor => "a monitor",
        _ => "an observer",
    };
}
