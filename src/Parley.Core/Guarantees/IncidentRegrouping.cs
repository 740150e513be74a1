namespace Parley.Core.Guarantees;

/// <summary>A stored report and the primary report of its duplicate group (null when it is a primary).</summary>
/// <param name="Incident">The report.</param>
/// <param name="DuplicateOf">The id of its group's primary; null when it is one.</param>
public sealed record StoredIncident(Incident Incident, string? DuplicateOf);

/// <summary>
/// One row an import writes: a new report to insert, or a stored report whose duplicate group changed (its
/// <c>duplicate_of</c> to update).
/// </summary>
/// <param name="Report">The report.</param>
/// <param name="DuplicateOf">The id of its group's primary after the import; null when it is one.</param>
/// <param name="Stored">The report as stored, with its group before the import; null for a new report.</param>
public readonly record struct GroupChange(Incident Report, string? DuplicateOf, StoredIncident? Stored)
{
    /// <summary>True for a stored report whose group changed; false for a new report.</summary>
    public bool IsStored => Stored is not null;
}

/// <summary>
/// The stored reports that new reports can regroup, when the stored groups were made with the default policy: every
/// report starting at or after <see cref="From"/> (the earliest new report's start), and the earlier primaries still
/// open then — those ending at or after <see cref="Horizon"/> (<see cref="From"/> minus the policy's gap). Grouping
/// runs in start order and a report's group depends only on the reports before it, so the other stored reports keep
/// their groups: an earlier duplicate is never a candidate, and a primary that ended longer ago matches nothing later.
/// </summary>
/// <param name="From">The earliest new report's start.</param>
/// <param name="Horizon">The earliest end of a stored primary that a new or later report can still join.</param>
public sealed record RegroupWindow(DateTimeOffset From, DateTimeOffset Horizon)
{
    /// <summary>Whether regrouping must read <paramref name="stored"/> (the filter a store runs as a query).</summary>
    public bool Holds(StoredIncident stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Incident.Time.Start >= From || (stored.DuplicateOf is null && stored.Incident.Time.End >= Horizon);
    }
}

/// <summary>
/// What adding reports to stored ones changes in the duplicate groups (<see cref="IncidentGroups"/>), without
/// regrouping every stored report: the stored reports to read (<see cref="Window"/>), then the rows to write
/// (<see cref="Regroup"/>). No I/O: a store reads the window, inserts the new rows and applies the stored changes in
/// one batch.
/// </summary>
public static class IncidentRegrouping
{
    /// <summary>
    /// The stored reports that adding <paramref name="fresh"/> under <paramref name="policy"/> can regroup; null when
    /// every stored report must be read — another policy than the default the stored groups were made with, or no new
    /// report.
    /// </summary>
    public static RegroupWindow? Window(IReadOnlyList<Incident> fresh, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        policy ??= DuplicatePolicy.Default;
        if (fresh.Count == 0 || policy != DuplicatePolicy.Default) return null;
        var from = DateTimeOffset.MaxValue;
        foreach (var i in fresh)
            if (i.Time.Start < from) from = i.Time.Start;
        return new RegroupWindow(from, from - policy.MaxGap);
    }

    /// <summary>
    /// Groups <paramref name="stored"/> (the reports a <see cref="Window"/> holds, or every stored report) with
    /// <paramref name="fresh"/> and returns the rows to write: every new report, and every stored report whose primary
    /// changed, with its group's primary — in start order (ties by id), a primary before its members, as grouping finds
    /// them (lazily: a store can insert each row as it comes while grouping goes on).
    /// </summary>
    /// <param name="stored">Stored reports with their stored groups.</param>
    /// <param name="fresh">New reports, with ids distinct from each other and from <paramref name="stored"/>'s.</param>
    /// <param name="policy">The duplicate policy (default 1 km, 2 h).</param>
    public static IEnumerable<GroupChange> Regroup(IReadOnlyList<StoredIncident> stored, IReadOnlyList<Incident> fresh, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fresh);
        return Changes(stored, fresh, policy ?? DuplicatePolicy.Default);
    }

    private static IEnumerable<GroupChange> Changes(IReadOnlyList<StoredIncident> stored, IReadOnlyList<Incident> fresh, DuplicatePolicy policy)
    {
        var all = new Incident[stored.Count + fresh.Count];
        for (var k = 0; k < stored.Count; k++) all[k] = stored[k].Incident;
        for (var k = 0; k < fresh.Count; k++) all[stored.Count + k] = fresh[k];
        foreach (var (k, primary) in IncidentGroups.Assign(all, policy))
        {
            var duplicateOf = k == primary ? null : all[primary].Id;
            if (k >= stored.Count) yield return new GroupChange(all[k], duplicateOf, null);
            else if (!string.Equals(stored[k].DuplicateOf, duplicateOf, StringComparison.Ordinal)) yield return new GroupChange(all[k], duplicateOf, stored[k]);
        }
    }
}
