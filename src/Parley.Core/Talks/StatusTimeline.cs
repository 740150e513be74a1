using System.Collections.Concurrent;

namespace Parley.Core.Talks;

/// <summary>
/// The status of one negotiation over valid time, for a caller that asks for it again and again ("now", every request).
/// <see cref="TalksStatus.Compute"/> depends on the as-of instant <c>t</c> only through comparisons <c>x ≤ t</c> with the
/// instants items carry — a position's start, an agreement's date, a proposal's creation, answers, withdrawal and
/// deadline (contingencies fire on those) — and through each open offer's time left (deadline − t). So between two
/// consecutive such instants everything but <see cref="StatusReport.AsOf"/> and <see cref="ProposalReport.TimeLeft"/> is
/// the same: the report is computed once per interval and re-stamped for each <c>t</c> in it. Equal to
/// <see cref="TalksStatus.Compute"/> at every instant (checked against it). The negotiation must not change afterwards.
/// </summary>
public sealed class StatusTimeline
{
    /// <summary>How many intervals' reports are kept; beyond, reports are computed and not kept.</summary>
    public const int MaxKept = 128;

    private readonly Negotiation _negotiation;
    private readonly DateTimeOffset[] _instants;
    private readonly ConcurrentDictionary<int, StatusReport> _reports = new();

    /// <summary>Collects the instants at which <paramref name="negotiation"/>'s status can change.</summary>
    public StatusTimeline(Negotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        _negotiation = negotiation;
        var instants = new List<DateTimeOffset>();
        instants.AddRange(negotiation.Positions.Select(p => p.ValidFrom));
        instants.AddRange(negotiation.Agreements.Select(a => a.At));
        foreach (var proposal in negotiation.Proposals)
        {
            instants.Add(proposal.Created);
            instants.AddRange(proposal.Responses.Select(r => r.At));
            if (proposal.Withdrawn is { } withdrawn) instants.Add(withdrawn);
            if (proposal.Expires is { } expires) instants.Add(expires);
        }
        _instants = instants.Select(i => i.ToUniversalTime()).Distinct().Order().ToArray();
    }

    /// <summary>The status as of <paramref name="asOf"/>: the same report <see cref="TalksStatus.Compute"/> gives.</summary>
    public StatusReport At(DateTimeOffset asOf)
    {
        var k = IntervalOf(asOf);
        if (!_reports.TryGetValue(k, out var report))
        {
            report = TalksStatus.Compute(_negotiation, k < 0 ? asOf : _instants[k]);
            if (_reports.Count < MaxKept) _reports.TryAdd(k, report);
        }
        return report.AsOf == asOf && report.AsOf.Offset == asOf.Offset ? report : Restamped(report, asOf);
    }

    /// <summary>
    /// The interval holding <paramref name="asOf"/>: <c>k</c> for <c>[instants[k], instants[k+1])</c>, −1 before the first
    /// instant. Two instants in the same interval get reports that differ only in their as-of instant and their open
    /// offers' time left.
    /// </summary>
    public int IntervalOf(DateTimeOffset asOf)
    {
        var found = Array.BinarySearch(_instants, asOf.ToUniversalTime());
        return found >= 0 ? found : ~found - 1;
    }

    private static StatusReport Restamped(StatusReport report, DateTimeOffset asOf) => report with
    {
        AsOf = asOf,
        Proposals = report.Proposals
            .Select(p => p with { TimeLeft = p.State == ProposalState.Open && p.Expires is { } e ? e - asOf : null })
            .ToArray(),
    };
}
