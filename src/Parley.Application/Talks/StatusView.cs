using Parley.Core.Talks;

namespace Parley.Application.Talks;

/// <summary>The status report as served over the API and printed by <c>parley status --json</c>.</summary>
public sealed record StatusView(
    DateTimeOffset AsOf,
    double AgreedShare,
    double AgreedShareByWeight,
    int AgreedIssues,
    int TotalIssues,
    IReadOnlyList<IssueStatusView> Issues,
    IReadOnlyList<IssueStatusView> StickingPoints,
    IReadOnlyList<PairConvergence> Convergence,
    IReadOnlyList<ProposalReport> Proposals,
    IReadOnlyList<ProposalReport> ExpiredOffers,
    IReadOnlyList<FiredContingency> FiredContingencies)
{
    /// <summary>Projects a core report.</summary>
    public static StatusView From(StatusReport report) => new(
        report.AsOf,
        Math.Round(report.AgreedShare, 6),
        Math.Round(report.AgreedShareByWeight, 6),
        report.Issues.Count(i => i.Status == IssueStatus.Agreed),
        report.Issues.Count,
        report.Issues.Select(IssueStatusView.From).ToArray(),
        report.StickingPoints.Select(IssueStatusView.From).ToArray(),
        report.Convergence,
        report.Proposals,
        report.ExpiredOffers.ToArray(),
        report.FiredContingencies);
}

/// <summary>One issue's status as served.</summary>
public sealed record IssueStatusView(
    string Id,
    string Title,
    IssueStatus Status,
    double Weight,
    string? AgreedOption,
    bool AdReferendum,
    IReadOnlyList<string> Principals,
    IReadOnlyList<string> AcceptableToAll,
    IReadOnlyList<Blocker> Blockers,
    IReadOnlyList<Collision> Collisions,
    IReadOnlyList<string> MissingPositions)
{
    /// <summary>
    /// One line for a table: the agreed option (and "ad ref." while pending the capitals), or who blocks with
    /// what — "ua: red lines a, b; rejects c · ru: red line d".
    /// </summary>
    public string Summary => Status == IssueStatus.Agreed
        ? AgreedOption + (AdReferendum ? " (ad ref.)" : "")
        : string.Join(" · ", Blockers.Select(b =>
        {
            var others = b.Options.Except(b.RedLines).ToArray();
            var parts = new List<string>();
            if (b.RedLines.Count > 0) parts.Add($"red line{(b.RedLines.Count > 1 ? "s" : "")} {string.Join(", ", b.RedLines)}");
            if (others.Length > 0) parts.Add($"rejects {string.Join(", ", others)}");
            return $"{b.Party}: {string.Join("; ", parts)}";
        }));

    /// <summary>Projects one issue report.</summary>
    public static IssueStatusView From(IssueReport r) => new(r.Issue, r.Title, r.Status, r.Weight, r.AgreedOption, r.AdReferendum,
        r.Principals, r.AcceptableToAll, r.Blockers, r.Collisions, r.MissingPositions);
}
