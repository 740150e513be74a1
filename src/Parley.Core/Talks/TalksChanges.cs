namespace Parley.Core.Talks;

/// <summary>An issue whose status or agreed option differs between two instants.</summary>
/// <param name="Issue">The issue's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Before">Status at the earlier instant.</param>
/// <param name="After">Status at the later instant.</param>
/// <param name="AgreedBefore">Agreed option at the earlier instant, if any.</param>
/// <param name="AgreedAfter">Agreed option at the later instant, if any.</param>
public sealed record IssueChange(string Issue, string Title, IssueStatus Before, IssueStatus After, string? AgreedBefore, string? AgreedAfter);

/// <summary>Something dated within the interval: a position, statement, proposal, answer, agreement or round.</summary>
/// <param name="Kind">position, statement, proposal, response, withdrawal, agreement, round.</param>
/// <param name="Id">The item's id (for an answer: the proposal's).</param>
/// <param name="At">When it happened (valid time).</param>
/// <param name="Party">The party it is by, when there is one.</param>
/// <param name="Issue">The issue it is about, when there is one.</param>
public sealed record ChangedItem(string Kind, string Id, DateTimeOffset At, string? Party, string? Issue);

/// <summary>What changed in the talks between two instants (valid time).</summary>
/// <param name="Since">The earlier instant (exclusive).</param>
/// <param name="AsOf">The later instant (inclusive).</param>
/// <param name="AgreedShareBefore">Agreed share at <see cref="Since"/>.</param>
/// <param name="AgreedShareAfter">Agreed share at <see cref="AsOf"/>.</param>
/// <param name="Issues">Issues whose status or agreed option changed, in agenda order.</param>
/// <param name="Items">Items dated in (Since, AsOf], earliest first.</param>
public sealed record ChangeReport(DateTimeOffset Since, DateTimeOffset AsOf, double AgreedShareBefore, double AgreedShareAfter,
    IReadOnlyList<IssueChange> Issues, IReadOnlyList<ChangedItem> Items);

/// <summary>Answers "what changed since a date": the status at both ends compared, and the items dated between.</summary>
public static class TalksChanges
{
    /// <summary>Compares the status at <paramref name="since"/> and <paramref name="asOf"/>; lists what is dated in (since, asOf].</summary>
    /// <exception cref="ArgumentException"><paramref name="since"/> is after <paramref name="asOf"/>.</exception>
    public static ChangeReport Between(Negotiation negotiation, DateTimeOffset since, DateTimeOffset asOf)
    {
        if (since > asOf) throw new ArgumentException("'since' must not be after 'as of'.", nameof(since));
        var before = TalksStatus.Compute(negotiation, since);
        var after = TalksStatus.Compute(negotiation, asOf);
        var issues = before.Issues.Zip(after.Issues)
            .Where(p => p.First.Status != p.Second.Status || p.First.AgreedOption != p.Second.AgreedOption)
            .Select(p => new IssueChange(p.Second.Issue, p.Second.Title, p.First.Status, p.Second.Status, p.First.AgreedOption, p.Second.AgreedOption))
            .ToArray();

        bool Within(DateTimeOffset t) => t > since && t <= asOf;
        var items = new List<ChangedItem>();
        items.AddRange(negotiation.Positions.Where(p => Within(p.ValidFrom)).Select(p => new ChangedItem("position", p.Id, p.ValidFrom, p.Party, p.Issue)));
        items.AddRange(negotiation.Statements.Where(s => Within(s.At)).Select(s => new ChangedItem("statement", s.Id, s.At, s.Signatories[0], null)));
        items.AddRange(negotiation.Agreements.Where(a => Within(a.At)).Select(a => new ChangedItem("agreement", a.Id, a.At, null, a.Issue)));
        items.AddRange(negotiation.Rounds.Where(r => Within(r.Start)).Select(r => new ChangedItem("round", r.Id, r.Start, null, null)));
        foreach (var p in negotiation.Proposals)
        {
            if (Within(p.Created)) items.Add(new ChangedItem("proposal", p.Id, p.Created, p.Author, null));
            items.AddRange(p.Responses.Where(r => Within(r.At)).Select(r => new ChangedItem("response", p.Id, r.At, r.Party, null)));
            if (p.Withdrawn is { } w && Within(w)) items.Add(new ChangedItem("withdrawal", p.Id, w, p.Author, null));
        }
        return new ChangeReport(since, asOf, before.AgreedShare, after.AgreedShare, issues, items.OrderBy(i => i.At).ToArray());
    }
}
