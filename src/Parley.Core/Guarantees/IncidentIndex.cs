namespace Parley.Core.Guarantees;

/// <summary>How the evaluator finds the incidents to compare with a term (the full scan is a baseline, not a product choice).</summary>
internal enum CandidateSearch
{
    /// <summary>Through the index by start time and admin1 area: only incidents in the term's covered periods and regions.</summary>
    Indexed,
    /// <summary>Every incident against every term. Same results, slower; for cross-checks and as a benchmark baseline.</summary>
    FullScan,
}

/// <summary>
/// Incident reports grouped into duplicates and indexed by start time, overall and per admin1 area, so that a
/// term over a window and region looks only at the reports that can fall in it. Built once, read by any number
/// of evaluations; immutable.
/// </summary>
public sealed class IncidentIndex
{
    /// <summary>
    /// Reports in start-time order with the fields every candidate is filtered on kept in flat arrays, so the scan
    /// touches an incident object only once time, verification, party and point location have matched.
    /// </summary>
    private sealed class TimeOrdered
    {
        public TimeOrdered(Incident[] all, int[] members)
        {
            Incident = members;
            Starts = new long[members.Length];
            Ends = new long[members.Length];
            VerifiedAt = new long[members.Length];
            Party = new string?[members.Length];
            Lat = new double[members.Length];
            Lon = new double[members.Length];
            for (var k = 0; k < members.Length; k++)
            {
                var incident = all[members[k]];
                Starts[k] = incident.Time.Start.UtcTicks;
                Ends[k] = incident.Time.End.UtcTicks;
                var verified = incident.Verification.Count > 0 && incident.Verification[^1].To == VerificationState.Verified
                    ? incident.Verification[^1] : null;
                VerifiedAt[k] = verified?.At.UtcTicks ?? long.MaxValue;
                Party[k] = verified?.ResponsibleParty;
                Lat[k] = incident.Location.Latitude ?? double.NaN;
                Lon[k] = incident.Location.Longitude ?? double.NaN;
            }
        }

        public int[] Incident { get; }
        public long[] Starts { get; }
        public long[] Ends { get; }
        public long[] VerifiedAt { get; }
        public string?[] Party { get; }
        public double[] Lat { get; }
        public double[] Lon { get; }
    }

    private readonly TimeOrdered _all;
    private readonly Dictionary<string, TimeOrdered> _byAdmin1;
    private readonly Dictionary<string, int> _byId;

    private IncidentIndex(Incident[] incidents, IncidentGroups groups)
    {
        Items = incidents;
        Incidents = incidents;
        Groups = groups;
        var order = Enumerable.Range(0, incidents.Length).ToArray();
        Array.Sort(incidents.Select(i => i.Time.Start.UtcTicks).ToArray(), order);
        _all = new TimeOrdered(incidents, order);
        _byAdmin1 = order
            .GroupBy(i => incidents[i].Location.Admin1 ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new TimeOrdered(incidents, g.ToArray()), StringComparer.OrdinalIgnoreCase);
        _byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < incidents.Length; i++) _byId.TryAdd(incidents[i].Id, i);
    }

    /// <summary>The reports, in input order.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>The same reports as an array, for the evaluator's inner loops.</summary>
    internal Incident[] Items { get; }

    /// <summary>Their duplicate groups.</summary>
    public IncidentGroups Groups { get; }

    /// <summary>Groups and indexes the reports.</summary>
    /// <exception cref="ArgumentException">Two reports share an id.</exception>
    public static IncidentIndex Build(IEnumerable<Incident> incidents, DuplicatePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var list = incidents.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in list)
            if (!seen.Add(i.Id)) throw new ArgumentException($"Incident id '{i.Id}' appears twice.", nameof(incidents));
        return new IncidentIndex(list, IncidentGroups.Group(list, policy));
    }

    /// <summary>The index of the report with this id, or -1.</summary>
    public int IndexOf(string id) => _byId.TryGetValue(id, out var i) ? i : -1;

    /// <summary>
    /// Reports whose whole interval lies in <paramref name="period"/>, that started at or before <paramref name="asOf"/>,
    /// were Verified as of <paramref name="asOf"/> with a responsible party among <paramref name="parties"/>, and lie in
    /// <paramref name="area"/>; in start order within each admin1 area.
    /// </summary>
    internal IEnumerable<int> Covered(Period period, Area area, DateTimeOffset asOf, IReadOnlyList<string> parties,
        CandidateSearch search)
    {
        var from = period.From.UtcTicks;
        var to = (period.To ?? DateTimeOffset.MaxValue).UtcTicks;
        var now = asOf.UtcTicks;
        if (search == CandidateSearch.FullScan)
            return Scan(_all, 0, _all.Starts.Length, from, to, now, area, parties);
        if (area.Shape is null && area.Regions.Count > 0)
            return area.Regions.Select(r => r.Admin1).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(_byAdmin1.ContainsKey)
                .SelectMany(a => InRange(_byAdmin1[a], from, to, now, area, parties));
        return InRange(_all, from, to, now, area, parties);
    }

    private IEnumerable<int> InRange(TimeOrdered slice, long from, long to, long now, Area area, IReadOnlyList<string> parties)
    {
        var lo = LowerBound(slice.Starts, from);
        var hi = LowerBound(slice.Starts, Math.Min(to, now == long.MaxValue ? now : now + 1));
        return Scan(slice, lo, hi, from, to, now, area, parties);
    }

    private IEnumerable<int> Scan(TimeOrdered s, int lo, int hi, long from, long to, long now, Area area, IReadOnlyList<string> parties)
    {
        var pointOnly = area.Shape is not null && area.Regions.Count == 0;
        for (var k = lo; k < hi; k++)
        {
            if (s.VerifiedAt[k] > now || s.Starts[k] > now) continue;
            if (s.Starts[k] < from || s.Starts[k] >= to || s.Ends[k] > to) continue;
            if (s.Party[k] is not { } party || !GuaranteeEvaluator.IsOneOf(party, parties)) continue;
            if (pointOnly ? !area.ContainsPoint(s.Lat[k], s.Lon[k]) : !area.Contains(Items[s.Incident[k]].Location)) continue;
            yield return s.Incident[k];
        }
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
